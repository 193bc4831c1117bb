import { closeSync, createWriteStream, openSync, writeSync } from "node:fs";
import { pipeline } from "node:stream";
import { constants, createGzip } from "node:zlib";

/** Where one recording's lines go. */
export interface RecordingSink {
  /** Appends one line (with its newline). Throws when the file cannot be written. */
  write(line: string): void;
  /** Finishes the file; resolves once it is complete on disk. */
  close(): Promise<void>;
}

/**
 * Creates the file (refusing to overwrite one) and returns its sink. Throws when it cannot be
 * created, so the caller can say so and go on without it.
 *
 * - Plain JSON Lines (the default): each line is written synchronously as it happens, so the
 *   file is complete up to the last message even if the process dies, and a reviewer reads it
 *   as text.
 * - gzip (`.weft.jsonl.gz`): one gzip stream for the whole file, so later lines compress
 *   against earlier ones (a recording shrinks 3–5×; a gzip member per line would shrink it by
 *   a fifth). zlib streams are asynchronous, so lines are flushed to disk at most `flushMs`
 *   after they happen: a crash loses at most that much, and `close()` must be awaited.
 */
export function openRecordingSink(file: string, options: { gzip: boolean; flushMs?: number; onError(err: Error): void }): RecordingSink {
  const fd = openSync(file, "wx");
  if (!options.gzip) {
    return {
      write: (line) => void writeSync(fd, line),
      close: async () => closeSync(fd),
    };
  }
  const gzip = createGzip();
  const out = createWriteStream(file, { fd });
  let failed = false;
  const fail = (err: Error) => {
    if (failed) return;
    failed = true;
    options.onError(err);
  };
  // pipeline destroys both streams when either fails, so `done` settles either way.
  const done = new Promise<void>((resolve) =>
    pipeline(gzip, out, (err) => {
      if (err) fail(err);
      resolve();
    }),
  );
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  return {
    write(line) {
      if (failed) throw new Error("the gzip stream failed");
      gzip.write(line);
      // One flush per interval, not per line: each flush ends a deflate block, and a block per
      // small line would cost most of what compression saves.
      flushTimer ??= setTimeout(() => {
        flushTimer = null;
        if (!failed) gzip.flush(constants.Z_SYNC_FLUSH);
      }, options.flushMs ?? 1000).unref();
    },
    close() {
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      gzip.end();
      return done;
    },
  };
}
