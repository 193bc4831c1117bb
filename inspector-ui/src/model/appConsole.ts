import type { ErrorInfo } from "@weft/protocol/channel";
import type { InspectorContext } from "./inspectorContext.ts";
import { LogBuffer } from "./logBuffer.ts";

export interface ErrorEntry {
  sessionId?: string;
  where: string;
  error: ErrorInfo;
  at: number;
  /** The control it happened in (a handler's, a component's). */
  id?: number;
}

/** Bounds of what the console keeps (docs/inspector.md, "Memory"). */
export const consoleLimits = { errors: 200, logChars: 2_000_000 };

/**
 * The app's console: what it printed (for the terminal, including what came before it opened),
 * the errors its sessions reported, and the prompt that evaluates in the app's process.
 */
export class AppConsole {
  readonly log = new LogBuffer(consoleLimits.logChars);
  errors: ErrorEntry[] = [];

  constructor(private readonly context: InspectorContext) {}

  write(stream: "stdout" | "stderr", text: string): void {
    this.log.write(stream === "stderr" ? `\x1b[31m${text}\x1b[39m` : text);
  }

  addError(entry: ErrorEntry): void {
    this.errors.push(entry);
    if (this.errors.length > consoleLimits.errors) this.errors.shift();
    this.context.topics.notify("swaps");
  }

  /** Evaluates in the shown session with `$sel` = `selected`; the result (or the failure) goes to the terminal. */
  async evaluate(expression: string, selected: number | null): Promise<void> {
    const { model, channel } = this.context;
    const shown = model.sessions.selectedId;
    const sessionId = model.sessions.isLive(shown) ? shown : null;
    this.log.write(`\x1b[36m› \x1b[39m${expression.replace(/\n/g, "\r\n  ")}\r\n`);
    try {
      const result = await channel.request("eval", { sessionId, selected, expression });
      this.log.write(`${result.text.replace(/\r?\n/g, "\r\n")}\r\n`);
    } catch (err) {
      this.log.write(`\x1b[31m${err instanceof Error ? err.message : String(err)}\x1b[39m\r\n`);
    }
  }
}
