import { Generation, type Stopped } from "./generation.ts";
import type { RunContext } from "./runContext.ts";

/**
 * The top level of each module as a generation of its own: the intervals a module starts when
 * it loads (`clock.ts`'s `setInterval`) end when the next version of that module takes over, or
 * when the module leaves the app, and never because another module was edited. Only the
 * modules an import ran again get a new generation (Flutter: only the changed libraries and
 * those leading to them from main are reloaded).
 */
export class ModuleGenerations {
  private readonly live = new Map<string, Generation>();
  private readonly pending = new Map<string, Generation>();

  /** Where module `id`'s top level runs during an import. */
  contextFor(id: string): RunContext {
    let gen = this.pending.get(id);
    if (!gen) this.pending.set(id, (gen = new Generation(`module ${id}`, { timeouts: false })));
    return { gen };
  }

  /** The import was taken: every module that ran again ends its previous version's timers. */
  take(): Stopped {
    const stopped: Stopped = { timers: 0, tasks: 0, subscriptions: 0 };
    for (const [id, gen] of this.pending) {
      const previous = this.live.get(id);
      if (previous) add(stopped, previous.abort("the module was replaced"));
      this.live.set(id, gen);
    }
    this.pending.clear();
    return stopped;
  }

  /** The import was not taken: what its new versions started ends; the old versions go on. */
  discard(reason: string): void {
    for (const gen of this.pending.values()) gen.abort(reason);
    this.pending.clear();
  }

  /** Modules no longer imported by the app: their timers end. */
  drop(ids: readonly string[]): Stopped {
    const stopped: Stopped = { timers: 0, tasks: 0, subscriptions: 0 };
    for (const id of ids) {
      const gen = this.live.get(id);
      if (!gen) continue;
      add(stopped, gen.abort("the module is no longer imported"));
      this.live.delete(id);
    }
    return stopped;
  }

  dispose(reason: string): void {
    for (const gen of this.live.values()) gen.abort(reason);
    this.discard(reason);
    this.live.clear();
  }
}

function add(to: Stopped, more: Stopped): void {
  to.timers += more.timers;
  to.tasks += more.tasks;
  to.subscriptions += more.subscriptions;
}
