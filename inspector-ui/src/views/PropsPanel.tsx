import { useEffect, useRef, useState } from "react";
import type { PropsResult } from "@weft/protocol/channel";
import { useTopics } from "../useStore.ts";
import { relativePath } from "./format.ts";
import { JsonView } from "./JsonView.tsx";
import "./PropsPanel.css";

/**
 * The selected control, fetched when selected (never before: React DevTools' lazy inspection):
 * its props, editable when they are text, numbers or booleans (the change goes to the live
 * session and its tab at once), its handlers with where they are defined, and the app's own
 * fields of the control.
 */
export function PropsPanel() {
  const store = useTopics("props", "selection", "sessions", "history");
  const p = store.selection.props;
  const live = store.showingLive;
  if (!p) return <p className="empty">Select a control in the tree (or pick one in the app) to see its props.</p>;
  const item = store.tree.shown.get(p.id) ?? store.tree.live.get(p.id);
  const r = p.result;
  const root = store.hello?.app.root;
  return (
    <div className="props" data-testid="props" data-weft-id={p.id}>
      <div className="pane-head props-head">
        <span className="t-type props-title">{r ? r.name : (item?.name ?? item?.type ?? "Control")}</span>
        {(r?.key ?? item?.key) !== undefined && <span className="t-key">#{r?.key ?? item?.key}</span>}
        <span className="faint">id {p.id}</span>
        {r && r.name !== r.type && <span className="faint">draws {r.type}</span>}
      </div>
      <div className="pane-body">
        {!live && <p className="props-note dim">The session has ended: nothing to fetch. Its last tree is shown.</p>}
        {live && store.timeTravel.history.seq !== null && <p className="props-note dim">Time travel: the props below are the live values.</p>}
        {p.error && <p className="props-note props-error">{p.error}</p>}
        {live && !r && !p.error && <p className="props-note dim">Loading…</p>}
        {r && (
          <>
            <h4 className="props-section">Props</h4>
            <table className="props-table mono">
              <tbody>
                {Object.entries(r.props).map(([name, value]) => (
                  <PropRow key={name} name={name} value={value} editable={live && name !== "key"} onSet={(v) => store.selection.setProp(p.id, name, v)} />
                ))}
              </tbody>
            </table>
            <h4 className="props-section">Handlers</h4>
            {r.handlers.length === 0 ? (
              <p className="props-note dim">none</p>
            ) : (
              <ul className="props-handlers mono">
                {r.handlers.map((event) => {
                  const at = p.sources[event];
                  return (
                    <li key={event} data-testid="handler">
                      <span className="props-event">on{event[0]!.toUpperCase() + event.slice(1)}</span>
                      {at === undefined ? (
                        <span className="faint"> locating…</span>
                      ) : at === null ? (
                        <span className="faint"> (source unknown)</span>
                      ) : (
                        <a className="props-source" href={`vscode://file${at.file}:${at.line}:${at.column}`} title={`Open ${at.file} in VS Code`}>
                          {relativePath(at.file, root)}:{at.line}:{at.column}
                        </a>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {Object.keys(r.fields).length > 0 && (
              <>
                <h4 className="props-section">Fields</h4>
                <table className="props-table mono">
                  <tbody>
                    {Object.entries(r.fields).map(([name, preview]) => (
                      <tr key={name}>
                        <th>{name}</th>
                        <td className="dim">{preview}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            <ParentLine result={r} />
          </>
        )}
      </div>
    </div>
  );
}

function ParentLine({ result }: { result: PropsResult }) {
  const store = useTopics("tree");
  if (result.parent === null) return null;
  return (
    <p className="props-note dim">
      in{" "}
      <button className="props-link" onClick={() => store.selection.select(result.parent)}>
        {store.nameOfControl(result.parent) ?? `#${result.parent}`}
      </button>
      {result.slot ? `.${result.slot}` : ""}
    </p>
  );
}

type Editable = string | number | boolean | null;

function PropRow({ name, value, editable, onSet }: { name: string; value: unknown; editable: boolean; onSet(value: Editable): Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const commit = (v: Editable) => {
    setError(null);
    onSet(v).catch((err: Error) => setError(err.message));
  };
  let editor;
  if (editable && typeof value === "boolean") {
    editor = <BoolEditor value={value} onCommit={commit} />;
  } else if (editable && (typeof value === "string" || typeof value === "number")) {
    editor = <TextEditor value={value} onCommit={commit} />;
  } else {
    editor = <JsonView value={value} depth={1} />;
  }
  return (
    <tr data-testid="prop-row" data-prop={name}>
      <th>{name}</th>
      <td>
        {editor}
        {error && <div className="props-error">{error}</div>}
      </td>
    </tr>
  );
}

/** A checkbox that shows the new value at once, and the session's when it comes back. */
function BoolEditor({ value, onCommit }: { value: boolean; onCommit(v: Editable): void }) {
  const [checked, setChecked] = useState(value);
  useEffect(() => setChecked(value), [value]);
  return (
    <input
      type="checkbox"
      data-testid="prop-input"
      checked={checked}
      onChange={(e) => {
        setChecked(e.target.checked);
        onCommit(e.target.checked);
      }}
    />
  );
}

/** A text or number field that sends on Enter or when it loses focus, and reverts on Escape. */
function TextEditor({ value, onCommit }: { value: string | number; onCommit(v: Editable): void }) {
  const [draft, setDraft] = useState(String(value));
  const editing = useRef(false);
  // The app may change the prop while it is shown: follow it, except under the user's cursor.
  useEffect(() => {
    if (!editing.current) setDraft(String(value));
  }, [value]);
  const isNumber = typeof value === "number";
  const send = () => {
    if (draft === String(value)) return;
    if (isNumber) {
      const n = Number(draft);
      if (draft.trim() === "" || !Number.isFinite(n)) return setDraft(String(value));
      onCommit(n);
    } else onCommit(draft);
  };
  return (
    <input
      type={isNumber ? "number" : "text"}
      data-testid="prop-input"
      className={`props-input ${isNumber ? "is-number" : "is-string"}`}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onFocus={() => (editing.current = true)}
      onBlur={() => {
        editing.current = false;
        send();
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          editing.current = false;
          send();
        }
        if (e.key === "Escape") {
          editing.current = false;
          setDraft(String(value));
        }
      }}
    />
  );
}
