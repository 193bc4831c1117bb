import { createServer } from "node:http";
import { createWeft } from "weft/server";
import { dashboard } from "./dashboard.ts";
import { assetsDir, closeOnSigterm, host, listening, port, signInCookie, status } from "./shared.ts";

/** node:http alone: the host's listener answers its routes and hands the rest to the app. */
const weft = createWeft(dashboard, { basePath: "/dashboard", assetsDir });

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/api/status") {
    res.setHeader("Content-Type", "application/json");
    return res.end(JSON.stringify(status(weft)));
  }
  if (url.pathname === "/login") {
    res.writeHead(302, { "Set-Cookie": signInCookie(url.searchParams.get("user") ?? "guest"), Location: "/dashboard/" });
    return res.end();
  }
  // Outside /dashboard the app calls next: here, a 404.
  weft.handler(req, res, () => {
    res.statusCode = 404;
    res.end("Not found");
  });
});
server.listen(port, host, () => listening(server.address()));
weft.attach(server);
closeOnSigterm(weft, () => new Promise((resolve) => server.close(resolve)));
