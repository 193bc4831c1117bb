import type { ControlId } from "@weft/protocol";

/**
 * The link to the server as the banners see it:
 * - `connecting`: before the first `registered`;
 * - `connected`: registered, patches flow;
 * - `reconnecting`: the socket dropped and a retry is scheduled or under way;
 * - `closed`: the server refused us (4000/4001); no retry.
 */
export type LinkState = "connecting" | "connected" | "reconnecting" | "closed";

export interface ErrorNotice {
  /** Unique per notice, for React keys and dismissal. */
  seq: number;
  code: string;
  message: string;
  id?: ControlId;
}

export interface Status {
  link: LinkState;
  /** The close reason when `link` is `closed`; while `reconnecting`, why the server went away (it said so with 1001). */
  closeReason?: string;
  /** The message of a `crashed` session, until the next `registered`. */
  crashed?: string;
  /** Errors still on screen, oldest first. */
  errors: readonly ErrorNotice[];
}

/** How many error banners stay on screen at once; older ones give way. */
const MAX_ERRORS = 3;
/** Error banners hide themselves after this long. */
export const ERROR_TTL_MS = 8000;

/** A tiny observable for the banners; immutable snapshots for `useSyncExternalStore`. */
export class StatusStore {
  private state: Status = { link: "connecting", errors: [] };
  private listeners = new Set<() => void>();
  private seq = 0;

  get = (): Status => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setLink(link: LinkState, closeReason?: string): void {
    if (this.state.link === link && this.state.closeReason === closeReason) return;
    const next: Status = { ...this.state, link };
    if (closeReason === undefined) delete next.closeReason;
    else next.closeReason = closeReason;
    this.update(next);
  }

  setCrashed(message: string | undefined): void {
    if (this.state.crashed === message) return;
    const next: Status = { ...this.state };
    if (message === undefined) delete next.crashed;
    else next.crashed = message;
    this.update(next);
  }

  /** Shows an error banner; it hides itself after `ERROR_TTL_MS`. */
  pushError(code: string, message: string, id?: ControlId): void {
    const notice: ErrorNotice = { seq: ++this.seq, code, message };
    if (id !== undefined) notice.id = id;
    this.update({ ...this.state, errors: [...this.state.errors, notice].slice(-MAX_ERRORS) });
    setTimeout(() => this.dismissError(notice.seq), ERROR_TTL_MS);
  }

  dismissError(seq: number): void {
    if (!this.state.errors.some((e) => e.seq === seq)) return;
    this.update({ ...this.state, errors: this.state.errors.filter((e) => e.seq !== seq) });
  }

  private update(next: Status): void {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
