/**
 * A random id of `bytes` bytes, base64url-encoded: session ids and the like. Web Crypto's
 * `getRandomValues` is there in Node (20+), browsers and workers alike, so the session core needs
 * no `node:crypto` and runs unchanged in a static build's worker.
 */
export function randomId(bytes: number): string {
  const data = crypto.getRandomValues(new Uint8Array(bytes));
  let binary = "";
  for (const byte of data) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
