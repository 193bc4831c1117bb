import { Page } from "../page/page.ts";
import type { PubSubHub } from "../pubsub/pubsubHub.ts";
import type { Session } from "../session/session.ts";
import { runContext } from "./runContext.ts";

/**
 * Where a run of main meets the page: tasks a run of main starts end with that run (their
 * signal aborts when a swap replaces it), and pubsub subscriptions it makes end too, so a swap
 * never leaves the old handler subscribed. The probe's page goes further: no tasks start,
 * `update()` sends nothing, `go()` stays on that page.
 */
export class PageSeams {
  private readonly patchedHubs = new WeakSet<PubSubHub>();

  /** On a page main runs on (the live one, or a hot restart's). */
  install(session: Session, page: Page): void {
    if (!Object.prototype.hasOwnProperty.call(page, "runTask")) {
      Object.defineProperty(page, "runTask", {
        configurable: true,
        writable: true,
        value<T>(task: (signal: AbortSignal) => T | Promise<T>): Promise<T | undefined> {
          const ctx = runContext.getStore();
          if (ctx?.build?.mode === "probe") return Promise.resolve(undefined);
          const gen = ctx?.gen;
          if (!gen || gen.aborted) return Page.prototype.runTask.call(page, task) as Promise<T | undefined>;
          const started = Page.prototype.runTask.call(page, (signal: AbortSignal) => task(AbortSignal.any([signal, gen.signal]))) as Promise<T | undefined>;
          gen.trackTask(started);
          return started;
        },
      });
    }
    const hub = session.pubsubHub;
    if (hub && !this.patchedHubs.has(hub)) {
      this.patchedHubs.add(hub);
      const subscribe = hub.subscribe;
      hub.subscribe = function (this: PubSubHub, ...args: Parameters<PubSubHub["subscribe"]>) {
        const off = subscribe.apply(this, args);
        const gen = runContext.getStore()?.gen;
        if (!gen) return off;
        const forget = gen.onAbort(off);
        return () => {
          forget();
          off();
        };
      } as PubSubHub["subscribe"];
    }
  }

  /** On the probe's throwaway page. */
  installProbe(session: Session, page: Page): void {
    this.install(session, page);
    Object.defineProperty(page, "update", { configurable: true, writable: true, value: () => {} });
    Object.defineProperty(page, "go", {
      configurable: true,
      writable: true,
      value(route: string) {
        page.route = route;
        const handler = page._h.routeChange;
        if (handler) handler.call(page, page._decorateEvent({ control: page, name: "routeChange", data: route, page }));
      },
    });
  }
}
