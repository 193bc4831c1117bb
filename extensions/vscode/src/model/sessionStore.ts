import type { SessionInfo } from "@weft/protocol/channel";
import { Emitter } from "./emitter.ts";

/**
 * The live sessions of the connected devserver, and which one the views show. When the shown one
 * closes, or none is shown yet, the newest connected session is picked, so a fresh `weft dev`
 * plus a browser tab fills the Control Tree without a click.
 */
export class SessionStore {
  private readonly byId = new Map<string, SessionInfo>();
  private selectedId: string | null = null;
  /** The user picked a session: do not switch away from it while it lives. */
  private pinned = false;
  private readonly changed = new Emitter<void>();
  private readonly selectionChanged = new Emitter<string | null>();
  readonly onDidChange = this.changed.event;
  /** The shown session changed (to null: none left). */
  readonly onDidChangeSelection = this.selectionChanged.event;

  /** Newest first. */
  get all(): SessionInfo[] {
    return [...this.byId.values()].sort((a, b) => b.createdAt - a.createdAt);
  }

  get size(): number {
    return this.byId.size;
  }

  get selected(): SessionInfo | null {
    return this.selectedId === null ? null : (this.byId.get(this.selectedId) ?? null);
  }

  get(id: string): SessionInfo | undefined {
    return this.byId.get(id);
  }

  /** The whole list (after `hello`). */
  replace(sessions: readonly SessionInfo[]): void {
    this.byId.clear();
    for (const s of sessions) if (s.state !== "closed") this.byId.set(s.id, s);
    this.changed.fire();
    this.settleSelection();
  }

  upsert(session: SessionInfo): void {
    if (session.state === "closed") return this.remove(session.id);
    this.byId.set(session.id, session);
    this.changed.fire();
    this.settleSelection();
  }

  remove(id: string): void {
    if (!this.byId.delete(id)) return;
    this.changed.fire();
    this.settleSelection();
  }

  /** The user chose a session to show. */
  select(id: string): void {
    if (!this.byId.has(id)) return;
    this.pinned = true;
    this.setSelected(id);
  }

  clear(): void {
    this.byId.clear();
    this.pinned = false;
    this.changed.fire();
    this.setSelected(null);
  }

  private settleSelection(): void {
    const current = this.selected;
    if (current && (this.pinned || current.state === "connected")) return;
    if (!current) this.pinned = false;
    const connected = this.all.find((s) => s.state === "connected");
    if (connected) return this.setSelected(connected.id);
    if (current) return; // its tab went away and may come back: keep showing it
    this.setSelected(this.all[0]?.id ?? null);
  }

  private setSelected(id: string | null): void {
    if (id === this.selectedId) return;
    this.selectedId = id;
    this.selectionChanged.fire(id);
  }
}
