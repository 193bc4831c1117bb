import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { commands } from "../commands.ts";
import { main } from "../main.ts";

/** Runs the weft command in this process and collects what it printed. */
async function weft(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
  const code = await main(argv);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

afterEach(() => vi.restoreAllMocks());

describe("weft --version, weft help", () => {
  it("--version prints weft's own version", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../../runtime/package.json", import.meta.url), "utf8")) as { version: string };
    expect(await weft("--version")).toEqual({ code: 0, out: version, err: "" });
  });

  it("the usage lists every command there is, and each one's module loads", async () => {
    const { code, out } = await weft("help");
    expect(code).toBe(0);
    for (const name of ["run", "dev", "replay", "build", "preview", "create"]) expect(out).toMatch(new RegExp(`^  weft ${name} `, "m"));
    for (const info of Object.values(commands)) expect(typeof (await info.load()).command).toBe("function");
  });

  it("help <command> shows its synopsis and flags; an unknown one is refused with the usage", async () => {
    const build = await weft("help", "build");
    expect(build.code).toBe(0);
    expect(build.out).toContain("weft build <app.ts> --static --out <dir>");
    expect(build.out).toContain("--base /path/");
    expect((await weft("dev", "--help")).out).toContain("--static");
    const unknown = await weft("help", "deploy");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("no command 'deploy'");
    expect((await weft("deploy")).err).toMatch(/unknown command 'deploy'[\s\S]*Usage:/);
  });
});
