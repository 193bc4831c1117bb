import { redisPubSub, type MetricsOptions, type WeftServerOptions } from "weft/server";
import { numberFlag, stringFlag, UsageError, type ParsedArgs } from "./args.ts";

/**
 * `weft run`'s flags for running beyond one process (docs/scaling.md): `--redis <url>` and
 * `--redis-channel <name>` (pubsub through Redis), `--metrics` (`/metrics`; a token for other
 * machines comes from `WEFT_METRICS_TOKEN`), `--drain-timeout <seconds>` (the bound of a
 * SIGTERM's drain).
 */
export interface ScaleFlags {
  server: Pick<WeftServerOptions, "pubsub" | "metrics">;
  drainTimeoutMs?: number;
}

export function scaleFromArgs(args: ParsedArgs, env: NodeJS.ProcessEnv = process.env): ScaleFlags {
  const redis = stringFlag(args, "redis");
  const channel = stringFlag(args, "redis-channel");
  if (channel !== undefined && redis === undefined) throw new UsageError("--redis-channel goes with --redis <url>", true);
  const server: ScaleFlags["server"] = {};
  if (redis !== undefined) {
    try {
      server.pubsub = redisPubSub(redis, channel !== undefined ? { channel } : {});
    } catch (err) {
      if (err instanceof TypeError) throw new UsageError(err.message, true);
      throw err;
    }
  }
  if (args.flags.has("metrics")) {
    if (args.flags.get("metrics") !== true) throw new UsageError("--metrics takes no value (a token for other machines comes from WEFT_METRICS_TOKEN)", true);
    const token = env.WEFT_METRICS_TOKEN;
    server.metrics = token ? ({ token } satisfies MetricsOptions) : true;
  }
  const drainTimeout = numberFlag(args, "drain-timeout");
  if (drainTimeout !== undefined && drainTimeout < 0) throw new UsageError("--drain-timeout needs a number of seconds ≥ 0", true);
  return { server, ...(drainTimeout !== undefined ? { drainTimeoutMs: drainTimeout * 1000 } : {}) };
}
