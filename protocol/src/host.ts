/**
 * The few host functions this package calls: every JavaScript host weft runs in (Node, browsers,
 * workers, VS Code's extension host) has them, but ECMAScript itself does not, and @weft/protocol
 * takes neither Node's nor the DOM's types. Read through `host` at call time (never copied), so a
 * test's fake timers apply.
 */
export interface Host {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  queueMicrotask(callback: () => void): void;
  readonly performance: { now(): number };
  readonly console: { error(...data: unknown[]): void };
}

export const host = globalThis as unknown as Host;
