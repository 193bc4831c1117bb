/**
 * `<workspace>/.weft/devserver-<pid>.json`, one per running `weft dev` (an older weft wrote
 * `.weft/devserver.json`), which devserver/src/workspaceFile.ts owns: how the extension finds
 * them with no setup. Read at the edge, so every field is checked before use.
 */
import type { DevServerInfo } from "@weft/protocol/channel";

export type { DevServerInfo };

/** Where to connect: the channel's URL with its token, and what to show and open. */
export interface ChannelTarget {
  /** `ws://host:port/channel?token=…` */
  url: string;
  /** The inspector page with its token, when known. */
  inspector: string;
  /** The app, when known (the devserver's hello says it too). */
  app?: string;
  /** The devserver's process, when known (from its file): a dead one is not tried. */
  pid?: number;
  /** When it started (from its file): tells a restarted devserver from the one before. */
  startedAt?: number;
  /** Its app's entry module (from its file), to follow the one whose app the editor shows. */
  entry?: string;
  /** What it came from, for messages: a file or "the URL you gave". */
  source: string;
}

/** Parses a devserver-<pid>.json's text; throws an Error that says what is wrong with it. */
export function parseDevServerInfo(text: string, file: string): DevServerInfo {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not JSON`);
  }
  if (typeof data !== "object" || data === null) throw new Error(`${file} is not a JSON object`);
  const d = data as Record<string, unknown>;
  if (d.version !== 1) throw new Error(`${file} has version ${String(d.version)}; this extension reads version 1 (update the extension or weft)`);
  for (const field of ["app", "inspector", "channel", "token", "entry"] as const) {
    if (typeof d[field] !== "string" || d[field] === "") throw new Error(`${file} has no '${field}'`);
  }
  for (const field of ["pid", "startedAt"] as const) {
    if (typeof d[field] !== "number") throw new Error(`${file} has no '${field}'`);
  }
  if (!/^wss?:\/\//.test(d.channel as string)) throw new Error(`${file}: 'channel' is not a ws:// URL`);
  return d as unknown as DevServerInfo;
}

export function targetOf(info: DevServerInfo, file: string): ChannelTarget {
  const url = new URL(info.channel);
  url.searchParams.set("token", info.token);
  return { url: url.href, inspector: info.inspector, app: info.app, pid: info.pid, startedAt: info.startedAt, entry: info.entry, source: file };
}

/**
 * What the user typed in "Connect to weft dev…": the `Inspector:` line's URL
 * (`http://127.0.0.1:8551/?token=…`, what `weft dev` prints) or the channel's own
 * (`ws://127.0.0.1:8551/channel?token=…`). Throws an Error that says what to paste instead.
 */
export function targetFromInput(input: string): ChannelTarget {
  const text = input.trim().replace(/^Inspector:\s*/i, "");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`'${text}' is not a URL; paste the Inspector: URL that weft dev printed`);
  }
  const token = url.searchParams.get("token");
  if (!token) throw new Error("the URL has no ?token=…; paste the whole Inspector: URL that weft dev printed");
  if (url.protocol === "http:" || url.protocol === "https:") {
    const inspector = url.href;
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    url.pathname = "/channel";
    url.hash = "";
    return { url: url.href, inspector, source: "the URL you gave" };
  }
  if (url.protocol === "ws:" || url.protocol === "wss:") {
    const page = new URL(url.href);
    page.protocol = url.protocol === "wss:" ? "https:" : "http:";
    page.pathname = "/";
    return { url: url.href, inspector: page.href, source: "the URL you gave" };
  }
  throw new Error(`'${url.protocol}' URLs are not weft dev's; paste the Inspector: URL (http://…?token=…)`);
}
