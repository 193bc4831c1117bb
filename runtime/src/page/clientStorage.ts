import type { PropValue } from "@weft/protocol";
import type { Session } from "../session/session.ts";

/**
 * `page.clientStorage`: the browser's localStorage, through the protocol (invoke/reply).
 * Values are stored as JSON. Each call rejects with `INVOKE_TIMEOUT` when the browser does not
 * answer in time, and with `INVOKE_FAILED` when no browser is connected.
 */
export class ClientStorage {
  constructor(private readonly session: Session) {}

  /**
   * Reads a value the browser keeps for this app (its localStorage); null when there is none.
   * `await page.clientStorage.get<string>("theme")`.
   */
  async get<T = PropValue>(key: string): Promise<T | null> {
    return ((await this.session.invoke("clientStorage.get", [key])) ?? null) as T | null;
  }

  /** Keeps `value` in the browser under `key`: it is there the next time the user opens the app in that browser. */
  async set(key: string, value: PropValue): Promise<void> {
    await this.session.invoke("clientStorage.set", [key, value]);
  }

  /** Whether the browser keeps a value under `key`. */
  async containsKey(key: string): Promise<boolean> {
    return (await this.session.invoke("clientStorage.containsKey", [key])) === true;
  }

  /** Forgets the browser's value under `key`. */
  async remove(key: string): Promise<void> {
    await this.session.invoke("clientStorage.remove", [key]);
  }

  /** Keys that start with `prefix` (all keys when omitted). */
  async keys(prefix = ""): Promise<string[]> {
    return ((await this.session.invoke("clientStorage.keys", [prefix])) ?? []) as string[];
  }
}
