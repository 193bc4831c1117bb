/**
 * The extension's permessage-deflate offer (`ws`'s client option): tree snapshots and message
 * logs from weft dev arrive compressed. weft dev frees no context between messages on its side;
 * this side asks the same of itself (client_no_context_takeover) and keeps a 2 KiB window, so
 * the one socket's zlib state stays small (≈ 10 KB to inflate, ≈ 40 KB while a large request is
 * deflated). It names no server window: a server whose own is larger would have to refuse the
 * whole offer (ws answers 400), and weft dev already picks a small one.
 */
export const channelPerMessageDeflate = {
  clientNoContextTakeover: true,
  clientMaxWindowBits: 11,
  threshold: 1024,
  zlibDeflateOptions: { memLevel: 6 },
} as const;
