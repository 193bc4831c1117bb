import { useState, type ReactNode } from "react";
import type { InspectedValue } from "@weft/protocol/channel";
import { useInspector } from "../useStore.ts";
import "./ValueView.css";

type Marked = Extract<InspectedValue, { $weft: string }>;

const isMarked = (v: InspectedValue): v is Marked => v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { $weft?: unknown }).$weft === "string";

/**
 * A value of the app's (a field, a hook's state) as React DevTools shows one: scalars coloured,
 * arrays and objects folded with a preview and unfolded on a click, a control a link that selects
 * it in the tree, functions, class instances, Maps and Sets by what they are. What the devserver
 * cut short says so.
 */
export function ValueView({ value, open = false }: { value: InspectedValue; open?: boolean }) {
  return (
    <span className="val mono">
      <Value value={value} open={open} />
    </span>
  );
}

function Value({ value, open }: { value: InspectedValue; open: boolean }): ReactNode {
  const store = useInspector();
  if (value === null) return <span className="val-null">null</span>;
  if (typeof value === "string") return <span className="val-string">{JSON.stringify(value)}</span>;
  if (typeof value === "number") return <span className="val-number">{String(value)}</span>;
  if (typeof value === "boolean") return <span className="val-bool">{String(value)}</span>;
  if (isMarked(value)) {
    switch (value.$weft) {
      case "control":
        return (
          <button className="val-link" data-testid="value-control" title={`Select ${value.label} in the tree`} onClick={() => store.selection.select(value.id)}>
            {value.label}
          </button>
        );
      case "function":
        return <span className="val-fn">ƒ {value.name}()</span>;
      case "undefined":
        return <span className="val-null">undefined</span>;
      case "cycle":
        return <span className="val-null">[circular]</span>;
      case "deep":
        return <span className="val-null">{value.preview}</span>;
      case "instance":
        return <Fold label={value.name} entries={Object.entries(value.fields)} brackets="{}" open={open} />;
      case "map":
        return <Fold label={`Map(${value.size})`} entries={value.entries.map(([k, v], i) => [keyText(k) ?? String(i), v])} brackets="{}" open={open} more={value.size - value.entries.length} />;
      case "set":
        return <Fold label={`Set(${value.size})`} entries={value.values.map((v, i) => [String(i), v])} brackets="[]" open={open} more={value.size - value.values.length} />;
      case "more": {
        const shown = value.shown;
        const entries: [string, InspectedValue][] = Array.isArray(shown) ? shown.map((v, i) => [String(i), v]) : Object.entries(shown);
        return <Fold label={Array.isArray(shown) ? `Array(${value.count})` : ""} entries={entries} brackets={Array.isArray(shown) ? "[]" : "{}"} open={open} more={value.count - entries.length} />;
      }
      default:
        return <span className="val-other">{"text" in value ? value.text : ""}</span>;
    }
  }
  if (Array.isArray(value)) return <Fold label={`Array(${value.length})`} entries={value.map((v, i) => [String(i), v])} brackets="[]" open={open} />;
  return <Fold label="" entries={Object.entries(value)} brackets="{}" open={open} />;
}

function Fold({ label, entries, brackets, open, more = 0 }: { label: string; entries: [string, InspectedValue][]; brackets: "[]" | "{}"; open: boolean; more?: number }) {
  const [expanded, setExpanded] = useState(open);
  if (entries.length === 0 && more === 0) {
    return (
      <span className="val-punct">
        {label ? `${label} ` : ""}
        {brackets}
      </span>
    );
  }
  return (
    <span className="val-fold">
      <button className="val-twisty" aria-expanded={expanded} data-testid="value-fold" onClick={() => setExpanded(!expanded)}>
        {expanded ? "▾" : "▸"} {label && <span className="val-label">{label}</span>}
        {!expanded && <span className="val-preview"> {preview(entries, brackets)}</span>}
      </button>
      {expanded && (
        <span className="val-children">
          {entries.map(([k, v]) => (
            <span key={k} className="val-entry">
              <span className="val-key">{k}: </span>
              <Value value={v} open={false} />
            </span>
          ))}
          {more > 0 && <span className="val-null">… {more.toLocaleString()} more not sent</span>}
        </span>
      )}
    </span>
  );
}

/** `{ a: 1, b: "x", … }` / `[1, 2, …]` on one line. */
function preview(entries: [string, InspectedValue][], brackets: "[]" | "{}"): string {
  const parts = entries.slice(0, 3).map(([k, v]) => (brackets === "[]" ? short(v) : `${k}: ${short(v)}`));
  if (entries.length > 3) parts.push("…");
  return `${brackets[0]}${parts.join(", ")}${brackets[1]}`;
}

function short(v: InspectedValue): string {
  if (v === null || typeof v !== "object") return typeof v === "string" ? JSON.stringify(v.length > 20 ? v.slice(0, 19) + "…" : v) : String(v);
  if (Array.isArray(v)) return `[${v.length}]`;
  if (isMarked(v)) return v.$weft === "control" ? v.label : v.$weft === "function" ? "ƒ" : v.$weft === "instance" ? v.name : "…";
  return "{…}";
}

function keyText(v: InspectedValue): string | undefined {
  return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
}

/** A value as JSON text for the clipboard: markers become what they stand for, as far as JSON can say it. */
export function toJson(value: InspectedValue): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (isMarked(value)) {
    switch (value.$weft) {
      case "control":
        return value.label;
      case "instance":
        return Object.fromEntries(Object.entries(value.fields).map(([k, v]) => [k, toJson(v)]));
      case "map":
        return Object.fromEntries(value.entries.map(([k, v]) => [String(toJson(k)), toJson(v)]));
      case "set":
        return value.values.map(toJson);
      case "more":
        return Array.isArray(value.shown) ? value.shown.map(toJson) : Object.fromEntries(Object.entries(value.shown).map(([k, v]) => [k, toJson(v)]));
      case "undefined":
        return null;
      default:
        return "text" in value ? value.text : "name" in value ? `ƒ ${value.name}()` : value.$weft === "deep" ? value.preview : null;
    }
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
}
