import { describe, expect, it } from "vitest";
import { COLOR_NAMES } from "../colorNames.ts";
import { Colors } from "../colors.ts";
import { CupertinoIcons } from "../cupertinoIcons.ts";
import { Icons } from "../icons.ts";

describe("Flet's constants", () => {
  it("send Flet's strings", () => {
    expect(Colors.BLUE_200).toBe("blue200");
    expect(Colors.ON_PRIMARY_CONTAINER).toBe("onprimarycontainer");
    expect(Icons.DELETE_OUTLINED).toBe("delete_outlined");
    expect(CupertinoIcons.HEART_FILL).toBe("cupertino.heart_fill");
  });

  it("have all of Flet's names", () => {
    const names = (o: object) => Object.values(o).filter((v) => typeof v === "string").length;
    expect(names(Icons)).toBe(8825);
    expect(names(CupertinoIcons)).toBe(1322);
    expect(new Set(Object.values(Colors).filter((v) => typeof v === "string")).size).toBe(352);
  });

  it("withOpacity writes Flet's 'colour,opacity' and refuses what Flet refuses", () => {
    expect(Colors.withOpacity(0.5, Colors.RED)).toBe("red,0.5");
    expect(() => Colors.withOpacity(1.5, Colors.RED)).toThrow(RangeError);
  });

  it("random picks a name, leaving out the excluded ones", () => {
    const only = Colors.random({ exclude: Object.values(COLOR_NAMES).filter((v) => v !== "red") });
    expect(only).toBe("red");
    expect(Icons.random()).toMatch(/^[a-z0-9_]+$/);
  });
});
