import type { DeadSession, SessionInfo } from "@weft/protocol/channel";
import { Emitter, type Unsubscribe } from "./emitter.ts";

export interface SessionListOptions {
  /**
   * When the shown session ends, keep showing it (its post-mortem: the inspector) instead of
   * moving to another (the VS Code sidebar). Default false.
   */
  keepEnded?: boolean;
  /** Ended sessions kept (the devserver keeps 20). Default 20. */
  endedLimit?: number;
}

/**
 * The live sessions of the connected devserver, the ended ones it keeps for a post-mortem, and
 * which one the tool shows. Until the user picks one, the tool follows the newest connected
 * session (a fresh `weft dev` plus a browser tab fills the tree without a click, and a tab that
 * went away gives way to one that is there); a session the user picked stays shown while it lives.
 */
export class SessionList {
  private readonly live = new Map<string, SessionInfo>();
  private readonly endedById = new Map<string, DeadSession>();
  private shown: string | null = null;
  /** The user picked the shown session: do not switch away from it while it lives. */
  private pinned = false;
  private readonly keepEnded: boolean;
  private readonly endedLimit: number;
  private readonly changes = new Emitter<void>();
  private readonly selections = new Emitter<string | null>();

  constructor(options: SessionListOptions = {}) {
    this.keepEnded = options.keepEnded ?? false;
    this.endedLimit = options.endedLimit ?? 20;
  }

  /** Live sessions, newest first. */
  get all(): SessionInfo[] {
    return [...this.live.values()].sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Ended sessions that are not live, most recently ended first. */
  get ended(): DeadSession[] {
    return [...this.endedById.values()].filter((d) => !this.live.has(d.id)).sort((a, b) => b.closedAt - a.closedAt);
  }

  /** How many live sessions. */
  get size(): number {
    return this.live.size;
  }

  /** The shown session's id (live or ended), or null. */
  get selectedId(): string | null {
    return this.shown;
  }

  /** The shown session, live or ended. */
  get selected(): SessionInfo | DeadSession | null {
    const id = this.selectedId;
    return id === null ? null : (this.live.get(id) ?? this.endedById.get(id) ?? null);
  }

  get(id: string): SessionInfo | undefined {
    return this.live.get(id);
  }

  isLive(id: string | null): boolean {
    return id !== null && this.live.has(id);
  }

  isEnded(id: string | null): boolean {
    return id !== null && !this.live.has(id) && this.endedById.has(id);
  }

  /** The list changed (sessions came, went or changed). Returns the undo. */
  subscribe(listener: () => void): Unsubscribe {
    return this.changes.subscribe(listener);
  }

  /** The shown session changed (to null: none). Returns the undo. */
  onSelect(listener: (id: string | null) => void): Unsubscribe {
    return this.selections.subscribe(listener);
  }

  /** The whole list (after `hello`). */
  replace(sessions: readonly SessionInfo[]): void {
    this.live.clear();
    for (const s of sessions) if (s.state !== "closed") this.live.set(s.id, s);
    this.changed();
  }

  upsert(session: SessionInfo): void {
    if (session.state === "closed") return this.remove(session.id);
    this.live.set(session.id, session);
    this.changed();
  }

  remove(id: string): void {
    if (!this.live.delete(id)) return;
    this.changed();
  }

  /** Sessions that ended, kept for their post-mortem (`session-dead`, `get-dead-sessions`). */
  addEnded(...sessions: DeadSession[]): void {
    for (const s of sessions) {
      this.endedById.delete(s.id);
      this.endedById.set(s.id, s);
    }
    while (this.endedById.size > this.endedLimit) this.endedById.delete(this.endedById.keys().next().value!);
    this.changed();
  }

  /** The user chose a session to show (live, or ended for its post-mortem). */
  select(id: string): void {
    if (!this.live.has(id) && !this.endedById.has(id)) return;
    this.pinned = true;
    this.setSelected(id);
  }

  /** Forgets everything (the channel closed). */
  clear(): void {
    this.live.clear();
    this.endedById.clear();
    this.pinned = false;
    this.changes.emit();
    this.setSelected(null);
  }

  private changed(): void {
    this.changes.emit();
    this.settle();
  }

  private settle(): void {
    const id = this.shown;
    const current = id === null ? undefined : this.live.get(id);
    if (current) {
      if (this.pinned || current.state === "connected") return;
      const connected = this.newestConnected();
      if (connected) this.setSelected(connected.id);
      return; // its tab went away and may come back: keep showing it
    }
    if (id !== null && this.keepEnded && this.endedById.has(id)) return; // its post-mortem
    this.pinned = false;
    this.setSelected(this.newestConnected()?.id ?? this.all[0]?.id ?? null);
  }

  private newestConnected(): SessionInfo | undefined {
    return this.all.find((s) => s.state === "connected");
  }

  private setSelected(id: string | null): void {
    if (id === this.shown) return;
    this.shown = id;
    this.selections.emit(id);
  }
}
