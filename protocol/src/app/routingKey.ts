/**
 * The routing key: a random name a tab picks before its first connection and puts in every
 * upgrade URL of `/ws` as `?session=<key>`, so a load balancer can send every connection of one
 * tab to the same process from the very first upgrade (`hash $arg_session consistent` in nginx).
 * It is not the session id: a URL is written to access logs, and the session id is what resumes
 * a session. The server ties the key to the session it opens; a tab resumes its session only
 * with the key it had (docs/scaling.md).
 */
export const ROUTING_KEY_PARAM = "session";

/** Longest routing key a server accepts; the renderer's are 22 characters. */
export const ROUTING_KEY_MAX = 64;

const ROUTING_KEY = new RegExp(`^[A-Za-z0-9_-]{1,${ROUTING_KEY_MAX}}$`);

/** Whether `value` can be a routing key: 1–64 characters of `[A-Za-z0-9_-]`. */
export function isRoutingKey(value: unknown): value is string {
  return typeof value === "string" && ROUTING_KEY.test(value);
}
