import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../..", import.meta.url));

/**
 * Which of the libraries only some apps need a fresh process has loaded (each is CommonJS, so
 * they show in the module cache) after importing "weft" and "weft/server", and after a server
 * turned them on: the scale-out ones, and serve-static for an app's own files.
 */
const probe = `
import Module from "node:module";
import { tmpdir } from "node:os";
const loaded = () => [...new Set(Object.keys(Module._cache).map((p) => /node_modules\\/(ioredis|prom-client|serve-static)\\//.exec(p)?.[1]).filter(Boolean))].sort();
await import("weft");
const { redisPubSub, createWeftServer } = await import("weft/server");
const before = loaded();
const plain = await createWeftServer({ main() {}, port: 0 });
const withPlainServer = loaded();
await plain.close();
const pubsub = redisPubSub("redis://127.0.0.1:1", { log: { warn() {}, log() {} } });
const server = await createWeftServer({ main() {}, port: 0, metrics: true, pubsub, assetsDir: tmpdir() });
console.log(JSON.stringify({ before, withPlainServer, after: loaded() }));
await server.close();
`;

describe("what an app loads", () => {
  it("loads neither the Redis client, prom-client nor serve-static until a server uses them", { timeout: 30_000 }, () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", probe], { cwd: root, encoding: "utf8", timeout: 30_000 });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ before: [], withPlainServer: [], after: ["ioredis", "prom-client", "serve-static"] });
  });
});
