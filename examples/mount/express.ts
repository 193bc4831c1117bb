import express from "express";
import { createWeft } from "weft/server";
import { dashboard } from "./dashboard.ts";
import { assetsDir, closeOnSigterm, host, listening, port, signInCookie, status } from "./shared.ts";

/** Express 5: the app is a middleware at its base path, its socket shares Express's server. */
const app = express();
const weft = createWeft(dashboard, { basePath: "/dashboard", assetsDir });

app.get("/api/status", (_req, res) => {
  res.json(status(weft));
});
app.get("/login", (req, res) => {
  res.setHeader("Set-Cookie", signInCookie(String(req.query.user ?? "guest")));
  res.redirect("/dashboard/");
});
app.use("/dashboard", weft.handler);

const server = app.listen(port, host, () => listening(server.address()));
weft.attach(server);
closeOnSigterm(weft, () => new Promise((resolve) => server.close(resolve)));
