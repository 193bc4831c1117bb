import { useState, type ReactNode } from "react";
import { useInspector } from "../useStore.ts";
import "./JsonView.css";

/** Keys whose number is a control id: shown with the control's name, `12 ‹Button#inc›`. */
const ID_KEYS = new Set(["id", "i", "parent", "before"]);
const ARRAY_PREVIEW = 100;

/**
 * A JSON value as a readable, foldable tree: colours per type, control ids named as `Type#key`
 * from the inspector's tree, long arrays cut (with a way to see the rest), nodes below `depth`
 * folded until clicked.
 */
export function JsonView({ value, depth = 3 }: { value: unknown; depth?: number }) {
  return (
    <div className="json mono">
      <Node value={value} name={null} level={0} open={depth} />
    </div>
  );
}

function Node({ value, name, level, open }: { value: unknown; name: string | null; level: number; open: number }) {
  const [expanded, setExpanded] = useState(level < open);
  const [all, setAll] = useState(false);
  const store = useInspector();
  const label = name === null ? null : <span className="json-key">{JSON.stringify(name).slice(1, -1)}: </span>;
  if (value === null || typeof value !== "object") {
    let idName: string | undefined;
    if (typeof value === "number" && name !== null && ID_KEYS.has(name)) idName = store.nameOfControl(value);
    return (
      <div className="json-line">
        {label}
        <Scalar value={value} />
        {idName && <span className="json-id"> ‹{idName}›</span>}
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const entries: [string, unknown][] = isArray ? (value as unknown[]).map((v, i) => [String(i), v]) : Object.entries(value as object);
  const [openBr, closeBr] = isArray ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    return (
      <div className="json-line">
        {label}
        <span className="json-punct">{openBr + closeBr}</span>
      </div>
    );
  }
  const summary = isArray ? `${entries.length} item${entries.length === 1 ? "" : "s"}` : preview(value as Record<string, unknown>);
  if (!expanded) {
    return (
      <div className="json-line json-fold" onClick={() => setExpanded(true)}>
        <span className="json-twisty">▸</span>
        {label}
        <span className="json-punct">{openBr}</span>
        <span className="json-summary">{summary}</span>
        <span className="json-punct">{closeBr}</span>
      </div>
    );
  }
  const shown = isArray && !all ? entries.slice(0, ARRAY_PREVIEW) : entries;
  const children: ReactNode[] = shown.map(([k, v]) => <Node key={k} value={v} name={isArray ? null : k} level={level + 1} open={open} />);
  return (
    <div>
      <div className="json-line json-fold" onClick={() => setExpanded(false)}>
        <span className="json-twisty">▾</span>
        {label}
        <span className="json-punct">{openBr}</span>
        {isArray && <span className="json-summary">{summary}</span>}
      </div>
      <div className="json-children">
        {children}
        {shown.length < entries.length && (
          <button className="json-more" onClick={() => setAll(true)}>
            … {entries.length - shown.length} more
          </button>
        )}
      </div>
      <div className="json-line">
        <span className="json-punct">{closeBr}</span>
      </div>
    </div>
  );
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === "string") return <span className="json-string">{JSON.stringify(value)}</span>;
  if (typeof value === "number") return <span className="json-number">{String(value)}</span>;
  if (typeof value === "boolean") return <span className="json-bool">{String(value)}</span>;
  if (value === undefined) return <span className="json-null">undefined</span>;
  return <span className="json-null">null</span>;
}

/** `type: "event", id: 12, …` */
function preview(object: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(object)) {
    if (parts.length === 3) {
      parts.push("…");
      break;
    }
    parts.push(`${k}: ${v !== null && typeof v === "object" ? (Array.isArray(v) ? `[${v.length}]` : "{…}") : JSON.stringify(v)}`);
  }
  return parts.join(", ");
}
