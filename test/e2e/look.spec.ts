import { expect, test, type Locator, type Page } from "@playwright/test";
import { useWeft } from "../support/useWeft.ts";
import { key } from "../support/locators.ts";

const box = async (l: Locator) => (await l.boundingBox())!;
const css = (l: Locator, property: string) => l.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
/** The value of a theme custom property, as the browser resolved it. */
const themeColor = (page: Page, role: string) =>
  page.evaluate((r) => {
    const probe = document.createElement("div");
    probe.style.color = `var(--weft-${r})`;
    document.body.append(probe);
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  }, role);

/** Layout bugs found while porting Flet's examples: each screen of test/fixtures/look/layout.ts. */
test.describe("layout as in Flet", () => {
  const app = useWeft("run", ["test/fixtures/look/layout.ts"]);
  const open = async (page: Page, route: string) => {
    await page.goto(new URL(route, app.url).href);
    await expect(page.locator("[data-weft-type=View]")).toBeVisible();
  };

  test("an expanded Button in a Row keeps a button's height", async ({ page }) => {
    await open(page, "/expanded-button");
    const button = await box(key(page, "wide"));
    expect(button.height).toBe((await box(key(page, "plain"))).height);
    expect(button.height).toBe(32); // compact: this is a desktop browser
    expect(button.width).toBeGreaterThan(600);
  });

  test("visualDensity: standard has M3's 40 px buttons and 56 px fields", async ({ page }) => {
    await open(page, "/standard-density");
    expect((await box(key(page, "button"))).height).toBe(40);
    expect((await box(key(page, "field"))).height).toBe(56);
    expect((await box(key(page, "icon"))).height).toBe(40);
  });

  test("the default density on a desktop is compact, as Flutter's adaptivePlatformDensity", async ({ page }) => {
    await open(page, "/compact-density");
    expect((await box(key(page, "button"))).height).toBe(32);
    expect((await box(key(page, "field"))).height).toBe(48);
    expect((await box(key(page, "icon"))).height).toBe(32);
  });

  test("a Column with a fixed width in a centred page is centred, not stretched", async ({ page }) => {
    await open(page, "/fixed-column");
    const col = await box(key(page, "col"));
    const viewport = page.viewportSize()!;
    expect(col.width).toBe(300);
    expect(Math.abs(col.x + col.width / 2 - viewport.width / 2)).toBeLessThanOrEqual(1);
  });

  test("a ListView in an expanded Row scrolls inside the Row's height", async ({ page }) => {
    await open(page, "/list-in-row");
    const viewport = page.viewportSize()!;
    const list = key(page, "list");
    const row = await box(key(page, "row"));
    expect(row.y + row.height).toBeLessThanOrEqual(viewport.height);
    expect((await box(list)).height).toBeLessThanOrEqual(row.height);
    const scroll = await list.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(scroll.scroll).toBeGreaterThan(scroll.client);
  });

  test("page.padding and page.bgcolor reach the page", async ({ page }) => {
    await open(page, "/page-padding");
    const text = await box(key(page, "flush"));
    expect(text.x).toBe(0);
    expect(text.y).toBe(0);
    await expect(page.locator("[data-weft-type=View]")).toHaveCSS("background-color", "rgb(255, 236, 179)");
  });

  test("page-level alignment and scroll are the root view's", async ({ page }) => {
    await open(page, "/page-alignment");
    const text = await box(key(page, "centred"));
    const viewport = page.viewportSize()!;
    expect(Math.abs(text.x + text.width / 2 - viewport.width / 2)).toBeLessThanOrEqual(1);
    expect(Math.abs(text.y + text.height / 2 - viewport.height / 2)).toBeLessThanOrEqual(1);
    expect(await css(page.locator(".weft-view-body"), "overflow-y")).toBe("scroll");
  });

  test("an Image in AppBar.leading fits the 56 × 64 leading slot of a 64 px bar", async ({ page }) => {
    await open(page, "/appbar-image");
    const bar = await box(key(page, "bar"));
    const logo = await box(key(page, "logo"));
    expect(bar.height).toBe(64);
    expect(logo.width).toBeLessThanOrEqual(56);
    expect(logo.height).toBeLessThanOrEqual(64);
  });

  test("a TextField is 300 px wide unless it expands, has a width or its column stretches it (as Flet's)", async ({ page }) => {
    await open(page, "/textfield");
    const viewport = page.viewportSize()!;
    expect((await box(key(page, "name"))).width).toBe(300);
    expect((await box(key(page, "wide"))).width).toBe(viewport.width - 20);
    expect((await box(key(page, "stretched"))).width).toBe(viewport.width - 20);
  });

  test("expanded Buttons share a Row by their flex factors, padding included", async ({ page }) => {
    await open(page, "/button-shares");
    // 300 px less two 10 px gaps, shared 2 : 1 : 1.
    expect((await box(key(page, "two"))).width).toBe(140);
    expect((await box(key(page, "one"))).width).toBe(70);
  });

  test("Border.all / Border.only and BorderRadius draw with Flet's colours and defaults", async ({ page }) => {
    await open(page, "/border");
    const all = key(page, "all");
    await expect(all).toHaveCSS("border-top", "2px solid rgb(244, 67, 54)");
    await expect(all).toHaveCSS("border-left", "2px solid rgb(244, 67, 54)");
    await expect(all).toHaveCSS("border-radius", "8px");
    const bottom = key(page, "bottom");
    await expect(bottom).toHaveCSS("border-bottom", "3px solid rgb(0, 0, 0)");
    await expect(bottom).toHaveCSS("border-top-style", "none");
    await expect(bottom).toHaveCSS("border-top-left-radius", "12px");
    await expect(bottom).toHaveCSS("border-bottom-right-radius", "0px");
  });

  test("Button is Flet's ElevatedButton: a tonal surface, primary text, a shadow", async ({ page }) => {
    await open(page, "/button");
    const button = key(page, "button");
    await expect(button).toHaveCSS("background-color", await themeColor(page, "surface-container-low"));
    await expect(button).toHaveCSS("color", await themeColor(page, "primary"));
    expect(await css(button, "box-shadow")).not.toBe("none");
  });

  test("Text: START/END alignment, noWrap, themeStyle on the M3 type scale; ProgressBar.borderRadius", async ({ page }) => {
    await open(page, "/text");
    await expect(key(page, "start")).toHaveCSS("text-align", "start");
    await expect(key(page, "end")).toHaveCSS("text-align", "end");
    expect((await box(key(page, "nowrap"))).height).toBeLessThan(30);
    const display = key(page, "display");
    await expect(display).toHaveCSS("font-size", "57px");
    await expect(display).toHaveCSS("line-height", "64px");
    await expect(display).toHaveCSS("letter-spacing", "-0.25px");
    const body = key(page, "body");
    await expect(body).toHaveCSS("font-size", "14px");
    await expect(body).toHaveCSS("line-height", "20px");
    await expect(body).toHaveCSS("letter-spacing", "0.25px");
    expect(await css(body, "font-family")).toMatch(/^Roboto/);
    await expect(key(page, "bar")).toHaveCSS("border-radius", "6px");
  });
});

/** CSS `rgb(r, g, b)` of a `#rrggbb`. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

test.describe("themes as in Flet", () => {
  const app = useWeft("run", ["test/fixtures/look/theme.ts"]);
  const open = async (page: Page, route: string) => {
    await page.goto(new URL(route, app.url).href);
    await expect(key(page, "text")).toBeVisible();
  };

  test("without a theme the scheme is Flutter's ColorScheme.fromSeed(Colors.blue)", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await open(page, "/");
    await expect(key(page, "text")).toHaveCSS("color", rgb("#36618e"));
  });

  test("page.theme's colorSchemeSeed seeds the scheme", async ({ page }) => {
    await open(page, "/seed");
    await expect(key(page, "text")).toHaveCSS("color", rgb("#3b6939"));
    expect(await page.evaluate(() => document.documentElement.dataset.weftTheme)).toBe("light");
  });

  test("in dark mode page.darkTheme is used", async ({ page }) => {
    await open(page, "/dark");
    await expect(key(page, "text")).toHaveCSS("color", rgb("#ffb2be"));
    expect(await page.evaluate(() => document.documentElement.dataset.weftTheme)).toBe("dark");
  });

  test("a system theme mode follows the OS", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await open(page, "/");
    expect(await page.evaluate(() => document.documentElement.dataset.weftTheme)).toBe("dark");
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.weftTheme)).toBe("light");
  });

  test("colorScheme overrides a role and fontFamily sets the font", async ({ page }) => {
    await open(page, "/overrides");
    await expect(key(page, "text")).toHaveCSS("color", rgb("#f44336"));
    expect(await css(key(page, "text"), "font-family")).toMatch(/^"?serif"?/);
  });

  test("an icon is drawn from the filled Material Icons font, the only icon font fetched", async ({ page }) => {
    const fonts: string[] = [];
    page.on("request", (r) => void (/\.woff2$/.test(r.url()) && fonts.push(new URL(r.url()).pathname)));
    await open(page, "/icon");
    const glyph = key(page, "icon").locator(".weft-icon-glyph");
    await expect(glyph).toHaveAttribute("data-icon", "favorite");
    await expect.poll(() => page.evaluate(() => document.fonts.check("24px weft-icons-filled", "favorite"))).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(fonts.filter((f) => /icons/i.test(f))).toEqual([expect.stringMatching(/\/material-icons-latin-400-normal-[\w-]+\.woff2$/)]);
  });
});

test.describe("every colour of Flet resolves", () => {
  const app = useWeft("run", ["test/fixtures/look/colors.ts"]);

  test("each name of Colors paints its swatch (only TRANSPARENT is see-through)", async ({ page }) => {
    await page.goto(app.url);
    await expect(key(page, "RED_200")).toBeVisible();
    const unpainted = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("[data-weft-type=Container]")]
        .filter((el) => getComputedStyle(el).backgroundColor === "rgba(0, 0, 0, 0)")
        .map((el) => el.dataset.weftKey),
    );
    expect(unpainted).toEqual(["TRANSPARENT"]);
    await expect(key(page, "RED_200")).toHaveCSS("background-color", rgb("#ef9a9a"));
    await expect(key(page, "WHITE_54")).toHaveCSS("background-color", "rgba(255, 255, 255, 0.54)");
  });
});

test.describe("first load", () => {
  const app = useWeft("run", ["examples/counter.ts"]);

  test("the counter fetches no icon font, and Roboto only in the weights it shows", async ({ page }) => {
    const fonts: string[] = [];
    page.on("request", (r) => void (/\.woff2?$/.test(r.url()) && fonts.push(new URL(r.url()).pathname)));
    await page.goto(app.url);
    await expect(key(page, "count")).toHaveText("0");
    await page.evaluate(() => document.fonts.ready);
    await page.waitForLoadState("networkidle");
    expect(fonts.some((f) => /icons/i.test(f))).toBe(false);
    expect(fonts.map((f) => /roboto-[\w-]+?-(\d00-\w+)-/.exec(f)?.[1]).sort()).toEqual(["400-normal", "500-normal"]);
    expect(await css(key(page, "count"), "font-family")).toMatch(/^Roboto/);
  });
});

test.describe("first load fetches what the page draws", () => {
  const app = useWeft("run", ["test/fixtures/look/firstLoad.ts"]);
  /** The renderer's files a page requested (fonts and scripts under _weft/), by name without hash. */
  const requested = (page: Page) => {
    const files: string[] = [];
    page.on("request", (r) => {
      const name = /\/_weft\/([\w.-]+?)-[\w-]{8}\.(js|woff2?)$/.exec(new URL(r.url()).pathname);
      if (name) files.push(`${name[1]}.${name[2]}`);
    });
    return files;
  };

  test("ASCII text draws from Roboto's ASCII subsets; text beyond ASCII also fetches the latin face, still in Roboto", async ({ page }) => {
    const files = requested(page);
    await page.goto(app.url);
    await expect(key(page, "ascii")).toHaveText("Plain ASCII text");
    await page.evaluate(() => document.fonts.ready);
    await page.waitForLoadState("networkidle");
    expect(files.filter((f) => f.startsWith("roboto")).sort()).toEqual(["roboto-ascii-400-normal.woff2", "roboto-ascii-500-normal.woff2"]);

    await key(page, "more").click();
    await expect(key(page, "latin")).toHaveText("Crème brûlée");
    await page.evaluate(() => document.fonts.ready);
    await expect.poll(() => files.filter((f) => f.startsWith("roboto-latin"))).toEqual(["roboto-latin-400-normal.woff2"]);
    // The glyphs beyond ASCII come from Roboto too: the face that holds them is loaded.
    expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.replace(/"/g, "") === "Roboto" && f.status === "loaded" && f.unicodeRange.includes("U+0-FF")))).toBe(true);
  });

  test("a control few pages draw is a chunk of its own, fetched when the page first draws one", async ({ page }) => {
    const files = requested(page);
    await page.goto(app.url);
    await expect(key(page, "more")).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(files.filter((f) => f.startsWith("DataTable"))).toEqual([]);

    await key(page, "more").click();
    await expect(key(page, "cell")).toHaveText("Tarte Tatin");
    await expect(key(page, "table").locator("th")).toHaveText("Dessert");
    expect(files.filter((f) => f.startsWith("DataTable"))).toEqual(["DataTable.js"]);
  });
});

test.describe("every icon of Flet draws", () => {
  const app = useWeft("run", ["test/fixtures/look/icons.ts"]);

  test("each of Flet's Material and Cupertino icons is one glyph of its font", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(app.url);
    const icons = page.locator("[data-weft-type=Icon]");
    await expect(icons).toHaveCount(8825 + 1322, { timeout: 60_000 });
    const failures = await page.evaluate(async () => {
      const glyphs = [...document.querySelectorAll<HTMLElement>("[data-weft-type=Icon] .weft-icon-glyph")];
      const families = [...new Set(glyphs.map((g) => g.style.fontFamily))];
      await Promise.all(families.map((f) => document.fonts.load(`24px ${f}`, "home")));
      // Typed into its font, a ligature the font knows is one 24 px glyph; a name it does not
      // know is a run of letters many times as wide.
      const probes = glyphs.map((g) => {
        const probe = document.createElement("span");
        probe.style.cssText = `font: 24px ${g.style.fontFamily}; white-space: nowrap; position: absolute; font-feature-settings: "liga"`;
        probe.textContent = g.dataset.icon ?? "";
        document.body.append(probe);
        return probe;
      });
      // Measure all, then remove all: one layout instead of one per probe.
      const widths = probes.map((probe) => probe.getBoundingClientRect().width);
      for (const probe of probes) probe.remove();
      const bad: string[] = [];
      widths.forEach((width, i) => {
        const glyph = glyphs[i]!;
        if (Math.abs(width - 24) > 0.5) bad.push(`${glyph.closest("[aria-label]")?.getAttribute("aria-label")} → ${glyph.style.fontFamily} "${glyph.dataset.icon}"`);
      });
      return { bad, families: families.sort() };
    });
    expect(failures.families).toEqual(["weft-icons-cupertino", "weft-icons-filled", "weft-icons-outlined", "weft-icons-round", "weft-icons-sharp"]);
    expect(failures.bad).toEqual([]);
  });
});
