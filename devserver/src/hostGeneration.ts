import { AsyncLocalStorage } from "node:async_hooks";
import { Server } from "node:net";

/**
 * What one run of a server module (`weft dev server.ts`) started that a new version of it would
 * start again: the servers it made listen and the listeners it put on `process` (SIGTERM
 * handlers). Before the module runs again, its servers stop listening, so the new version can
 * take the same port, and its listeners come off, so they do not pile up with every edit.
 *
 * What stays: connections already accepted, the WebSockets of the apps above all. Their sessions
 * go on in the same session managers, which the new version's `createWeft()` calls are given
 * (hostedApp.ts), so a tab never notices its host's handlers were replaced.
 *
 * Written here because no library restarts part of a process: tools like nodemon restart all
 * of it, which is what loses every session.
 */
export class HostGeneration {
  readonly servers = new Set<Server>();
  private readonly processListeners: [event: string | symbol, listener: (...args: unknown[]) => void][] = [];

  /** Runs the server module's code (its import) so that what it starts is recorded here. */
  run<T>(fn: () => T): T {
    return current.run(this, fn);
  }

  /** @internal */
  recordListener(event: string | symbol, listener: (...args: unknown[]) => void): void {
    this.processListeners.push([event, listener]);
  }

  /** Resolves once every server it started listens (or failed to), or after `timeoutMs`. */
  async listening(timeoutMs: number): Promise<void> {
    const waits = [...this.servers].map(
      (server) =>
        new Promise<void>((resolve) => {
          if (server.listening) return resolve();
          const done = () => {
            server.off("listening", done);
            server.off("error", done);
            resolve();
          };
          server.once("listening", done);
          server.once("error", done);
        }),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(waits), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }

  /**
   * Stops what the run started: its servers stop listening (the port is free at once; idle
   * keep-alive connections close, upgraded sockets stay) and its process listeners come off.
   */
  stop(): void {
    for (const server of this.servers) {
      if (server.listening) server.close();
      (server as Server & { closeIdleConnections?: () => void }).closeIdleConnections?.();
    }
    this.servers.clear();
    for (const [event, listener] of this.processListeners.splice(0)) process.removeListener(event, listener);
  }
}

const current = new AsyncLocalStorage<HostGeneration>();
let installed = 0;
let uninstall: (() => void) | null = null;

/**
 * Watches `listen()` on every server and `process.on()` (and its aliases), recording them in
 * the host generation whose code calls them. Reference counted; returns the undo.
 */
export function trackHostGenerations(): () => void {
  if (installed++ === 0) {
    const listen = Server.prototype.listen;
    Server.prototype.listen = function (this: Server, ...args: unknown[]) {
      current.getStore()?.servers.add(this);
      return (listen as (...a: unknown[]) => Server).apply(this, args);
    } as typeof listen;
    // `once` and `prependOnceListener` go through these two on the same object.
    const names = ["on", "addListener", "prependListener"] as const;
    const originals = names.map((name) => [name, Object.getOwnPropertyDescriptor(process, name)] as const);
    for (const name of names) {
      const original = process[name] as (event: string | symbol, listener: (...args: unknown[]) => void) => NodeJS.Process;
      Object.defineProperty(process, name, {
        configurable: true,
        writable: true,
        value(this: NodeJS.Process, event: string | symbol, listener: (...args: unknown[]) => void) {
          current.getStore()?.recordListener(event, listener);
          return original.call(this, event, listener);
        },
      });
    }
    uninstall = () => {
      Server.prototype.listen = listen;
      for (const [name, descriptor] of originals) {
        if (descriptor) Object.defineProperty(process, name, descriptor);
        else delete (process as unknown as Record<string, unknown>)[name];
      }
    };
  }
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (--installed === 0) {
      uninstall?.();
      uninstall = null;
    }
  };
}
