import type { InspectClientMessage, ServerMessage, SessionInfo } from "@weft/protocol/channel";
import type { HubAgent } from "../hub.ts";
import type { AgentCall, DevServerToWorker, WorkerToDevServer } from "./workerLink.ts";

/** One tab's worker, as the devserver reaches it. */
export interface WorkerSocket {
  send(text: string): void;
  close(code: number, reason: string): void;
}

/** How long a tool's question to a tab's agent may take before it is answered "not found". */
const CALL_TIMEOUT_MS = 5000;
/** Inspect askers remembered per tab (each tool request gets a number; old ones are forgotten). */
const MAX_ASKERS = 1000;

class WorkerAgentLink {
  readonly sessions = new Map<string, SessionInfo>();
  private nextId = 1;
  private readonly calls = new Map<number, { resolve(value: unknown): void; timer: ReturnType<typeof setTimeout> }>();
  private readonly askers = new Map<number, (message: ServerMessage) => void>();

  constructor(private readonly socket: WorkerSocket) {}

  call(method: AgentCall, args: (string | number | undefined)[]): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.calls.delete(id);
        resolve(null);
      }, CALL_TIMEOUT_MS);
      this.calls.set(id, { resolve, timer });
      this.post({ kind: "call", id, method, args });
    });
  }

  inspect(message: InspectClientMessage, reply: (message: ServerMessage) => void, loopback: boolean): void {
    const tool = this.nextId++;
    this.askers.set(tool, reply);
    for (const old of this.askers.keys()) {
      if (this.askers.size <= MAX_ASKERS) break;
      this.askers.delete(old);
    }
    this.post({ kind: "inspect", tool, message, loopback });
  }

  settle(id: number, value: unknown): void {
    const call = this.calls.get(id);
    if (!call) return;
    this.calls.delete(id);
    clearTimeout(call.timer);
    call.resolve(value);
  }

  answer(tool: number, message: ServerMessage): void {
    this.askers.get(tool)?.(message);
  }

  close(): void {
    for (const call of this.calls.values()) {
      clearTimeout(call.timer);
      call.resolve(null);
    }
    this.calls.clear();
    this.askers.clear();
  }

  private post(message: DevServerToWorker): void {
    this.socket.send(JSON.stringify(message));
  }
}

export interface WorkerAgentsOptions {
  /** A swap summary or an error from a tab, for the terminal. */
  log(text: string, error: boolean): void;
}

/**
 * The agents of every tab under `weft dev --static`, as one agent for the hub: sessions are the
 * union of the tabs' (kept from what their agents announce), and a question about a session goes
 * to the worker that holds it. When a tab goes, its sessions close for the tools.
 */
export class WorkerAgents implements HubAgent {
  private readonly links = new Set<WorkerAgentLink>();
  private readonly listeners = new Set<(message: ServerMessage) => void>();

  constructor(private readonly options: WorkerAgentsOptions) {}

  subscribe(listener: (message: ServerMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(message: ServerMessage): void {
    for (const listener of this.listeners) listener(message);
  }

  /** A worker connected: returns what to do with each of its frames, and the undo for when it goes. */
  connect(socket: WorkerSocket): { receive(text: string): void; closed(): void } {
    const link = new WorkerAgentLink(socket);
    this.links.add(link);
    return {
      receive: (text) => {
        let message: WorkerToDevServer;
        try {
          message = JSON.parse(text) as WorkerToDevServer;
        } catch {
          return socket.close(4000, "frames are JSON");
        }
        this.receive(link, message);
      },
      closed: () => {
        this.links.delete(link);
        link.close();
        for (const id of link.sessions.keys()) this.emit({ type: "session-close", sessionId: id, reason: "the tab closed" });
        link.sessions.clear();
      },
    };
  }

  get size(): number {
    return this.links.size;
  }

  sessions(): SessionInfo[] {
    return [...this.links].flatMap((link) => [...link.sessions.values()]);
  }

  tree(sessionId: string) {
    return this.ask(sessionId, "tree", [sessionId]) as ReturnType<HubAgent["tree"]>;
  }
  props(sessionId: string, id: number) {
    return this.ask(sessionId, "props", [sessionId, id]) as ReturnType<HubAgent["props"]>;
  }
  message(sessionId: string, seq: number) {
    return this.ask(sessionId, "message", [sessionId, seq]) as ReturnType<HubAgent["message"]>;
  }
  source(sessionId: string, id: number, event?: string) {
    return this.ask(sessionId, "source", [sessionId, id, event]) as ReturnType<HubAgent["source"]>;
  }
  controlsAt(sessionId: string, file: string, line: number) {
    return this.ask(sessionId, "controlsAt", [sessionId, file, line]) as ReturnType<HubAgent["controlsAt"]>;
  }

  readonly inspect: HubAgent["inspect"] = {
    handle: (message, reply, tool) => {
      const sessionId = (message as { sessionId?: unknown }).sessionId;
      const link = typeof sessionId === "string" ? this.linkOf(sessionId) : undefined;
      if (link) return link.inspect(message, reply, tool.loopback);
      const requestId = (message as { requestId?: unknown }).requestId;
      if (typeof requestId === "number") reply({ type: "failure", requestId, code: "NOT_FOUND", message: `no tab holds session ${String(sessionId)}` });
    },
  };

  private linkOf(sessionId: string): WorkerAgentLink | undefined {
    for (const link of this.links) if (link.sessions.has(sessionId)) return link;
    return undefined;
  }

  private async ask(sessionId: string, method: AgentCall, args: (string | number | undefined)[]): Promise<unknown> {
    const link = this.linkOf(sessionId);
    return link ? link.call(method, args) : null;
  }

  private receive(link: WorkerAgentLink, message: WorkerToDevServer): void {
    switch (message.kind) {
      case "hello":
        for (const session of message.sessions) {
          const known = link.sessions.has(session.id);
          link.sessions.set(session.id, session);
          this.emit({ type: known ? "session-update" : "session-open", session });
        }
        return;
      case "emit": {
        const m = message.message;
        if (m.type === "session-open" || m.type === "session-update") link.sessions.set(m.session.id, m.session);
        if (m.type === "session-close") link.sessions.delete(m.sessionId);
        this.emit(m);
        return;
      }
      case "result":
        return link.settle(message.id, message.error === undefined ? message.value : null);
      case "inspect-reply":
        return link.answer(message.tool, message.message);
      case "log":
        return this.options.log(message.text, message.error === true);
      default: {
        const unknown: never = message;
        return unknown;
      }
    }
  }
}
