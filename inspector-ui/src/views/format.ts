/** Small formatting helpers shared by the views. */

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `14:02:11.345` */
export function formatClock(at: number): string {
  const d = new Date(at);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

/** `12 s`, `4 min`, `2 h` */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** `Chrome 156`, `Firefox 140`, `Safari`, or the raw agent shortened. */
export function formatClient(userAgent: string | undefined): string {
  if (!userAgent) return "unknown client";
  const m = /(Firefox|Edg|OPR|Chrome|HeadlessChrome|Safari)\/(\d+)/.exec(userAgent);
  if (m) return `${m[1] === "Edg" ? "Edge" : m[1] === "OPR" ? "Opera" : m[1]} ${m[1] === "Safari" ? "" : m[2]}`.trim();
  return userAgent.length > 24 ? userAgent.slice(0, 23) + "…" : userAgent;
}

/** Makes an absolute path relative to the app's folder when it is inside it. */
export function relativePath(file: string, root: string | undefined): string {
  if (root && file.startsWith(root + "/")) return file.slice(root.length + 1);
  return file;
}
