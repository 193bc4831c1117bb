import { describe, expect, it } from "vitest";
import { COLOR_NAMES } from "../colorNames.ts";
import { Colors } from "../colors.ts";
import { CupertinoIcons } from "../cupertinoIcons.ts";
import { ICON_NAMES } from "../iconNames.ts";
import { Icons } from "../icons.ts";
import { nameTable, tableNames } from "../nameTable.ts";

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

  it("Icons reads like the table it stands for: names, `in`, listing, and nothing else", () => {
    expect(Icons.ADD).toBe("add");
    expect(Icons.HOME_ROUNDED).toBe("home_rounded");
    expect(CupertinoIcons.CHEVRON_BACK).toBe("cupertino.chevron_back");
    expect("ADD" in Icons && "random" in Icons && "toString" in Icons).toBe(true);
    // Only Flet's UPPER_SNAKE names: not the values, not two names with the space between them.
    const loose = Icons as unknown as Record<string, unknown>;
    for (const key of ["add", "NOT_AN_ICON", "ABC ABC_OUTLINED", "", " ADD", "ADD "]) {
      expect(loose[key]).toBeUndefined();
      expect(key in Icons).toBe(false);
    }
    const keys = Object.keys(Icons);
    expect(keys.slice(0, 2)).toEqual(["ABC", "ABC_OUTLINED"]);
    expect(keys.at(-1)).toBe("random");
    expect(Object.entries(CupertinoIcons).find(([key]) => key === "HEART_FILL")).toEqual(["HEART_FILL", "cupertino.heart_fill"]);
    expect({ ...Icons }.ZOOM_OUT_SHARP).toBe("zoom_out_sharp");
    expect(Object.prototype.hasOwnProperty.call(Icons, "ADD")).toBe(true);
    expect(JSON.parse(JSON.stringify({ icon: Icons.ADD }))).toEqual({ icon: "add" });
  });

  it("Icons is read-only: a name cannot be assigned, added or deleted", () => {
    const loose = Icons as unknown as Record<string, unknown>;
    expect(() => (loose.ADD = "home")).toThrow(TypeError);
    expect(() => (loose.MY_ICON = "star")).toThrow(TypeError);
    expect(() => delete loose.ADD).toThrow(TypeError);
    expect(Icons.ADD).toBe("add");
    expect("MY_ICON" in Icons).toBe(false);
  });

  it("a name read before the table is listed is found exactly when the list has it, in each style", () => {
    // A fresh table: listing one remembers every name, and this is about the lookup before that.
    const table = nameTable<Record<string, string | undefined>, object>(ICON_NAMES, {});
    const listed = new Set(tableNames(ICON_NAMES));
    const styles = ["", "_outlined", "_rounded", "_sharp"];
    const bases = new Set([...listed].map((name) => name.replace(/_(outlined|rounded|sharp)$/, "")));
    let absent = 0;
    for (const base of bases) {
      for (const name of styles.map((suffix) => base + suffix)) {
        expect(table[name.toUpperCase()]).toBe(listed.has(name) ? name : undefined);
        if (!listed.has(name)) absent++;
      }
    }
    expect(absent).toBeGreaterThan(0); // some icons lack a style, and those are refused
    expect(Object.keys(table)).toEqual([...listed].map((name) => name.toUpperCase()));
  });
});
