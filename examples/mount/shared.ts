import { fileURLToPath } from "node:url";
import type { WeftApp } from "weft/server";

/** The app's own files (Flet's `assets_dir`): `assets/logo.svg` is `new Image({ src: "/logo.svg" })`. */
export const assetsDir = fileURLToPath(new URL("assets", import.meta.url));

/** Where the examples listen: `PORT` and `HOST` from the environment (0 picks a free port). */
export const port = Number(process.env.PORT ?? 3000);
export const host = process.env.HOST ?? "127.0.0.1";

/**
 * The sign-in cookie every host sets at `/login?user=NAME` (HttpOnly: only the server, and so
 * the mounted app's `page.request.cookies`, reads it). A real host would set a signed session
 * id; the name keeps the examples short.
 */
export function signInCookie(user: string): string {
  return `user=${encodeURIComponent(user)}; Path=/; HttpOnly; SameSite=Lax`;
}

/** The API route beside the app: how many sessions it serves. */
export function status(app: WeftApp): { ok: true; sessions: number } {
  return { ok: true, sessions: app.sessions.size };
}

/**
 * Graceful shutdown on SIGTERM: the app's sessions close first (their `onClose` runs, each tab
 * is told), then the host's server stops.
 */
export function closeOnSigterm(app: WeftApp, closeServer: () => Promise<unknown>): void {
  process.once("SIGTERM", async () => {
    await app.close("the server is shutting down");
    await closeServer();
    console.log("Closed");
    process.exit(0);
  });
}

/** The line the tests wait for: the host's own URL. */
export function listening(address: unknown): void {
  const port = typeof address === "object" && address && "port" in address ? (address as { port: number }).port : 0;
  console.log(`Listening: http://${host}:${port}`);
}
