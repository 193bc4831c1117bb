/**
 * The app runs in the devserver's process, so its output is this process's output. The tap
 * passes every write through to the terminal and hands a copy to the channel (the inspector's
 * terminal view). `mute` swallows output for a moment: the swap's probe runs `main` once more
 * than the user sees, and its console.log lines would be noise.
 */
export interface OutputTap {
  onWrite(listener: (stream: "stdout" | "stderr", text: string) => void): () => void;
  mute(muted: boolean): void;
  /** Writes a line to stdout, past the mute. */
  print(line: string): void;
  printError(text: string): void;
  restore(): void;
}

export function tapOutput(): OutputTap {
  const listeners = new Set<(stream: "stdout" | "stderr", text: string) => void>();
  let muted = 0;
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
  const wrap = (stream: "stdout" | "stderr") =>
    function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
      if (muted > 0) {
        const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
        callback?.();
        return true;
      }
      const result = (originals[stream] as Function).call(this, chunk, ...rest) as boolean;
      if (listeners.size > 0) {
        const text = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk);
        for (const listener of listeners) {
          try {
            listener(stream, text);
          } catch {
            // a listener's failure must not break the app's output
          }
        }
      }
      return result;
    };
  process.stdout.write = wrap("stdout") as typeof process.stdout.write;
  process.stderr.write = wrap("stderr") as typeof process.stderr.write;
  const unmuted = (fn: () => void) => {
    const saved = muted;
    muted = 0;
    try {
      fn();
    } finally {
      muted = saved;
    }
  };
  return {
    onWrite(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    mute(on) {
      muted = Math.max(0, muted + (on ? 1 : -1));
    },
    print(line) {
      unmuted(() => process.stdout.write(line + "\n"));
    },
    printError(text) {
      unmuted(() => process.stderr.write(text + "\n"));
    },
    restore() {
      process.stdout.write = originals.stdout;
      process.stderr.write = originals.stderr;
      listeners.clear();
    },
  };
}
