/**
 * A small built-in icon set, drawn for weft on a 24×24 grid (no icon font, no network).
 * Keys are Material icon names in snake_case. `fill` icons are solid shapes; the rest are
 * 2 px strokes, which stay legible from 16 to 48 px.
 */
export interface IconShape {
  d: string;
  fill?: true;
}

const circle = (cx: number, cy: number, r: number) =>
  `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;
const ring = circle(12, 12, 9);
const star = "M12 3l2.8 5.8 6.2.9-4.5 4.4 1.1 6.2L12 17.4l-5.6 2.9 1.1-6.2L3 9.7l6.2-.9z";
const heart = "M12 20s-7.5-4.6-7.5-10.2A4.3 4.3 0 0 1 12 7.2a4.3 4.3 0 0 1 7.5 2.6C19.5 15.4 12 20 12 20z";
const eye = "M2 12s3.6-6.5 10-6.5S22 12 22 12s-3.6 6.5-10 6.5S2 12 2 12z" + circle(12, 12, 3);

export const ICONS: Readonly<Record<string, IconShape>> = {
  add: { d: "M12 5v14M5 12h14" },
  add_circle: { d: `${ring}M12 8v8M8 12h8` },
  remove: { d: "M5 12h14" },
  remove_circle: { d: `${ring}M8 12h8` },
  close: { d: "M6 6l12 12M18 6L6 18" },
  clear: { d: "M6 6l12 12M18 6L6 18" },
  check: { d: "M5 12.5l4.5 4.5L19 7" },
  done: { d: "M5 12.5l4.5 4.5L19 7" },
  check_circle: { d: `${ring}M8 12.3l2.8 2.7L16.2 9.5` },
  delete: { d: "M4 7h16M9.5 7V4.5h5V7M6.5 7l1 13h9l1-13M10 11v5.5M14 11v5.5" },
  edit: { d: "M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4" },
  menu: { d: "M4 6.5h16M4 12h16M4 17.5h16" },
  search: { d: `${circle(10.5, 10.5, 6)}M15 15l5 5` },
  home: { d: "M4 11l8-7 8 7M6 9.5V20h12V9.5M10 20v-5.5h4V20" },
  settings: { d: `${circle(12, 12, 3)}${circle(12, 12, 7)}M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9 7 7M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1` },
  star: { d: star, fill: true },
  star_border: { d: star },
  favorite: { d: heart, fill: true },
  favorite_border: { d: heart },
  info: { d: `${ring}M12 11v5.5M12 7.6v.1` },
  help: { d: `${ring}M9.5 9.5a2.5 2.5 0 1 1 3.6 2.2c-.7.4-1.1.9-1.1 1.7v.4M12 17v.1` },
  warning: { d: "M12 3.5 2.5 20h19zM12 10v4.5M12 17.2v.1" },
  error: { d: `${ring}M12 7.5v6M12 16.5v.1` },
  arrow_back: { d: "M19 12H5M11 6l-6 6 6 6" },
  arrow_forward: { d: "M5 12h14M13 6l6 6-6 6" },
  arrow_upward: { d: "M12 19V5M6 11l6-6 6 6" },
  arrow_downward: { d: "M12 5v14M6 13l6 6 6-6" },
  chevron_left: { d: "M15 6l-6 6 6 6" },
  chevron_right: { d: "M9 6l6 6-6 6" },
  expand_more: { d: "M6 9l6 6 6-6" },
  expand_less: { d: "M6 15l6-6 6 6" },
  refresh: { d: "M19.5 12a7.5 7.5 0 1 1-2.2-5.3M19.5 4v5h-5" },
  send: { d: "M4 20l17-8L4 4l2.5 8zM6.5 12H13" },
  person: { d: `${circle(12, 8, 4)}M4 21c0-4 3.6-6.5 8-6.5s8 2.5 8 6.5` },
  email: { d: "M3 5.5h18v13H3zM3 6l9 7.5L21 6" },
  mail: { d: "M3 5.5h18v13H3zM3 6l9 7.5L21 6" },
  lock: { d: "M5.5 11h13v9.5h-13zM8 11V7.5a4 4 0 0 1 8 0V11" },
  notifications: { d: "M6 16.5V11a6 6 0 0 1 12 0v5.5l1.8 1.8H4.2zM10 21h4" },
  calendar_today: { d: "M4 5.5h16V20H4zM4 10h16M8 3v4M16 3v4" },
  visibility: { d: eye },
  visibility_off: { d: `${eye}M3.5 3.5l17 17` },
  more_vert: { d: `${circle(12, 5.5, 1.8)}${circle(12, 12, 1.8)}${circle(12, 18.5, 1.8)}`, fill: true },
  more_horiz: { d: `${circle(5.5, 12, 1.8)}${circle(12, 12, 1.8)}${circle(18.5, 12, 1.8)}`, fill: true },
  play_arrow: { d: "M7.5 4.5v15l12-7.5z", fill: true },
  pause: { d: "M6.5 4.5h4v15h-4zM13.5 4.5h4v15h-4z", fill: true },
  stop: { d: "M6 6h12v12H6z", fill: true },
  download: { d: "M12 4v11M7 10.5l5 5 5-5M4.5 20h15" },
  upload: { d: "M12 16V5M7 9.5l5-5 5 5M4.5 20h15" },
  content_copy: { d: "M8.5 8.5h11v11h-11zM15.5 8.5V4.5h-11v11h4" },
  list: { d: "M9 6.5h11M9 12h11M9 17.5h11M4.5 6.5v.1M4.5 12v.1M4.5 17.5v.1" },
  light_mode: { d: `${circle(12, 12, 4)}M12 2.5v2M12 19.5v2M2.5 12h2M19.5 12h2M5.3 5.3l1.4 1.4M17.3 17.3l1.4 1.4M5.3 18.7l1.4-1.4M17.3 6.7l1.4-1.4` },
  dark_mode: { d: "M20 14.5A8.5 8.5 0 1 1 9.5 4a6.8 6.8 0 0 0 10.5 10.5z" },
};

/**
 * The shape for a Material name, tolerating Flet's spellings: `Icons.ADD`, `add_rounded`,
 * `favorite_outline` (→ `favorite_border`). Undefined when the set has no such icon.
 */
export function findIcon(name: string): IconShape | undefined {
  const key = name.toLowerCase().replace(/^icons\./, "").replace(/-/g, "_");
  if (Object.hasOwn(ICONS, key)) return ICONS[key];
  const base = key.replace(/_(rounded|sharp|outlined)$/, "");
  if (Object.hasOwn(ICONS, base)) return ICONS[base];
  const bordered = base.replace(/_outline$/, "_border");
  if (Object.hasOwn(ICONS, bordered)) return ICONS[bordered];
  const plain = base.replace(/_(outline|border)$/, "");
  return Object.hasOwn(ICONS, plain) ? ICONS[plain] : undefined;
}
