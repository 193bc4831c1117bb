import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The built inspector (`inspector-ui/dist`), when there is one. */
export function inspectorDist(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve("@weft/inspector-ui/package.json");
    const dir = join(dirname(pkg), "dist");
    return existsSync(join(dir, "index.html")) ? dir : null;
  } catch {
    return null;
  }
}

/**
 * Until the inspector is built, the inspector URL shows this page: it proves the URL, the token
 * and the channel work (it lists the live sessions and the last swap), and says what comes.
 */
export function placeholderPage(nonce: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>weft inspector</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">
  body { font: 15px/1.5 system-ui, sans-serif; margin: 40px auto; max-width: 720px; padding: 0 16px; color: #222; }
  h1 { font-size: 22px; } code { background: #f2f2f4; padding: 1px 4px; border-radius: 3px; }
  li { margin: 2px 0; } .muted { color: #777; }
</style></head>
<body>
<h1>weft inspector</h1>
<p class="muted">The inspector (live control tree, message traffic, terminal) is coming. Meanwhile this page shows what the channel carries.</p>
<p>Channel: <span data-testid="channel-state">connecting…</span></p>
<h2>Sessions</h2><ul data-testid="sessions"></ul>
<h2>Last swap</h2><p data-testid="last-swap" class="muted">none yet</p>
<script nonce="${nonce}">
(() => {
  const token = new URLSearchParams(location.search).get("token") || "";
  const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/channel?token=" + encodeURIComponent(token));
  const sessions = new Map();
  const state = document.querySelector('[data-testid="channel-state"]');
  const list = document.querySelector('[data-testid="sessions"]');
  const swap = document.querySelector('[data-testid="last-swap"]');
  const draw = () => {
    list.replaceChildren(...[...sessions.values()].map((s) => {
      const li = document.createElement("li");
      li.setAttribute("data-testid", "session");
      li.textContent = s.id + " · " + s.state + " · " + s.route + (s.title ? " · " + s.title : "");
      return li;
    }));
  };
  ws.onopen = () => { ws.send(JSON.stringify([{ type: "hello", version: 1, client: "inspector-placeholder" }])); };
  ws.onclose = (e) => { state.textContent = "closed (" + e.code + (e.reason ? ": " + e.reason : "") + ")"; };
  ws.onmessage = (e) => {
    for (const m of JSON.parse(e.data)) {
      if (m.type === "hello") state.textContent = "connected (channel " + m.version + ", " + m.app.entry + ")";
      else if (m.type === "sessions") { sessions.clear(); for (const s of m.sessions) sessions.set(s.id, s); draw(); }
      else if (m.type === "session-open" || m.type === "session-update") { sessions.set(m.session.id, m.session); draw(); }
      else if (m.type === "session-close") { sessions.delete(m.sessionId); draw(); }
      else if (m.type === "swap") swap.textContent = m.report.outcome + " " + m.report.files.join(", ") + " in " + Math.round(m.report.ms) + " ms";
      else if (m.type === "build-error") swap.textContent = "build error: " + m.error.message;
    }
  };
})();
</script>
</body></html>`;
}
