import { randomBytes } from "node:crypto";

/** A fresh nonce for a webview's Content-Security-Policy: only scripts and styles that carry it run. */
export function nonce(): string {
  return randomBytes(16).toString("base64");
}
