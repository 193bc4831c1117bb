import { serve, type HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { Hono, type Context } from "hono";
import { createWeft } from "weft/server";
import { dashboard } from "./dashboard.ts";
import { assetsDir, closeOnSigterm, host, listening, port, signInCookie, status } from "./shared.ts";

/**
 * Hono on `@hono/node-server`: the app's handler takes Node's request and response, which the
 * node server hands to every route as `c.env`; the route says the response is already sent.
 * Its socket shares the server `serve()` returns.
 */
const app = new Hono<{ Bindings: HttpBindings }>();
const weft = createWeft(dashboard, { basePath: "/dashboard", assetsDir });

app.get("/api/status", (c) => c.json(status(weft)));
app.get("/login", (c) => {
  c.header("Set-Cookie", signInCookie(c.req.query("user") ?? "guest"));
  return c.redirect("/dashboard/");
});
const toWeft = (c: Context<{ Bindings: HttpBindings }>) => {
  weft.handler(c.env.incoming, c.env.outgoing);
  return RESPONSE_ALREADY_SENT;
};
app.all("/dashboard", toWeft);
app.all("/dashboard/*", toWeft);

const server = serve({ fetch: app.fetch, port, hostname: host }, () => listening(server.address()));
weft.attach(server);
closeOnSigterm(weft, () => new Promise((resolve) => server.close(resolve)));
