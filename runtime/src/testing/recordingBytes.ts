import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { RecordingError } from "./recordingError.ts";

/**
 * A recording file's bytes as text: JSON Lines as they are, or gzip (`.weft.jsonl.gz`, what
 * `--record-gzip` writes) decompressed first. Told apart by the first bytes, not by the name:
 * a renamed or re-compressed file reads all the same.
 */
export async function recordingText(bytes: Buffer, source: string): Promise<string> {
  if (!isGzip(bytes)) return bytes.toString("utf8");
  let text: Buffer;
  try {
    text = await gunzipAsync(bytes, { maxOutputLength: MAX_RECORDING_BYTES });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "Z_BUF_ERROR") {
      throw new RecordingError(
        "TRUNCATED",
        `${source} is truncated: its gzip data stops early. The recording was interrupted while being written or copied; record the session again.`,
      );
    }
    if (code === "ERR_BUFFER_TOO_LARGE") {
      throw new RecordingError("UNREADABLE", `${source} decompresses to more than ${MAX_RECORDING_BYTES / 2 ** 20} MiB, more than weft reads in one recording`);
    }
    throw new RecordingError(
      "BAD_GZIP",
      `${source} is damaged: it is gzip-compressed, but its data cannot be decompressed (${(err as Error).message}). ` +
        `Copy it again from where it was recorded, or record the session again.`,
    );
  }
  return text.toString("utf8");
}

/** gzip's magic number (RFC 1952 §2.3.1). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Node's longest string is just under 512 MiB: a recording that inflates past it could not be read anyway. */
const MAX_RECORDING_BYTES = 500 * 2 ** 20;

const gunzipAsync = promisify(gunzip) as (buffer: Buffer, options: { maxOutputLength: number }) => Promise<Buffer>;
