/**
 * Text written out as UTF-8 as it comes, into buffers outside the JS heap: what a tool's frame
 * gathers of a busy session for up to 100 ms (channelFrames.ts), a thousand events' rows and
 * chains. Held as strings, those survived several young-generation collections and were copied
 * and promoted by each (the app's GC time per event grew by half with the 100 ms window); as
 * bytes, each tuple's string dies at once, and the frame needs no UTF-8 pass when it leaves.
 */
export class Utf8Chunks {
  private readonly done: Buffer[] = [];
  private current: Buffer;
  private used = 0;

  constructor(private size = 4 * 1024) {
    this.current = Buffer.allocUnsafe(size);
  }

  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: room checked without measuring the text.
    if (this.used + text.length * 3 > this.current.length) {
      if (this.used > 0) this.done.push(this.current.subarray(0, this.used));
      this.size = Math.min(this.size * 2, 1024 * 1024);
      this.current = Buffer.allocUnsafe(Math.max(this.size, text.length * 3));
      this.used = 0;
    }
    this.used += this.current.write(text, this.used, "utf8");
  }

  /** Everything written, in order. */
  chunks(): Buffer[] {
    return this.used > 0 ? [...this.done, this.current.subarray(0, this.used)] : this.done.slice();
  }
}
