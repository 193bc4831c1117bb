import { describe, expect, it } from "vitest";
import { controlSpecs, controlTypes, defineSpec } from "@weft/protocol/controls";
import * as weft from "../../index.ts";
import { Control, defineControl, type ControlClass } from "../control.ts";

/** The control classes `weft` exports, by the type they draw. */
function exportedClasses(): Map<string, ControlClass> {
  const out = new Map<string, ControlClass>();
  for (const value of Object.values(weft)) {
    if (typeof value !== "function" || !(value.prototype instanceof Control)) continue;
    const cls = value as unknown as ControlClass;
    if (Object.hasOwn(cls, "meta") && cls.meta.spec.type === cls.meta.type) out.set(cls.meta.type, cls);
  }
  return out;
}

describe("control classes and their specs", () => {
  it("has a class for every registered type, defined from that type's spec", () => {
    const classes = exportedClasses();
    for (const type of controlTypes) {
      const cls = type === "Component" ? weft.ComponentControl : classes.get(type);
      expect(cls, `weft exports no class drawn as ${type}`).toBeDefined();
      expect(cls!.meta.spec).toBe(controlSpecs[type]);
    }
  });

  it("derives the accessors, events, slots and browser-set props from the spec", () => {
    const meta = weft.AlertDialog.meta;
    expect(meta.props).toEqual(expect.arrayContaining(["open", "icon", "modal", "title"]));
    expect(meta.events).toEqual(["dismiss"]);
    expect(meta.slots).toEqual({ title: "text", content: "one", actions: "list" });
    expect(meta.clientProps).toEqual({ open: "boolean" });
    expect(weft.Slider.meta.events).toEqual(["change", "changeStart", "changeEnd"]);

    const dialog = new weft.AlertDialog({ title: "Delete?" });
    expect(dialog._p.title).toBe("Delete?");
    const row = new weft.Row();
    dialog.title = row;
    expect([dialog.title, dialog._p.title, dialog._children("title")]).toEqual([row, undefined, [row]]);
  });

  it("refuses a spec whose base is not the class's base class", () => {
    const spec = defineSpec({ type: "Odd", base: controlSpecs.Button, props: { odd: "string" } });
    expect(() => {
      class Odd extends Control {
        static {
          defineControl(this, spec);
        }
      }
      return Odd;
    }).toThrow("the spec of Odd extends Button, but the class extends Control's class");
  });
});
