/** What the site's page says about the app, besides the renderer it loads. */
export interface SitePageOptions {
  /** The renderer's `index.html`. */
  template: string;
  /** The site's base path, "/" or "/repo/". */
  base: string;
  /** The app's name: the page title until the app sets its own, and the installed app's name. */
  title: string;
  /** The worker script, relative to the base. */
  worker: string;
  /** The service worker, relative to the base. */
  serviceWorker: string;
  manifest: string;
  /** The tab's icon (a small SVG) and the touch icon (a PNG). */
  favicon: string;
  icon: string;
  themeColor: string;
}

/**
 * The static site's page: the renderer's own `index.html` with the base path in its one
 * `<base href>` (every asset URL is relative to it, so the page works at `/repo/items/3`), the
 * config that tells the renderer to run the app in a worker, and what makes it installable.
 */
export function sitePage(options: SitePageOptions): string {
  // earlyMessages: the worker holds what the page posts before it listens (workerEntry.ts).
  const config = { transport: "worker", worker: options.worker, serviceWorker: options.serviceWorker, earlyMessages: true };
  let html = options.template;
  if (!/<base href="[^"]*"\s*\/?>/.test(html)) throw new Error("the renderer's index.html has no <base href>: rebuild the renderer (npm run build)");
  // Right after <base> (the worker's URL is relative to it), before the stylesheet: an inline
  // script after a stylesheet waits for it, and the worker would start that much later.
  const boot = [
    // The config is JSON in a non-executed script, which a strict CSP allows. The early start
    // is the page's one inline script: a strict CSP refuses it, and the renderer then starts the
    // worker itself (e2e "runs under a host's strict Content-Security-Policy").
    `<script type="application/json" id="weft-config">${JSON.stringify(config).replace(/</g, "\\u003c")}</script>`,
    `<script>${EARLY_WORKER}</script>`,
  ];
  html = html.replace(/<base href="[^"]*"\s*\/?>/, () => `<base href="${attr(options.base)}" />\n    ${boot.join("\n    ")}`);
  html = html.replace(/<title>[^<]*<\/title>/, `<title>${text(options.title)}</title>`);
  html = html.replace(/\s*<link rel="icon"[^>]*>/, "");
  const head = [
    `<link rel="icon" type="image/svg+xml" href="${attr(options.favicon)}" />`,
    `<link rel="apple-touch-icon" href="${attr(options.icon)}" />`,
    `<link rel="manifest" href="${attr(options.manifest)}" />`,
    `<meta name="theme-color" content="${attr(options.themeColor)}" />`,
  ];
  return html.replace("</head>", `    ${head.join("\n    ")}\n  </head>`);
}

/**
 * Starts the app's worker while the renderer's script still downloads and parses, instead of
 * after it: the worker's fetch and the session's first page then overlap the renderer's
 * start-up (one round trip less on a real network). The renderer adopts it (workerSocket.ts),
 * with what it posted meanwhile. Hand-written because it must run before any module: a host
 * whose CSP forbids inline scripts just skips it, and the renderer starts the worker itself.
 */
const EARLY_WORKER = [
  "(function(){try{",
  'var c=JSON.parse(document.getElementById("weft-config").textContent);',
  'var u=new URL(c.worker,document.baseURI).href,q=[],w=new Worker(u,{type:"module",name:"weft app"});',
  "w.onmessage=function(e){q.push(e.data)};",
  'w.onerror=function(e){e.preventDefault();q.push({weft:"error",message:e.message||""})};',
  "window.__weftEarlyWorker={url:u,worker:w,queue:q};",
  "}catch(e){}})();",
].join("");

function attr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function text(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}
