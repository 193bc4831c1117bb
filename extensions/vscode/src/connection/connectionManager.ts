import * as vscode from "vscode";
import WebSocket from "ws";
import { ChannelClient, DevtoolsModel, redact, type ChannelEvent } from "@weft/devtools-client";
import { channelPerMessageDeflate } from "./channelCompression.ts";
import { chooseTarget, instanceOf } from "./chooseTarget.ts";
import type { ChannelTarget } from "./devServerInfo.ts";
import type { DevServerDiscovery } from "./discovery.ts";

export type ConnectionState = "disconnected" | "connecting" | "connected";

/** After a failed attempt, the same devserver is not tried again for this long. */
const RETRY_MS = 5000;

/** The sidebar keeps fewer rows than the inspector: its webview shows the last 500. */
const modelOptions = { messageCapacity: 1_000, swapLimit: 200 };

/**
 * Keeps the extension connected to one `weft dev` of the workspace, chosen among the running ones
 * (chooseTarget.ts: the one the user chose, the one just started from the editor, the one whose
 * app is open, the only one, or ask). Feeds the model (@weft/devtools-client's, the inspector's
 * too); when the devserver stops or restarts, empties it and follows the next one discovery
 * finds. Disconnect leaves the devservers running then alone; a run that starts later is joined.
 */
export class ConnectionManager implements vscode.Disposable {
  readonly model = new DevtoolsModel(modelOptions);
  private client: ChannelClient | null = null;
  private connectedTarget: ChannelTarget | null = null;
  private stateValue: ConnectionState = "disconnected";
  /** A target the user gave or chose: followed while it runs. */
  private manual: ChannelTarget | null = null;
  /** "Start weft dev for This File" was run for this entry: its devserver is followed. */
  private started: { entry: string; at: number } | null = null;
  /** Runs of devservers the user disconnected from. */
  private readonly declined = new Set<string>();
  private lastFailure: { instance: string; at: number } | null = null;
  /** The choice the user was last asked for: not asked again until the devservers change. */
  private asked: string | null = null;
  private attempt = 0;
  private readonly stateChanged = new vscode.EventEmitter<ConnectionState>();
  readonly onDidChangeState = this.stateChanged.event;
  private readonly received = new vscode.EventEmitter<ChannelEvent>();
  /** Every message of the connected devserver, after the model took it (`picked` is the pick command's). */
  readonly onDidReceive = this.received.event;
  private readonly disposables: vscode.Disposable[] = [this.stateChanged, this.received];

  constructor(
    private readonly discovery: DevServerDiscovery,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      discovery.onDidChange(() => this.maybeConnect()),
      vscode.window.onDidChangeActiveTextEditor(() => {
        if (this.stateValue === "disconnected") this.maybeConnect();
      }),
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

  /** Every running devserver of the workspace. */
  get targets(): readonly ChannelTarget[] {
    return this.discovery.targets;
  }

  /** Connects to what the user gave or chose, replacing any connection. */
  async connectTo(target: ChannelTarget): Promise<void> {
    this.manual = target;
    this.declined.delete(instanceOf(target));
    this.lastFailure = null;
    await this.connect(target, true);
  }

  /** "Start weft dev for This File" ran: follow the devserver of `entry` once it appears. */
  expectStarted(entry: string): void {
    this.started = { entry, at: Date.now() };
    this.manual = null; // (the started one is a new run: never declined)
    void this.discovery.refresh();
  }

  /**
   * Leaves the devserver shown, and does not go to another one by itself: every devserver running
   * now is declined (else the next editor change would join another app's). One that starts or
   * restarts after this is joined; Connect, Choose and Start weft dev join at once.
   */
  disconnect(): void {
    const target = this.connectedTarget;
    if (target) this.declined.add(instanceOf(target));
    for (const t of this.discovery.targets) this.declined.add(instanceOf(t));
    this.manual = null;
    this.started = null;
    this.close();
  }

  dispose(): void {
    this.close();
    for (const d of this.disposables) d.dispose();
  }

  /** Called on every discovery change, an editor change while disconnected, and after a connection ends. */
  private maybeConnect(): void {
    if (!this.autoConnect && !this.manual) return;
    const choice = chooseTarget(this.discovery.targets, {
      manual: this.manual,
      started: this.started,
      current: this.stateValue === "disconnected" ? null : this.connectedTarget,
      activeFile: vscode.window.activeTextEditor?.document.uri.scheme === "file" ? vscode.window.activeTextEditor.document.uri.fsPath : null,
      declined: this.declined,
    });
    if (choice.kind === "none") {
      // The followed devserver is gone (its file went with it): leave it.
      if (this.connectedTarget && this.connectedTarget.pid && !this.discovery.targets.some((t) => instanceOf(t) === instanceOf(this.connectedTarget!))) this.close();
      return;
    }
    if (choice.kind === "ask") {
      const key = choice.targets.map(instanceOf).join(",");
      if (this.stateValue !== "disconnected" || this.asked === key) return;
      this.asked = key;
      void this.ask(choice.targets);
      return;
    }
    const target = choice.target;
    if (this.connectedTarget && instanceOf(this.connectedTarget) === instanceOf(target) && this.stateValue !== "disconnected") return;
    // Found it: from now on it is the followed one. (Not on the old devserver of the same entry,
    // still followed while the new one starts: that choice must not end the wait.)
    if (choice.why === "started from the editor") this.started = null;
    const failure = this.lastFailure;
    if (failure && failure.instance === instanceOf(target) && Date.now() - failure.at < RETRY_MS) {
      setTimeout(() => this.maybeConnect(), RETRY_MS).unref?.();
      return;
    }
    this.log.info(`following weft dev of ${target.entry ?? target.url} (${choice.why})`);
    void this.connect(target, false);
  }

  /** Several devservers run and nothing says which one the user means. */
  private async ask(targets: ChannelTarget[]): Promise<void> {
    const picked = await vscode.window.showQuickPick(
      targets.map((t) => ({ label: vscode.workspace.asRelativePath(t.entry ?? t.url), description: t.app, detail: `weft dev, pid ${t.pid}, started ${t.startedAt ? new Date(t.startedAt).toLocaleTimeString() : "?"}`, target: t })),
      { title: "Several weft dev run in this workspace", placeHolder: "Which one should the weft sidebar show?", ignoreFocusOut: true },
    );
    if (picked) await this.connectTo(picked.target).catch((err: unknown) => this.log.warn(String(err)));
  }

  private get autoConnect(): boolean {
    return vscode.workspace.getConfiguration("weft").get<boolean>("autoConnect", true);
  }

  private async connect(target: ChannelTarget, byUser: boolean): Promise<void> {
    this.close();
    const attempt = ++this.attempt;
    this.connectedTarget = target; // being connected to: a discovery change meanwhile does not start another attempt
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
        this.model.attach(
          (command) => client.send(command),
          (type, params, options) => client.request(type, params, options),
        );
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
      if (attempt !== this.attempt) return;
      this.model.handle(message);
      this.received.fire(message);
    });
    client.start();
    try {
      const hello = await client.opened();
      if (attempt !== this.attempt) return client.close();
      this.client = client;
      this.connectedTarget = { ...target, app: target.app ?? hello.app.url };
      this.asked = null;
      this.setState("connected");
      this.log.info(`connected to weft dev of ${hello.app.entry} (pid ${hello.pid})`);
    } catch (err) {
      if (attempt !== this.attempt) return;
      const message = err instanceof Error ? err.message : String(err);
      this.log.warn(message);
      this.connectedTarget = null;
      this.lastFailure = { instance: instanceOf(target), at: Date.now() };
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
