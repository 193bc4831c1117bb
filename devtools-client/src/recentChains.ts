import type { CausalChain } from "@weft/protocol/channel";

/** Chains kept per session: a round trip comes within ms of its chain, and the agent keeps 1,000 too. */
const PER_SESSION = 1_000;
/** Sessions kept: every watched one, and more than anyone watches at once. */
const SESSIONS = 100;

/**
 * The chains this client handed its listeners lately, by session and seq, so that a chain the
 * devserver sends again only for its round trip (`chains.roundTrips`, `[seq, roundTripMs]`)
 * reaches them as the whole chain, as it did before that form: views see the same objects.
 */
export class RecentChains {
  private readonly sessions = new Map<string, Map<number, CausalChain>>();

  remember(chain: CausalChain): void {
    let chains = this.sessions.get(chain.sessionId);
    if (!chains) {
      if (this.sessions.size >= SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
      this.sessions.set(chain.sessionId, (chains = new Map()));
    }
    chains.delete(chain.seq); // kept in the order last sent
    chains.set(chain.seq, chain);
    if (chains.size > PER_SESSION) chains.delete(chains.keys().next().value!);
  }

  /**
   * The chain `seq` of the session with its round trip, a new object (listeners may keep the
   * one they had); null when this client never had it (it watched after the chain finished,
   * or the chain is older than what is kept): the history (`get-chains`) has it then.
   */
  withRoundTrip(sessionId: string, seq: number, roundTripMs: number): CausalChain | null {
    const known = this.sessions.get(sessionId)?.get(seq);
    if (!known) return null;
    const chain: CausalChain = { ...known, roundTripMs };
    this.remember(chain);
    return chain;
  }

  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  clear(): void {
    this.sessions.clear();
  }
}
