import type { DeadSession } from "@weft/protocol/channel";
import type { InspectorContext } from "./inspectorContext.ts";

/** Where the page posts a recording, and with what (the channel's token, as the devserver checks it). */
export interface UploadTarget {
  url: string;
  token: string;
}

/**
 * Sessions as recording files, both ways: a live or ended session exported (the agent builds the
 * file from what it kept; the page saves it), and a `.weft.jsonl` / `.weft.jsonl.gz` dropped on
 * the page, uploaded to the devserver, read there as `weft inspect` reads one, and shown as an
 * ended session.
 */
export class Recordings {
  /** What the last import or export said (shown under the header), or null. */
  status: { text: string; error: boolean } | null = null;

  constructor(
    private readonly context: InspectorContext,
    private readonly upload: UploadTarget | null,
  ) {}

  /** Asks for the shown session as a recording; resolves with its name and text. */
  async export(sessionId: string): Promise<{ name: string; text: string; partial?: string }> {
    const result = await this.context.channel.request("export-recording", { sessionId });
    this.say(result.partial ? `Exported ${result.name}: ${result.partial}.` : `Exported ${result.name}.`, false);
    return result;
  }

  /** Uploads a dropped file; the devserver lists it as an ended session, which is then shown. */
  async import(file: Blob & { name?: string }): Promise<DeadSession | null> {
    if (!this.upload) return this.fail("this inspector cannot take recordings (no devserver address)");
    const name = file.name ?? "dropped recording";
    this.say(`Opening ${name}…`, false);
    let response: Response;
    try {
      response = await fetch(this.upload.url, {
        method: "POST",
        headers: { "x-weft-token": this.upload.token, "x-weft-file": encodeURIComponent(name), "content-type": "application/octet-stream" },
        body: file,
      });
    } catch (err) {
      return this.fail(`could not send ${name} to weft: ${err instanceof Error ? err.message : String(err)}`);
    }
    const body = (await response.json().catch(() => ({}))) as { session?: DeadSession; error?: string };
    if (!response.ok || !body.session) return this.fail(`${name}: ${body.error ?? `refused (${response.status})`}`);
    const session = body.session;
    // The devserver also announced it (`session-dead`) to every tool; show it here at once.
    this.context.model.sessions.addEnded(session);
    this.context.model.sessions.select(session.id);
    this.say(`Opened ${name}: ${session.recording?.steps.length ?? 0} steps.`, false);
    return session;
  }

  private fail(text: string): null {
    this.say(text, true);
    return null;
  }

  private say(text: string, error: boolean): void {
    this.status = { text, error };
    this.context.topics.notify("connection");
  }
}
