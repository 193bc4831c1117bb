import { CloseCode, type ClientInfo } from "@weft/protocol";
import { defaultOptions, type WeftOptions } from "./options.ts";
import { Session, type AppMain, type SessionLifecycle } from "./session.ts";
import { PubSubHub, type PubSubTransport } from "../pubsub/pubsubHub.ts";
import type { SessionMeter } from "./meter.ts";

/** The session a registering tab gets, and whether it is one it had. */
export interface SessionClaim {
  session: Session;
  resumed: boolean;
}

/**
 * The sessions of one app in this process. A tab that comes back with its session id within
 * the resume window gets its session back (refresh keeps server state, as in Flet); otherwise it
 * gets a new one. Sessions waiting for their tab are bounded in number, in total and per client
 * address: past the bound, the ones that disconnected first are closed.
 */
export class SessionManager {
  /** The open sessions by id (connected or waiting for their tab). */
  readonly sessions = new Map<string, Session>();
  /** The limits every session of the app runs under (resume window, number of sessions, invoke timeout…). */
  readonly options: WeftOptions;
  /** Pubsub between this app's sessions (`page.pubsub`). */
  readonly pubsub: PubSubHub;
  /** Set when the server serves `/metrics`: each session reports its events, handlers and patches here. */
  meter: SessionMeter | null = null;
  /** Sessions waiting for their tab, in the order they lost it, with the address they had. */
  private readonly waiting = new Map<Session, string>();
  private readonly waitingPerAddress = new Map<string, number>();
  private readonly lifecycle: SessionLifecycle = {
    detached: (session) => this.waitForTab(session),
    attached: (session) => this.stopWaiting(session),
    closed: (session) => {
      this.stopWaiting(session);
      this.sessions.delete(session.id);
      this.pubsub.unsubscribeAll(session.id);
    },
  };

  constructor(
    /** The app's `main`, run for each new session; a hot swap replaces it. */
    public main: AppMain,
    options: Partial<WeftOptions> = {},
    pubsubTransport?: PubSubTransport,
  ) {
    this.options = { ...defaultOptions, ...options };
    this.pubsub = new PubSubHub(pubsubTransport, (sessionId, call) => this.sessions.get(sessionId)?.runOutsideEvent("pubsub", call));
  }

  /**
   * The session a registering tab should get: the one it names if that is waiting for a resume,
   * else a new one. A session that still has a live tab is not shared (a duplicated tab copies
   * sessionStorage, and two tabs must not drive one page); but when its socket no longer
   * answers a ping (gone without a FIN: a suspended laptop, a network switch) the tab that
   * reconnects takes it over, and the old socket is closed with 4003. Resolves asynchronously
   * only in that case, after the ping.
   *
   * `routingKey` is the `?session=` of the upgrade URL (docs/scaling.md): a new session is tied
   * to it, and a session is resumed only by a tab that comes with the key it was opened with, so
   * every connection of a session is one a balancer hashing on the key sends to this process.
   * A session started before any tab (`startDetached`: a desktop window's) takes the key of the
   * first tab that claims it.
   */
  sessionFor(sessionId: undefined, client: ClientInfo, clientIp: string, routingKey?: string): SessionClaim;
  sessionFor(sessionId: string | undefined, client: ClientInfo, clientIp: string, routingKey?: string): SessionClaim | Promise<SessionClaim>;
  sessionFor(sessionId: string | undefined, client: ClientInfo, clientIp: string, routingKey?: string): SessionClaim | Promise<SessionClaim> {
    const key = routingKey ?? null;
    const open = () => this.open(client, clientIp, key);
    const existing = sessionId ? this.sessions.get(sessionId) : undefined;
    // A session started before any tab (a desktop window's) is tied to the first tab's key.
    if (existing?.awaitingFirstTab && existing.routingKey === null) existing.routingKey = key;
    if (!existing || existing.crashed !== null || existing.routingKey !== key) return open();
    if (existing.state === "resuming" && !existing.connected) return this.resume(existing, client, clientIp);
    const old = existing.currentLink;
    const alive = old?.isAlive?.(this.options.takeoverProbeMs) ?? true;
    const decide = (answered: boolean) => {
      if (!answered && old && existing.currentLink === old) {
        old.close(CloseCode.TakenOver, "another connection took this session over (this one stopped answering)");
      }
      const free = existing.state === "resuming" && !existing.connected && existing.crashed === null;
      return free ? this.resume(existing, client, clientIp) : open();
    };
    return typeof alive === "boolean" ? decide(alive) : alive.then(decide);
  }

  /** Closes every session (server shutdown). */
  closeAll(reason: string): void {
    for (const session of [...this.sessions.values()]) session.close(reason);
  }

  private open(client: ClientInfo, clientIp: string, routingKey: string | null = null): SessionClaim {
    const session = new Session(this.main, this.options, client, clientIp, this.lifecycle);
    session.pubsubHub = this.pubsub;
    session.routingKey = routingKey;
    session.meter = this.meter;
    this.sessions.set(session.id, session);
    return { session, resumed: false };
  }

  private resume(session: Session, client: ClientInfo, clientIp: string): SessionClaim {
    session.client = client;
    session.clientIp = clientIp;
    return { session, resumed: true };
  }

  private waitForTab(session: Session): void {
    const address = session.clientIp;
    this.stopWaiting(session);
    this.waiting.set(session, address);
    this.waitingPerAddress.set(address, (this.waitingPerAddress.get(address) ?? 0) + 1);
    const { maxResumingSessions, maxResumingPerAddress } = this.options;
    while ((this.waitingPerAddress.get(address) ?? 0) > maxResumingPerAddress) {
      this.evict(this.oldestWaiting(address)!, `maxResumingPerAddress is ${maxResumingPerAddress}`);
    }
    while (this.waiting.size > maxResumingSessions) {
      this.evict(this.waiting.keys().next().value!, `maxResumingSessions is ${maxResumingSessions}`);
    }
  }

  private stopWaiting(session: Session): void {
    const address = this.waiting.get(session);
    if (address === undefined) return;
    this.waiting.delete(session);
    const left = (this.waitingPerAddress.get(address) ?? 1) - 1;
    if (left > 0) this.waitingPerAddress.set(address, left);
    else this.waitingPerAddress.delete(address);
  }

  private oldestWaiting(address: string): Session | undefined {
    for (const [session, at] of this.waiting) if (at === address) return session;
    return undefined;
  }

  private evict(session: Session, limit: string): void {
    session.close(`too many sessions were waiting for their tab (${limit}); this one had waited longest`);
  }
}
