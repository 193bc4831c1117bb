import * as vscode from "vscode";
import WebSocket from "ws";
import { ChannelClient, DevtoolsModel, redact } from "@weft/devtools-client";
import { channelPerMessageDeflate } from "./channelCompression.ts";
import type { ChannelTarget } from "./devServerInfo.ts";
import type { DevServerDiscovery } from "./discovery.ts";

export type ConnectionState = "disconnected" | "connecting" | "connected";

/** After a failed attempt, the same URL is not tried again for this long. */
const RETRY_MS = 5000;

/** The sidebar keeps fewer rows than the inspector: its webview shows the last 500. */
const modelOptions = { messageCapacity: 1_000, swapLimit: 20 };

/**
 * Keeps the extension connected to one `weft dev`: the one discovery finds (unless
 * `weft.autoConnect` is off), or the one the user named. Feeds the model (@weft/devtools-client's,
 * the inspector's too); when the devserver stops, empties it and waits for the next one, which
 * discovery finds (a restarted devserver has a new port or token, so the client itself does not
 * reconnect).
 */
export class ConnectionManager implements vscode.Disposable {
  readonly model = new DevtoolsModel(modelOptions);
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
      { dispose: this.model.onProblem((problem) => log.warn(problem)) },
    );
    this.maybeConnect();
  }

  get state(): ConnectionState {
    return this.stateValue;
  }

  get channel(): ChannelClient | null {
    return this.client?.isOpen ? this.client : null;
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
    const client = new ChannelClient({
      url: target.url,
      client: "vscode",
      connect: (url) => new WebSocket(url, { perMessageDeflate: channelPerMessageDeflate, maxPayload: 256 * 1024 * 1024 }),
      reconnect: false,
    });
    let opened = false;
    client.onState((state) => {
      if (attempt !== this.attempt) return;
      // Before the hello's frame is handled: its sessions make the model watch one at once.
      if (state.status === "open") {
        opened = true;
        this.model.attach((command) => client.send(command));
      } else if (state.status === "closed" && opened) {
        this.log.info(`the channel closed: ${state.error.message}`);
        this.client = null;
        this.connectedTarget = null;
        this.model.reset();
        this.setState("disconnected");
        if (this.manual === target) this.manual = null; // that devserver is gone (our own close never gets here)
        setTimeout(() => this.maybeConnect(), 500).unref?.();
      }
    });
    client.onMessage((message) => {
      if (attempt === this.attempt) this.model.handle(message);
    });
    client.start();
    try {
      const hello = await client.opened();
      if (attempt !== this.attempt) return client.close();
      this.client = client;
      this.connectedTarget = { ...target, app: target.app ?? hello.app.url };
      this.setState("connected");
      this.log.info(`connected to weft dev of ${hello.app.entry} (pid ${hello.pid})`);
    } catch (err) {
      if (attempt !== this.attempt) return;
      const message = err instanceof Error ? err.message : String(err);
      this.log.warn(message);
      this.lastFailure = { url: target.url, at: Date.now() };
      this.model.reset();
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
    client?.close("the extension disconnected");
    this.model.reset();
    this.setState("disconnected");
  }

  private setState(state: ConnectionState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.stateChanged.fire(state);
  }
}
