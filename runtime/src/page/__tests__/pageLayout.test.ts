import { describe, expect, it } from "vitest";
import { Colors, Page, Text, Theme, ThemeMode } from "../../index.ts";
import { openSession } from "../../testing/index.ts";

describe("Flet's page-level props", () => {
  it("padding, bgcolor, spacing, scroll and alignment are the first view's, as in Flet", async () => {
    const s = await openSession((page: Page) => {
      page.padding = 0;
      page.bgcolor = Colors.AMBER_100;
      page.spacing = 4;
      page.scroll = "auto";
      page.horizontalAlignment = "center";
      page.verticalAlignment = "end";
      page.add(new Text("x"));
      expect(page.padding).toBe(0);
      expect(page.views[0]!.bgcolor).toBe("amber100");
    });
    const tree = s.tree();
    expect(tree).toMatch(/View .*padding=0/);
    expect(tree).toMatch(/View .*bgcolor="amber100"/);
    expect(tree).toMatch(/View .*scroll="auto"/);
    expect(tree).toMatch(/View .*horizontalAlignment="center"/);
    expect(tree).not.toMatch(/Page .*padding/);
    s.close();
  });

  it("theme, darkTheme and themeMode travel as the Page's props", async () => {
    const s = await openSession((page: Page) => {
      page.themeMode = ThemeMode.DARK;
      page.theme = new Theme({ colorSchemeSeed: Colors.GREEN });
      page.darkTheme = new Theme({ colorSchemeSeed: Colors.PINK, visualDensity: "compact" });
    });
    const tree = s.tree();
    expect(tree).toMatch(/Page .*themeMode="dark"/);
    expect(tree).toMatch(/theme=\{"colorSchemeSeed":"green"\}/);
    expect(tree).toMatch(/darkTheme=\{"colorSchemeSeed":"pink","visualDensity":"compact"\}/);
    s.close();
  });
});
