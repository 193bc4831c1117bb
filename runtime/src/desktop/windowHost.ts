import type { Session } from "../session/session.ts";
import type { Window, WindowMethod } from "./window.ts";

/**
 * What carries `page.window` out on a real window (the desktop driver). A session has one when
 * it is shown in a desktop window; a browser tab's session has none.
 */
export interface WindowHost {
  /** Props of `window` changed (called once per tick, after the app's writes). */
  changed(window: Window): void;
  /** A method of `window` was called; resolves when the window has done it. */
  call(window: Window, method: WindowMethod): Promise<void>;
}

const hosts = new WeakMap<Session, WindowHost>();

/** Makes `host` carry out the window of `session` (null: the session has no window any more). */
export function setWindowHost(session: Session, host: WindowHost | null): void {
  if (host) hosts.set(session, host);
  else hosts.delete(session);
}

export function windowHostOf(session: Session): WindowHost | undefined {
  return hosts.get(session);
}
