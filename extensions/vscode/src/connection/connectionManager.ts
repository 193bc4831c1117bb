import * as vscode from "vscode";
import WebSocket from "ws";
import { WeftModel } from "../model/weftModel.ts";
import { ChannelClient, channelPerMessageDeflate, redact, type SocketLike } from "./channelClient.ts";
import type { ChannelTarget } from "./devServerInfo.ts";
import type { DevServerDiscovery } from "./discovery.ts";

export type ConnectionState = "disconnected" | "connecting" | "connected";

/** After a failed attempt, the same URL is not tried again for this long. */
const RETRY_MS = 5000;

/**
 * Keeps the extension connected to one `weft dev`: the one discovery finds (unless
 * `weft.autoConnect` is off), or the one the user named. Feeds the model; when the devserver
 * stops, empties it and waits for the next one.
 */
export class ConnectionManager implements vscode.Disposable {
  readonly model = new WeftModel();
  private client: ChannelClient | null = null;
  private connectedTarget: ChannelTarget | null = null;
  private stateValue: ConnectionState = "disconnected";
  /** A target the user gave: discovery does not replace it. */
  private manual: ChannelTarget | null = null;
  /** The user disconnected from this URL: do not reconnect to it by itself. */
  private declined: string | null = null;
  private lastFailure: { url: string; at: number } | null = null;
  private attempt = 0;
  private readonly stateChanged = new vscode.EventEmitter<ConnectionState>();
  readonly onDidChangeState = this.stateChanged.event;
  private readonly disposables: vscode.Disposable[] = [this.stateChanged];

  constructor(
    private readonly discovery: DevServerDiscovery,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      discovery.onDidChange(() => this.maybeConnect()),
      this.model.onProblem((problem) => log.warn(problem)),
    );
    this.maybeConnect();
  }

  get state(): ConnectionState {
    return this.stateValue;
  }

  get channel(): ChannelClient | null {
    return this.client && !this.client.isClosed ? this.client : null;
  }

  /** Where the connected devserver is (inspector URL, app URL). */
  get target(): ChannelTarget | null {
    return this.connectedTarget;
  }

  /** Connects to what the user gave, replacing any connection. */
  async connectTo(target: ChannelTarget): Promise<void> {
    this.manual = target;
    this.declined = null;
    this.lastFailure = null;
    await this.connect(target, true);
  }

  disconnect(): void {
    this.declined = this.connectedTarget?.url ?? this.discovery.target?.url ?? null;
    this.manual = null;
    this.close();
  }

  dispose(): void {
    this.close();
    for (const d of this.disposables) d.dispose();
  }

  /** Called on every discovery change and after a connection ends. */
  private maybeConnect(): void {
    if (this.stateValue !== "disconnected") {
      // A newer devserver replaced the one we follow (the old one may linger a moment).
      const found = this.discovery.target;
      if (!this.manual && found && this.connectedTarget && found.url !== this.connectedTarget.url && this.autoConnect) {
        this.close();
      } else {
        return;
      }
    }
    const target = this.manual ?? (this.autoConnect ? this.discovery.target : null);
    if (!target || target.url === this.declined) return;
    if (this.lastFailure && this.lastFailure.url === target.url && Date.now() - this.lastFailure.at < RETRY_MS) {
      setTimeout(() => this.maybeConnect(), RETRY_MS).unref?.();
      return;
    }
    void this.connect(target, false);
  }

  private get autoConnect(): boolean {
    return vscode.workspace.getConfiguration("weft").get<boolean>("autoConnect", true);
  }

  private async connect(target: ChannelTarget, byUser: boolean): Promise<void> {
    this.close();
    const attempt = ++this.attempt;
    this.setState("connecting");
    this.log.info(`connecting to ${redact(target.url)} (from ${target.source})`);
    try {
      const client = await ChannelClient.connect(target.url, {
        createSocket: (url) => new WebSocket(url, { perMessageDeflate: channelPerMessageDeflate, maxPayload: 256 * 1024 * 1024 }) as unknown as SocketLike,
        // Before the hello's frame is handled: its sessions make the model watch one at once.
        onOpen: (client) => {
          if (attempt === this.attempt) this.model.attach((message) => client.send(message));
        },
        onMessage: (message) => {
          if (attempt === this.attempt) this.model.handle(message);
        },
        onClose: (code, reason) => {
          if (attempt !== this.attempt) return;
          this.log.info(`the channel closed (${code}${reason ? `: ${reason}` : ""})`);
          this.client = null;
          this.connectedTarget = null;
          this.model.detach();
          this.setState("disconnected");
          if (this.manual === target && code !== 1000) this.manual = null; // that devserver is gone
          setTimeout(() => this.maybeConnect(), 500).unref?.();
        },
      });
      if (attempt !== this.attempt) return client.close();
      this.client = client;
      this.connectedTarget = { ...target, app: target.app ?? client.hello.app.url };
      this.setState("connected");
      this.log.info(`connected to weft dev of ${client.hello.app.entry} (pid ${client.hello.pid})`);
    } catch (err) {
      if (attempt !== this.attempt) return;
      const message = err instanceof Error ? err.message : String(err);
      this.log.warn(message);
      this.lastFailure = { url: target.url, at: Date.now() };
      this.model.detach();
      this.setState("disconnected");
      if (byUser) {
        this.manual = null;
        throw err;
      }
      setTimeout(() => this.maybeConnect(), RETRY_MS).unref?.();
    }
  }

  private close(): void {
    this.attempt++;
    const client = this.client;
    this.client = null;
    this.connectedTarget = null;
    client?.close();
    this.model.detach();
    this.setState("disconnected");
  }

  private setState(state: ConnectionState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.stateChanged.fire(state);
  }
}
