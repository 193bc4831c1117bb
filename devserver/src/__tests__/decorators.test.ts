import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { register } from "tsx/esm/api";
import { Generation } from "weft/swap";
import { AppRunner } from "../appRunner.ts";

/** An app module written as Flet 1.0 apps are: a `@control` class (a standard decorator). */
const APP = `import { Column, Text, control, type Page } from "weft";

function logged<C extends abstract new (...args: any[]) => unknown>(cls: C, context: ClassDecoratorContext<C>): C {
  (globalThis as { __decorated?: string[] }).__decorated = [...((globalThis as { __decorated?: string[] }).__decorated ?? []), String(context.name)];
  return cls;
}

@control
@logged
export class Greeting extends Column {
  who = "world";
  override init() {
    this.controls = [new Text("Hello, " + this.who)];
  }
}

export default function main(page: Page) {
  page.add(new Greeting());
}
`;

describe("weft dev loads modules with standard decorators", () => {
  let dir: string | undefined;
  let runner: AppRunner | undefined;
  afterEach(async () => {
    await runner?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // The module runner leaves "weft" to Node, as under `weft dev` (which runs with tsx's loader).
  const unregister = register();
  afterAll(() => unregister());

  it("runs a @control class under Vite's module runner as weft run does", async () => {
    // Inside the repository (its git-ignored .tmp/), so the app resolves "weft" as an app would.
    const tmp = fileURLToPath(new URL("../../../.tmp/", import.meta.url));
    mkdirSync(tmp, { recursive: true });
    dir = mkdtempSync(join(tmp, "decorators-"));
    const entry = join(dir, "app.ts");
    writeFileSync(entry, APP);
    runner = await AppRunner.create({ entry, root: dir, importContext: () => ({ gen: new Generation("module", { timeouts: false }) })});
    const module = await runner.importEntry();
    const Greeting = module.Greeting as new () => { controls: { value: string }[] };
    expect(new Greeting().controls[0]!.value).toBe("Hello, world");
    expect((globalThis as { __decorated?: string[] }).__decorated).toContain("Greeting");
    expect(runner.factsOf(entry)?.classes).toContain("Greeting");
  });
});
