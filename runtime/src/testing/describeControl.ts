import type { ControlId, PropValue } from "@weft/protocol";
import { specOf, textProps } from "@weft/protocol/controls";
import type { ClientMirror, MirrorNode } from "./clientMirror.ts";

/**
 * Names controls the way a person would point at them in a tree without ids: `Text#count` when
 * its key is unique on the page, else a path up to the nearest ancestor that has one:
 * `TodoItem#todo-milk > Row > Checkbox#done`. Ids never appear: they differ between runs.
 */
export class ControlNamer {
  private readonly keyCounts = new Map<string, number>();

  constructor(private readonly mirror: ClientMirror) {
    for (const node of mirror.nodes.values()) {
      const key = node.p.key;
      if (typeof key === "string") this.keyCounts.set(key, (this.keyCounts.get(key) ?? 0) + 1);
    }
  }

  /** A path that finds this control on the page, e.g. `Row#filters > Button[1]`. */
  path(id: ControlId): string {
    const segments: string[] = [];
    let node = this.mirror.nodes.get(id);
    if (!node) return `control #${id} (not on the page)`;
    while (node) {
      if (node.t === "Page" && segments.length > 0) break;
      const parent: MirrorNode | undefined = node.parent === null ? undefined : this.mirror.nodes.get(node.parent);
      // With a single view, "Page > View" says nothing.
      if (!(node.t === "View" && parent?.t === "Page" && (parent.c.views?.length ?? 0) <= 1 && segments.length > 0)) {
        segments.unshift(this.segment(node, parent));
      }
      const key = node.p.key;
      if (typeof key === "string" && this.keyCounts.get(key) === 1) break;
      node = parent;
    }
    return segments.join(" > ");
  }

  /** The path and, when the control shows text, that text: `Button#inc "+"`. */
  pathWithText(id: ControlId): string {
    const node = this.mirror.nodes.get(id);
    const text = node ? shownText(node, this.mirror) : "";
    return this.path(id) + (text ? ` ${JSON.stringify(text)}` : "");
  }

  private segment(node: MirrorNode, parent: MirrorNode | undefined): string {
    let label = nodeLabel(node);
    if (!parent || node.slot === null) return label;
    const siblings = parent.c[node.slot] ?? [];
    if (typeof node.p.key !== "string") {
      const alike = siblings.filter((id) => {
        const sibling = this.mirror.nodes.get(id);
        return sibling !== undefined && nodeLabel(sibling) === label;
      });
      if (alike.length > 1) label += `[${alike.indexOf(node.i)}]`;
    }
    const plainSlot = node.slot === "controls" || node.slot === "views" || node.slot === "content";
    return plainSlot ? label : `${node.slot}: ${label}`;
  }
}

/** `Text#count`, `TodoItem#todo-milk`, `Row`: the class name (as `data-weft-type` shows it) and key. */
export function nodeLabel(node: MirrorNode): string {
  const type = node.n ?? node.t;
  return typeof node.p.key === "string" ? `${type}#${node.p.key}` : type;
}

/** For a type weft does not know, the props tried in order. */
const FALLBACK_TEXT = ["value", "text", "label"];

/**
 * The text a control shows: a Text's value, a Button's text, a field's value, a checkbox's
 * label; its spec's `text` props (`@weft/protocol/controls`), first match. A string-or-control
 * prop holding a control shows that control's text (a Button whose content is a Text).
 */
export function shownText(node: MirrorNode, mirror?: ClientMirror): string {
  const spec = specOf(node.t);
  for (const name of spec ? textProps(spec) : FALLBACK_TEXT) {
    const text = node.p[name];
    if (typeof text === "string") return text;
    const child = node.c[name]?.[0];
    if (mirror && child !== undefined) {
      const shown = innerText(child, mirror);
      if (shown) return shown;
    }
  }
  return "";
}

/** What a control in a label's place reads as: its own text, else its descendants' (a Row of an Icon and a Text). */
function innerText(id: ControlId, mirror: ClientMirror): string {
  const node = mirror.nodes.get(id);
  if (!node) return "";
  const own = shownText(node, mirror);
  if (own) return own;
  return Object.values(node.c)
    .flat()
    .map((child) => innerText(child, mirror))
    .filter((text) => text !== "")
    .join(" ");
}

/** A prop value as it reads in a difference: JSON, so strings keep their quotes. */
export function formatValue(value: PropValue | undefined): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}
