import { useEffect, useRef, useState } from "react";
import type { HookInfo, PropsResult } from "@weft/protocol/channel";
import { useTopics } from "../useStore.ts";
import { relativePath } from "./format.ts";
import { JsonView } from "./JsonView.tsx";
import { toJson, ValueView } from "./ValueView.tsx";
import "./PropsPanel.css";

type Editable = string | number | boolean | null;

/**
 * The selected control, fetched when selected (never before: React DevTools' lazy inspection):
 * its props, editable when they are text, numbers, booleans or one of a few words (a select),
 * and unset with ×; a prop the browser itself changes (a checkbox's value) is changed as the
 * user's click would, running its onChange, or says it ran none. A component's hooks (state
 * editable); its handlers with where they are defined; the app's own fields, unfolding, controls
 * as links. Any value, or the whole control with everything under it, copies as JSON.
 */
export function PropsPanel() {
  const store = useTopics("props", "selection", "sessions", "history");
  const p = store.selection.props;
  const live = store.showingLive;
  const [copied, setCopied] = useState<string | null>(null);
  if (!p) return <p className="empty">Select a control in the tree (or pick one in the app) to see its props.</p>;
  const item = store.tree.shown.get(p.id) ?? store.tree.live.get(p.id);
  const r = p.result;
  const root = store.hello?.app.root;
  const copy = (what: string, text: string) => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(what),
      () => setCopied(`could not copy ${what}`),
    );
  };
  return (
    <div className="props" data-testid="props" data-weft-id={p.id}>
      <div className="pane-head props-head">
        <span className="t-type props-title">{r ? r.name : (item?.name ?? item?.type ?? "Control")}</span>
        {(r?.key ?? item?.key) !== undefined && <span className="t-key">#{r?.key ?? item?.key}</span>}
        <span className="faint">@{p.id}</span>
        {r && r.name !== r.type && <span className="faint">draws {r.type}</span>}
        <span className="app-spacer" />
        <button
          data-testid="copy-subtree"
          title="Copy this control and everything under it, with every prop, as JSON"
          onClick={() => {
            store.selection.subtree(p.id).then(
              (tree) => copy("the subtree", JSON.stringify(tree, null, 2)),
              (err: Error) => setCopied(`could not copy: ${err.message}`),
            );
          }}
        >
          copy JSON
        </button>
      </div>
      {copied && (
        <div className="props-copied dim" role="status" data-testid="copied">
          {copied.startsWith("could not") ? copied : `Copied ${copied}.`}
        </div>
      )}
      <div className="pane-body">
        {!live && <p className="props-note dim">{store.shownRecording ? "A recording: props are not recorded, only what the tree shows." : "The session has ended: nothing to fetch. Its last tree is shown."}</p>}
        {live && store.timeTravel.history.seq !== null && <p className="props-note dim">Time travel: the props below are the live values.</p>}
        {p.error && <p className="props-note props-error">{p.error}</p>}
        {live && !r && !p.error && <p className="props-note dim">Loading…</p>}
        {r && (
          <>
            <h4 className="props-section">Props</h4>
            <table className="props-table mono">
              <tbody>
                {Object.entries(r.props).map(([name, value]) => (
                  <PropRow
                    key={name}
                    name={name}
                    value={value}
                    options={r.options?.[name]}
                    asUser={r.clientProps?.includes(name) ?? false}
                    editable={live && name !== "key"}
                    onSet={(v, as) => store.selection.setProp(p.id, name, v, as)}
                    onCopy={() => copy(`${name}`, JSON.stringify(value, null, 2))}
                  />
                ))}
              </tbody>
            </table>
            <UnsetProps result={r} live={live} onSet={(name, v) => store.selection.setProp(p.id, name, v)} />
            {r.hooks && <Hooks hooks={r.hooks} live={live} onSet={(index, v) => store.selection.setHook(p.id, index, v)} />}
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
                    {Object.entries(r.fields).map(([name, preview]) => {
                      const value = r.fieldValues?.[name];
                      return (
                        <tr key={name} data-testid="field-row" data-field={name}>
                          <th>{name}</th>
                          <td>
                            {value !== undefined ? <ValueView value={value} /> : <span className="dim">{preview}</span>}
                            {value !== undefined && <CopyButton onCopy={() => copy(name, JSON.stringify(toJson(value), null, 2))} />}
                          </td>
                        </tr>
                      );
                    })}
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
        {store.nameOfControl(result.parent) ?? `@${result.parent}`}
      </button>
      {result.slot ? `.${result.slot}` : ""}
    </p>
  );
}

function CopyButton({ onCopy }: { onCopy(): void }) {
  return (
    <button className="props-copy" title="Copy as JSON" onClick={onCopy}>
      ⧉
    </button>
  );
}

function PropRow(props: {
  name: string;
  value: unknown;
  options: string[] | undefined;
  asUser: boolean;
  editable: boolean;
  onSet(value: Editable, as: "app" | "user"): Promise<{ ran?: string | null; note?: string }>;
  onCopy(): void;
}) {
  const { name, value, options, asUser, editable } = props;
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const commit = (v: Editable, as: "app" | "user" = asUser ? "user" : "app") => {
    setError(null);
    setNote(null);
    props.onSet(v, as).then(
      (result) => {
        if (result.ran) setNote(`ran ${result.ran}, as the user's change would`);
        else if (result.note) setNote(result.note);
      },
      (err: Error) => setError(err.message),
    );
  };
  let editor;
  if (editable && options && (typeof value === "string" || value === undefined)) {
    editor = <SelectEditor value={value as string} options={options} onCommit={commit} />;
  } else if (editable && typeof value === "boolean") {
    editor = <BoolEditor value={value} onCommit={commit} />;
  } else if (editable && (typeof value === "string" || typeof value === "number")) {
    editor = <TextEditor value={value} onCommit={commit} />;
  } else {
    editor = <JsonView value={value} depth={1} />;
  }
  return (
    <tr data-testid="prop-row" data-prop={name}>
      <th title={asUser ? "The browser changes this prop itself: an edit acts as the user would" : undefined}>
        {name}
        {asUser && <span className="props-user" aria-hidden> ⚇</span>}
      </th>
      <td>
        <span className="props-cell">
          {editor}
          <CopyButton onCopy={props.onCopy} />
          {editable && (
            <button className="props-unset" data-testid="prop-unset" title={`Unset ${name}: as if the app had never set it`} onClick={() => commit(null, "app")}>
              ×
            </button>
          )}
        </span>
        {note && (
          <div className="props-note-inline dim" data-testid="prop-note">
            {note}
          </div>
        )}
        {error && <div className="props-error">{error}</div>}
      </td>
    </tr>
  );
}

/** Props the class declares but the control has not set: a select to set one (those with words, and booleans by name). */
function UnsetProps({ result, live, onSet }: { result: PropsResult; live: boolean; onSet(name: string, v: Editable): Promise<unknown> }) {
  const [error, setError] = useState<string | null>(null);
  const unset = (result.declared ?? []).filter((n) => !(n in result.props) && n !== "key" && result.options?.[n]);
  if (!live || unset.length === 0) return null;
  return (
    <div className="props-add">
      <select
        aria-label="Set a prop that is not set"
        data-testid="prop-add"
        value=""
        onChange={(e) => {
          const [name, word] = e.target.value.split("=");
          if (!name || word === undefined) return;
          setError(null);
          onSet(name, word).catch((err: Error) => setError(err.message));
        }}
      >
        <option value="">+ set a prop…</option>
        {unset.map((name) => (
          <optgroup key={name} label={name}>
            {result.options![name]!.map((word) => (
              <option key={word} value={`${name}=${word}`}>
                {name}: {word}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {error && <span className="props-error"> {error}</span>}
    </div>
  );
}

function Hooks({ hooks, live, onSet }: { hooks: HookInfo[]; live: boolean; onSet(index: number, v: Editable): Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const names = { state: "useState", ref: "useRef", memo: "useMemo", effect: "useEffect", context: "useContext" } as const;
  return (
    <>
      <h4 className="props-section">Hooks</h4>
      {error && <p className="props-note props-error">{error}</p>}
      <table className="props-table mono">
        <tbody>
          {hooks.map((h) => {
            const v = h.value;
            const editable = live && h.editable && (typeof v === "string" || typeof v === "number" || typeof v === "boolean");
            const commit = (next: Editable) => {
              setError(null);
              onSet(h.index, next).catch((err: Error) => setError(err.message));
            };
            return (
              <tr key={h.index} data-testid="hook-row" data-kind={h.kind}>
                <th>
                  {h.index + 1} {names[h.kind]}
                </th>
                <td>
                  {editable && typeof v === "boolean" ? (
                    <BoolEditor value={v} onCommit={commit} />
                  ) : editable && (typeof v === "string" || typeof v === "number") ? (
                    <TextEditor value={v} onCommit={commit} />
                  ) : v !== undefined ? (
                    <ValueView value={v} />
                  ) : (
                    <span className="faint">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function SelectEditor({ value, options, onCommit }: { value: string | undefined; options: string[]; onCommit(v: Editable): void }) {
  const known = value === undefined || options.includes(value);
  return (
    <select data-testid="prop-input" className="props-select" value={value ?? ""} onChange={(e) => onCommit(e.target.value)}>
      {!known && <option value={value}>{value}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
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
