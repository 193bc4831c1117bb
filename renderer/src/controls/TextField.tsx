import { useId, useState, type ChangeEvent, type CSSProperties, type KeyboardEvent } from "react";
import { useEvents } from "../useEvents.ts";
import { IconGlyph } from "../IconGlyph.tsx";
import { resolveColor } from "../colors.ts";
import { renderSlot } from "../ControlView.tsx";
import { radiusStyle } from "../borders.ts";
import type { PropValue } from "@weft/protocol";
import { baseAttributes, num, str, textOrSlot, useDisabled, type ControlComponentProps } from "./common.ts";

const INPUT_MODES: Record<string, "text" | "decimal" | "email" | "url" | "tel"> = {
  text: "text",
  number: "decimal",
  email: "email",
  url: "url",
  phone: "tel",
};

/**
 * Flet's InputFilter as a check on an edit: with `allow` the new text must match the pattern,
 * otherwise it must not. An edit that fails is undone (the text stays as it was), the way a
 * numbers-only field refuses a letter. The flags are Dart's RegExp options as Flet passes them
 * (not Unicode mode unless asked: its stricter escapes would refuse patterns Flet reads). A
 * pattern the browser cannot compile filters nothing.
 */
function acceptsEdit(filter: PropValue | undefined, text: string): boolean {
  if (typeof filter !== "object" || filter === null || Array.isArray(filter) || typeof filter.regexString !== "string") return true;
  let flags = "";
  if (filter.multiline === true) flags += "m";
  if (filter.caseSensitive === false) flags += "i";
  if (filter.unicode === true) flags += "u";
  if (filter.dotAll === true) flags += "s";
  let pattern: RegExp;
  try {
    pattern = new RegExp(filter.regexString, flags);
  } catch {
    return true;
  }
  return pattern.test(text) === (filter.allow !== false);
}

const TEXT_ALIGN: Readonly<Record<string, CSSProperties["textAlign"]>> = {
  left: "left", right: "right", center: "center", justify: "justify", start: "start", end: "end",
};

/**
 * A text input. The text is held locally so typing is never disturbed by round trips; every
 * edit goes to the server as a `props` message (and `change` if handled). When the server sends
 * a different `value` (say, clearing the field after submit) it replaces the local text.
 */
export function TextField({ node }: ControlComponentProps<"TextField">) {
  const p = node.p;
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const inputId = useId();

  const value = str(p.value);
  const [text, setText] = useState(value);
  // `value` as of the last render. Typed edits are mirrored into the store, so a difference
  // here always means the server set a new value. (React's "adjust state on prop change".)
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  const [revealed, setRevealed] = useState(false);

  // Flet's rules (flet/lib/src/controls/textfield.dart): `shiftEnter` makes the field multiline;
  // a multiline field grows without a limit unless `maxLines` says one; any other field has one
  // line unless `maxLines` is more, and then wraps (a textarea) though Enter still submits.
  const multiline = p.multiline === true || p.shiftEnter === true;
  const maxLines = num(p.maxLines) ?? (multiline ? undefined : 1);
  const wraps = multiline || (maxLines !== undefined && maxLines > 1);
  const password = p.password === true && !wraps;
  const label = str(p.label);
  // `error`, `prefix`, `suffix`, `helper`: a string, or a control in the slot of that name.
  const error = textOrSlot(node, "error");
  const errorText = error;
  const hasError = errorText === null || errorText !== "";
  const prefix = textOrSlot(node, "prefix");
  const suffix = textOrSlot(node, "suffix");
  const helper = textOrSlot(node, "helper");
  const hint = typeof p.hintText === "string" ? p.hintText : undefined;
  const prefixIcon = typeof p.prefixIcon === "string" && p.prefixIcon !== "" ? p.prefixIcon : undefined;
  const suffixIcon = typeof p.suffixIcon === "string" && p.suffixIcon !== "" ? p.suffixIcon : undefined;

  const onChange = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const next = e.target.value;
    if (!acceptsEdit(p.inputFilter, next)) return; // controlled: React puts the old text back
    setText(next);
    setSeen(next);
    events.change({ value: next }, next);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    // Enter that confirms an IME composition is not a submit.
    if (e.key !== "Enter" || e.nativeEvent.isComposing) return;
    if (!multiline) {
      // A wrapping single-paragraph field (`maxLines` > 1): Enter submits and adds no line.
      if (wraps) e.preventDefault();
    } else {
      // Flet's `shiftEnter`: Enter submits and Shift+Enter is a new line, as in a chat box;
      // otherwise Ctrl/Cmd+Enter submits and Enter is a new line.
      const submits = p.shiftEnter === true ? !e.shiftKey : e.ctrlKey || e.metaKey;
      if (!submits) return;
      e.preventDefault();
    }
    events.event("submit", e.currentTarget.value);
  };

  const field = {
    id: inputId,
    value: text,
    onChange,
    onKeyDown,
    onFocus: () => events.event("focus"),
    onBlur: () => events.event("blur"),
    placeholder: hint,
    disabled,
    readOnly: p.readOnly === true,
    autoFocus: p.autofocus === true,
    inputMode: typeof p.keyboardType === "string" ? INPUT_MODES[p.keyboardType] : undefined,
    "aria-invalid": hasError ? true : undefined,
    style: typeof p.textAlign === "string" ? { textAlign: TEXT_ALIGN[p.textAlign.toLowerCase()] } : undefined,
  };

  let input;
  if (wraps) {
    const minLines = Math.max(1, num(p.minLines) ?? 1);
    const style: CSSProperties = { minHeight: `${minLines * 1.5}em` };
    if (maxLines !== undefined && maxLines >= minLines) style.maxHeight = `${maxLines * 1.5}em`;
    input = <textarea {...field} rows={minLines} style={{ ...field.style, ...style }} />;
  } else {
    input = <input {...field} type={password && !revealed ? "password" : "text"} />;
  }

  // Material 3's floating label: inside the box as a placeholder while the field is empty and
  // unfocused, on the outline (small) once it is focused or holds text.
  let className = "weft-textfield";
  if (label) className += " weft-textfield--labelled";
  if (text !== "" || prefix !== "" || prefixIcon) className += " weft-textfield--filled";
  if (wraps) className += " weft-textfield--multiline";
  if (hasError) className += " weft-textfield--error";
  // Flet's `filled`: the box filled (surfaceContainerHighest, or `fillColor`) with an underline.
  const fill = resolveColor(p.fillColor);
  if (p.filled === true || (p.filled !== false && fill)) className += " weft-textfield--fill";
  if (disabled) className += " weft-disabled";
  return (
    <div {...baseAttributes(node, className)}>
      <div className="weft-field" style={{ background: fill ?? resolveColor(p.bgcolor), ...(fill && { "--weft-field-fill": fill }), ...radiusStyle(p.borderRadius) }}>
        {label && (
          <label className="weft-field-label" htmlFor={inputId}>
            {label}
          </label>
        )}
        {prefixIcon && <IconGlyph name={prefixIcon} size={24} />}
        {prefix === null ? <span className="weft-field-affix">{renderSlot(node, "prefix")}</span> : prefix && <span className="weft-field-affix">{prefix}</span>}
        {input}
        {suffix === null ? <span className="weft-field-affix">{renderSlot(node, "suffix")}</span> : suffix && <span className="weft-field-affix">{suffix}</span>}
        {suffixIcon && <IconGlyph name={suffixIcon} size={24} />}
        {password && p.canRevealPassword === true && (
          <button
            type="button"
            className="weft-field-reveal"
            aria-label={revealed ? "Hide password" : "Show password"}
            onClick={() => setRevealed((r) => !r)}
            disabled={disabled}
          >
            <IconGlyph name={revealed ? "visibility_off" : "visibility"} size={20} />
          </button>
        )}
      </div>
      {hasError ? (
        <div className="weft-field-error">{errorText === null ? renderSlot(node, "error") : errorText}</div>
      ) : (
        helper !== "" && <div className="weft-field-helper">{helper === null ? renderSlot(node, "helper") : helper}</div>
      )}
    </div>
  );
}
