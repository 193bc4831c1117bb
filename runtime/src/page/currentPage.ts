import { currentSession } from "../session/sessionContext.ts";
import type { Page } from "./page.ts";

/**
 * The page whose code is running now, so Flet-style calls that name no page (`new Clipboard()`,
 * `context.disableAutoUpdate()`) find it: the page of the session whose code runs
 * (session/sessionContext.ts). Under `weft run` / `weft dev` that holds across awaits; where the
 * runtime keeps only the synchronous part (a browser worker holding one session) it is still
 * that worker's one session.
 */
export function currentPage(): Page | null {
  return currentSession()?.page ?? null;
}
