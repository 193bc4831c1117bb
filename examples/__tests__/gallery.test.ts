import { describe, expect, it } from "vitest";
import { controlTypes } from "@weft/protocol/controls";
import { openSession } from "weft/testing";
import gallery from "../gallery.ts";

describe("examples/gallery", () => {
  it("shows every control type of the registry (overlays once their button is clicked)", async () => {
    const s = await openSession(gallery);
    const seen = new Set<string>();
    const collect = () => {
      for (const node of s.mirror.nodes.values()) seen.add(node.t);
    };
    collect();
    for (const opener of s.findAll({ type: "Button" }).filter((b) => /^open-(dialog|snack|banner|sheet)$/.test(String(b.props.key)))) {
      await opener.click();
      collect();
    }
    const missing = controlTypes.filter((type) => !seen.has(type));
    expect(missing, "types the gallery does not show: add an example of each to examples/gallery.ts").toEqual([]);
  });
});
