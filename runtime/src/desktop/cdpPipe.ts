import type { ProtocolMapping } from "devtools-protocol/types/protocol-mapping";

/** A CDP command's name, e.g. `"Browser.setWindowBounds"`. */
export type CdpMethod = keyof ProtocolMapping.Commands;
/** A CDP event's name, e.g. `"Page.javascriptDialogOpening"`. */
export type CdpEvent = keyof ProtocolMapping.Events;
/** The mapping lists params as a tuple: `[]`, `[Params?]` or `[Params]`. */
type ParamsOf<M extends CdpMethod> = ProtocolMapping.Commands[M]["paramsType"][0];
type ResultOf<M extends CdpMethod> = ProtocolMapping.Commands[M]["returnType"];
type EventParams<E extends CdpEvent> = ProtocolMapping.Events[E] extends [infer P] ? P : undefined;

/** The DevTools protocol failed a command, or the browser went away before answering. */
export class CdpError extends Error {
  override name = "CdpError";
}

interface Pending {
  method: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/**
 * The Chrome DevTools protocol over `--remote-debugging-pipe`: JSON messages separated by a NUL
 * byte, on the browser's file descriptors 3 (commands in) and 4 (answers and events out).
 *
 * Written by hand because the maintained clients speak WebSocket only (chrome-remote-interface)
 * or come inside a browser automation framework (Puppeteer, Playwright). The pipe is the point:
 * a `--remote-debugging-port` on loopback lets any local process, of any user, drive the window
 * and read the app's page; a pipe is reachable by this process alone.
 *
 * Sessions are "flat" (`Target.attachToTarget({ flatten: true })`): one connection carries every
 * target's messages, told apart by `sessionId`.
 */
export class CdpPipe {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(params: unknown, sessionId: string | undefined) => void>>();
  private buffered = "";
  private closedReason: string | null = null;
  /** Resolves once the browser's end of the pipe is gone (it exited or closed its window). */
  readonly closed: Promise<string>;

  constructor(
    private readonly toBrowser: NodeJS.WritableStream,
    fromBrowser: NodeJS.ReadableStream,
  ) {
    let markClosed!: (reason: string) => void;
    this.closed = new Promise((resolve) => (markClosed = resolve));
    fromBrowser.setEncoding?.("utf8");
    fromBrowser.on("data", (chunk: string | Buffer) => this.receive(String(chunk)));
    const end = (reason: string) => {
      if (this.closedReason !== null) return;
      this.closedReason = reason;
      for (const [, pending] of this.pending) pending.reject(new CdpError(`${pending.method}: the browser closed the DevTools pipe (${reason})`));
      this.pending.clear();
      markClosed(reason);
    };
    fromBrowser.on("end", () => end("pipe ended"));
    fromBrowser.on("close", () => end("pipe closed"));
    fromBrowser.on("error", (err: Error) => end(err.message));
    // Writing to a browser that just exited fails with EPIPE: the pending commands are rejected
    // by `end` above, nothing is thrown into the app.
    toBrowser.on("error", (err: Error) => end(err.message));
  }

  get isClosed(): boolean {
    return this.closedReason !== null;
  }

  /** Sends a command (to the browser, or to a target's session) and resolves with its result. */
  send<M extends CdpMethod>(method: M, params?: ParamsOf<M>, sessionId?: string): Promise<ResultOf<M>> {
    if (this.closedReason !== null) return Promise.reject(new CdpError(`${method}: the DevTools pipe is closed (${this.closedReason})`));
    const id = this.nextId++;
    const message: Record<string, unknown> = { id, method, params: params ?? {} };
    if (sessionId) message.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (r: unknown) => void, reject });
      this.toBrowser.write(JSON.stringify(message) + "\0");
    });
  }

  /** Listens to an event, of every session or of one. Returns the undo. */
  on<E extends CdpEvent>(event: E, listener: (params: EventParams<E>, sessionId: string | undefined) => void, sessionId?: string): () => void {
    const wrapped = (params: unknown, from: string | undefined) => {
      if (sessionId === undefined || from === sessionId) listener(params as EventParams<E>, from);
    };
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    let end: number;
    while ((end = this.buffered.indexOf("\0")) >= 0) {
      const text = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 1);
      let message: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message?: string }; sessionId?: string };
      try {
        message = JSON.parse(text);
      } catch {
        continue; // the browser does not send broken JSON; if it did, one message is lost, not the app
      }
      if (typeof message.id === "number") {
        const pending = this.pending.get(message.id);
        if (!pending) continue;
        this.pending.delete(message.id);
        if (message.error) pending.reject(new CdpError(`${pending.method}: ${message.error.message ?? JSON.stringify(message.error)}`));
        else pending.resolve(message.result);
      } else if (typeof message.method === "string") {
        for (const listener of this.listeners.get(message.method) ?? []) {
          try {
            listener(message.params, message.sessionId);
          } catch (err) {
            console.error(`weft: a handler of the browser's ${message.method} event threw:`, err);
          }
        }
      }
    }
  }
}
