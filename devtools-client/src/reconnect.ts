/**
 * How the client comes back after the channel dropped (the devserver restarted, the laptop
 * slept): after `initialDelayMs`, then each wait `factor` times the last, at most `maxDelayMs`,
 * until it is open again. A refusal is never retried: the same request would be refused again
 * (another channel version, a bad frame, the first connection refused).
 */
export interface ReconnectPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  factor: number;
}

export const defaultReconnect: ReconnectPolicy = { initialDelayMs: 500, maxDelayMs: 5_000, factor: 2 };

/** The wait before retry number `attempt` (0 for the first retry after a drop). */
export function reconnectDelay(policy: ReconnectPolicy, attempt: number): number {
  return Math.min(policy.initialDelayMs * policy.factor ** attempt, policy.maxDelayMs);
}
