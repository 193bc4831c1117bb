import { attachAgent, type Agent } from "@weft/agent";
import { Hub, startChannelServer, type ChannelServer } from "@weft/devserver";
import { CHANNEL_VERSION } from "@weft/protocol/channel";

/**
 * The devserver's real channel: its channel server and hub, fed by the agent on this process's
 * runtime hook (headless sessions opened by a test show up in it). Not `weft dev` itself: no app,
 * no module runner, so a test can stop and restart the server on its port.
 */
export interface LiveChannel {
  readonly agent: Agent;
  readonly hub: Hub;
  server: ChannelServer | null;
  /** The channel's URL with the token (or another one). */
  url(token?: string): string;
  /** Stops the channel server (tools see 1001, the devserver stopping). */
  stopServer(): Promise<void>;
  /** Starts it again on the same port with the same token. */
  restartServer(): Promise<void>;
  close(): Promise<void>;
}

export async function openLiveChannel(): Promise<LiveChannel> {
  const agent = attachAgent({ sourceLocations: false });
  const hub = new Hub({
    agent,
    hello: () => ({ type: "hello", version: CHANNEL_VERSION, app: { entry: "/app/app.ts", url: "http://127.0.0.1:1/", root: "/app" }, pid: process.pid, startedAt: 1 }),
    backlog: () => [],
    stats: () => ({ pid: process.pid, uptimeMs: 1, heapUsed: 1, rss: 1, activeResources: {}, sessions: agent.sessions().length, swaps: 0 }),
  });
  const first = await startChannelServer({ hub, port: 0 });
  const { port, token, channelUrl } = first;
  const live: LiveChannel = {
    agent,
    hub,
    server: first,
    url: (given = token) => `${channelUrl}?token=${given}`,
    async stopServer() {
      await live.server?.close();
      live.server = null;
    },
    async restartServer() {
      live.server = await startChannelServer({ hub, port, token });
    },
    async close() {
      await live.stopServer();
      hub.dispose();
      agent.dispose();
    },
  };
  return live;
}
