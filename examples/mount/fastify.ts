import middie from "@fastify/middie";
import Fastify from "fastify";
import { createWeft } from "weft/server";
import { dashboard } from "./dashboard.ts";
import { assetsDir, closeOnSigterm, host, listening, port, signInCookie, status } from "./shared.ts";

/**
 * Fastify 5: the app is a Connect-style middleware, which Fastify runs through
 * `@fastify/middie` (its own plugin for them); its socket shares `fastify.server`.
 */
const fastify = Fastify();
const weft = createWeft(dashboard, { basePath: "/dashboard", assetsDir });

await fastify.register(middie);
fastify.use("/dashboard", weft.handler);
fastify.get("/api/status", async () => status(weft));
fastify.get<{ Querystring: { user?: string } }>("/login", async (request, reply) => {
  reply.header("set-cookie", signInCookie(request.query.user ?? "guest"));
  return reply.redirect("/dashboard/");
});

weft.attach(fastify.server);
await fastify.listen({ port, host });
listening(fastify.server.address());
closeOnSigterm(weft, () => fastify.close());
