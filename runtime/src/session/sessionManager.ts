import type { ClientInfo } from "@weft/protocol";
import { defaultSessionOptions, type SessionOptions } from "./options.ts";
import { Session, type AppMain } from "./session.ts";
import { PubSubHub, type PubSubTransport } from "../pubsub/pubsubHub.ts";

/**
 * The sessions of one app in this process. A tab that comes back with its session id within
 * the resume window gets its session back (refresh keeps server state, as in Flet); otherwise it
 * gets a new one.
 */
export class SessionManager {
  readonly sessions = new Map<string, Session>();
  readonly options: SessionOptions;
  /** Pubsub between this app's sessions (`page.pubsub`). */
  readonly pubsub: PubSubHub;

  constructor(
    public main: AppMain,
    options: Partial<SessionOptions> = {},
    pubsubTransport?: PubSubTransport,
  ) {
    this.options = { ...defaultSessionOptions, ...options };
    this.pubsub = new PubSubHub(pubsubTransport, (sessionId, call) => this.sessions.get(sessionId)?.runOutsideEvent("pubsub", call));
  }

  /**
   * The session a registering tab should get: the one it names if that is waiting for a resume,
   * else a new one. A session that already has a live tab is not shared (a duplicated tab copies
   * sessionStorage, and two tabs must not drive one page).
   */
  sessionFor(sessionId: string | undefined, client: ClientInfo, clientIp: string): { session: Session; resumed: boolean } {
    const existing = sessionId ? this.sessions.get(sessionId) : undefined;
    if (existing && existing.state === "resuming" && !existing.connected && existing.crashed === null) {
      existing.client = client;
      existing.clientIp = clientIp;
      return { session: existing, resumed: true };
    }
    const session = new Session(this.main, this.options, client, clientIp, (s) => {
      this.sessions.delete(s.id);
      this.pubsub.unsubscribeAll(s.id);
    });
    session.pubsubHub = this.pubsub;
    this.sessions.set(session.id, session);
    return { session, resumed: false };
  }

  /** Closes every session (server shutdown). */
  closeAll(reason: string): void {
    for (const session of [...this.sessions.values()]) session.close(reason);
  }
}
