import { describe, expect, it } from "vitest";
import { controlSpecs, controlTypes, dialogBase, isControlType, specOf, type ControlSpec } from "../controls/index.ts";

/** Every prop and slot name of a spec, its bases' included. */
function namesOf(spec: ControlSpec | undefined): Set<string> {
  const names = new Set<string>(["key", "visible", "disabled", "tooltip", "expand", "width", "height", "left", "top", "right", "bottom"]);
  for (let s = spec; s; s = s.base) {
    for (const name of Object.keys(s.props ?? {})) names.add(name);
    for (const name of Object.keys(s.slots ?? {})) names.add(name);
  }
  return names;
}

describe("the control registry", () => {
  it("files every spec under its own type name", () => {
    for (const [type, spec] of Object.entries(controlSpecs)) expect(spec.type).toBe(type);
    expect(controlTypes).toEqual(Object.keys(controlSpecs));
  });

  it("knows only its own types, not Object's members", () => {
    expect(isControlType("Button")).toBe(true);
    expect(isControlType("constructor")).toBe(false);
    expect(isControlType("toString")).toBe(false);
    expect(specOf("NoSuchControl")).toBeUndefined();
    expect(specOf("DialogControl")).toBeUndefined(); // a base, never drawn
  });

  it("names only existing props in client, text and summary", () => {
    for (const type of controlTypes) {
      const spec: ControlSpec = controlSpecs[type];
      const names = namesOf(spec);
      for (const name of [...(spec.client ?? []), ...(spec.text ?? []), ...(spec.summary ?? [])]) {
        expect(names.has(name), `${type} lists '${name}', which is not one of its props`).toBe(true);
      }
    }
  });

  it("keys events by handler name (onClick), never by wire name", () => {
    for (const type of controlTypes) {
      for (const name of Object.keys((controlSpecs[type] as ControlSpec).events ?? {})) expect(name, type).toMatch(/^on[A-Z]/);
    }
    expect(Object.keys(dialogBase.events)).toEqual(["onDismiss"]);
  });
});
