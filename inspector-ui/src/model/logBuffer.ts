/**
 * The terminal's scrollback before xterm.js has it (output that came while the Terminal tab was
 * closed): chunks of text, bounded by characters, oldest dropped first.
 */
export class LogBuffer {
  private chunks: string[] = [];
  private chars = 0;
  private readonly listeners = new Set<(text: string) => void>();

  constructor(readonly maxChars = 2_000_000) {}

  write(text: string): void {
    if (!text) return;
    this.chunks.push(text);
    this.chars += text.length;
    while (this.chars > this.maxChars && this.chunks.length > 1) this.chars -= this.chunks.shift()!.length;
    for (const listener of this.listeners) listener(text);
  }

  /** Everything kept, for a terminal that opens late. */
  text(): string {
    return this.chunks.join("");
  }

  /** Calls `listener` with every chunk written from now on. Returns the undo. */
  subscribe(listener: (text: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.chunks = [];
    this.chars = 0;
  }
}
