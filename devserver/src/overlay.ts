import { WebSocketServer, type WebSocket } from "ws";
import { startHeartbeat, type UpgradeRoutes } from "weft/server";
import type { ErrorInfo } from "@weft/protocol/channel";

/** The app page's own dev socket: build errors and swap notices, nothing else. */
export const OVERLAY_PATH = "/__weft/dev";

export type OverlayMessage =
  | { type: "build-error"; error: ErrorInfo; place: string }
  | { type: "build-ok" }
  | { type: "swap"; summary: string; outcome: string };

export interface Overlay {
  /** HTML for the app page's `<head>`: the overlay client. */
  readonly html: string;
  /** Takes the overlay's socket path among the app server's upgrades (behind its guard). */
  attach(upgrades: UpgradeRoutes): void;
  showError(error: ErrorInfo, place: string): void;
  clear(): void;
  notifySwap(summary: string, outcome: string): void;
  close(): Promise<void>;
}

/**
 * The error overlay in the app page (what Vite shows for a broken module): the message, the
 * place as file:line:col and a code frame. Unlike Vite's it is docked at the bottom and does not
 * block the page: the page keeps running the old code with its state, and stays usable. It
 * has its own small socket on the app's server (same origin), separate from the app's `/ws`,
 * so the renderer and the protocol know nothing of it; it reconnects by itself when the
 * devserver restarts. The next good save removes it.
 */
export function createOverlay(): Overlay {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const stopHeartbeat = startHeartbeat(wss, 30_000);
  let current: OverlayMessage | null = null;
  const broadcast = (message: OverlayMessage) => {
    const text = JSON.stringify(message);
    for (const ws of wss.clients) if (ws.readyState === ws.OPEN) ws.send(text);
  };
  let detach: (() => void) | null = null;

  return {
    html: `<script>${CLIENT}</script>`,
    attach(upgrades) {
      // The app server's guard has checked Host and Origin (same origin only: the page this
      // script was served with; cross-site WebSocket hijacking).
      detach = upgrades.add(OVERLAY_PATH, (req, socket, head) => {
        wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
          wss.emit("connection", ws, req);
          ws.on("error", () => ws.terminate());
          if (current) ws.send(JSON.stringify(current));
        });
      });
    },
    showError(error, place) {
      current = { type: "build-error", error: { ...error, stack: undefined }, place };
      broadcast(current);
    },
    clear() {
      if (!current) return;
      current = null;
      broadcast({ type: "build-ok" });
    },
    notifySwap(summary, outcome) {
      broadcast({ type: "swap", summary, outcome });
    },
    close() {
      detach?.();
      stopHeartbeat();
      return new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => resolve());
      });
    },
  };
}

/**
 * The overlay client, inlined into the app page. Plain DOM in a shadow root (the app's styles
 * and the overlay's do not mix); markers for tests: `data-testid="weft-overlay"`,
 * `…-message`, `…-location`, `…-frame`.
 */
const CLIENT = `(() => {
  const PATH = ${JSON.stringify(OVERLAY_PATH)};
  let host = null, retry = 250;
  const css = \`
    .backdrop { position: fixed; left: 0; right: 0; bottom: 0; z-index: 2147483647; display: flex; justify-content: center; padding: 0 16px 16px; pointer-events: none; font: 14px/1.5 ui-sans-serif, system-ui, sans-serif; }
    .panel { pointer-events: auto; max-width: 920px; width: 100%; max-height: 45vh; overflow: auto; box-sizing: border-box; background: #1e1e22; color: #eee; border-top: 4px solid #ff5f56; border-radius: 6px; box-shadow: 0 12px 40px rgba(0,0,0,.5); padding: 16px 20px; }
    .title { color: #ff8a80; font-weight: 600; margin: 0 0 8px; }
    .message { white-space: pre-wrap; font: 600 15px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; margin: 0 0 12px; }
    .location { color: #9cdcfe; font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; margin-bottom: 8px; }
    pre { background: #111114; padding: 12px 14px; border-radius: 4px; overflow: auto; font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; margin: 0 0 12px; }
    .hint { color: #aaa; font-size: 12px; }
    button { float: right; background: none; border: 0; color: #aaa; font-size: 20px; cursor: pointer; }
    .toast { position: fixed; right: 12px; bottom: 12px; z-index: 2147483646; background: #1e1e22; color: #eee; padding: 6px 10px; border-radius: 4px; font: 12px ui-sans-serif, system-ui, sans-serif; opacity: .9; }
  \`;
  function root() {
    if (!host) {
      host = document.createElement("weft-dev-overlay");
      host.attachShadow({ mode: "open" }).innerHTML = "<style>" + css + "</style>";
      (document.body || document.documentElement).appendChild(host);
    }
    return host.shadowRoot;
  }
  function show(m) {
    hide();
    const shadow = root();
    const box = document.createElement("div");
    box.className = "backdrop";
    box.setAttribute("data-testid", "weft-overlay");
    const e = m.error || {};
    box.innerHTML = '<div class="panel" role="alertdialog" aria-label="weft: the new code failed"><button aria-label="Close" title="Close (Esc)">×</button>' +
      '<p class="title">The new code failed; the page keeps running the old code.</p>' +
      '<div class="message" data-testid="weft-overlay-message"></div><div class="location" data-testid="weft-overlay-location"></div>' +
      '<pre data-testid="weft-overlay-frame"></pre><div class="hint">Fix the code and save: this goes away and the new code is swapped in.</div></div>';
    box.querySelector(".message").textContent = (e.name && e.name !== "Error" && e.name !== "SyntaxError" ? e.name + ": " : "") + (e.message || "");
    box.querySelector(".location").textContent = m.place || "";
    const frame = box.querySelector("pre");
    if (e.frame) frame.textContent = e.frame; else frame.remove();
    box.querySelector("button").onclick = hide;
    shadow.appendChild(box);
  }
  function hide() {
    if (!host) return;
    for (const el of host.shadowRoot.querySelectorAll(".backdrop")) el.remove();
  }
  function toast(text) {
    const shadow = root();
    const t = document.createElement("div");
    t.className = "toast";
    t.setAttribute("data-testid", "weft-swap-toast");
    t.textContent = text;
    shadow.appendChild(t);
    setTimeout(() => t.remove(), 2500);
  }
  addEventListener("keydown", (e) => { if (e.key === "Escape") hide(); });
  function connect() {
    const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + PATH);
    ws.onopen = () => { retry = 250; };
    ws.onmessage = (event) => {
      let m;
      try { m = JSON.parse(event.data); } catch { return; }
      if (m.type === "build-error") show(m);
      else if (m.type === "build-ok") hide();
      else if (m.type === "swap" && m.outcome !== "swapped") toast(m.summary.replace(/^weft: /, ""));
    };
    ws.onclose = () => setTimeout(connect, retry = Math.min(retry * 2, 5000));
  }
  if (document.readyState === "loading") addEventListener("DOMContentLoaded", connect); else connect();
})();`;
