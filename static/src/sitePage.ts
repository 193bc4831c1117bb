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
  icon: string;
  themeColor: string;
}

/**
 * The static site's page: the renderer's own `index.html` with the base path in its one
 * `<base href>` (every asset URL is relative to it, so the page works at `/repo/items/3`), the
 * config that tells the renderer to run the app in a worker, and what makes it installable.
 */
export function sitePage(options: SitePageOptions): string {
  const config = { transport: "worker", worker: options.worker, serviceWorker: options.serviceWorker };
  let html = options.template;
  if (!/<base href="[^"]*"\s*\/?>/.test(html)) throw new Error("the renderer's index.html has no <base href>: rebuild the renderer (npm run build)");
  html = html.replace(/<base href="[^"]*"\s*\/?>/, `<base href="${attr(options.base)}" />`);
  html = html.replace(/<title>[^<]*<\/title>/, `<title>${text(options.title)}</title>`);
  html = html.replace(/\s*<link rel="icon"[^>]*>/, "");
  const head = [
    `<link rel="icon" type="image/png" href="${attr(options.icon)}" />`,
    `<link rel="apple-touch-icon" href="${attr(options.icon)}" />`,
    `<link rel="manifest" href="${attr(options.manifest)}" />`,
    `<meta name="theme-color" content="${attr(options.themeColor)}" />`,
    // JSON in a non-executed script: no inline code, so a strict CSP on the host still works.
    `<script type="application/json" id="weft-config">${JSON.stringify(config).replace(/</g, "\\u003c")}</script>`,
  ];
  return html.replace("</head>", `    ${head.join("\n    ")}\n  </head>`);
}

function attr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function text(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}
