import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "../args.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));

describe("parseArgs", () => {
  const flags = { values: ["port", "host", "assets"], booleans: ["static"] } as const;

  it("reads positionals, --flag value, --flag=value and boolean flags", () => {
    const args = parseArgs(["app.ts", "--port", "9", "--host=0.0.0.0", "--static"], flags, "weft run");
    expect(args.positionals).toEqual(["app.ts"]);
    expect(Object.fromEntries(args.flags)).toEqual({ port: "9", host: "0.0.0.0", static: true });
  });

  it("refuses a misspelled flag, naming the one meant and the flags that exist", () => {
    const parse = () => parseArgs(["app.ts", "--asets", "dir"], flags, "weft run");
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow("weft run has no --asets (did you mean --assets?); its flags are --port, --host, --assets, --static");
  });

  it("refuses an unknown flag given with =", () => {
    expect(() => parseArgs(["--colour=red"], flags, "weft run")).toThrow("weft run has no --colour; its flags are");
  });
});

describe("weft run with an unknown flag", { timeout: 30_000 }, () => {
  it("exits 2 before serving, naming the flag", async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      // The timeout ends a weft that accepted the flag and went on serving (the bug).
      execFile(process.execPath, ["cli/bin/weft.js", "run", "examples/counter.ts", "--asets", "dir", "--port", "0"], { cwd: root, timeout: 15_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    expect(code).toBe(2);
    expect(output).toContain("weft run has no --asets");
    expect(output).not.toMatch(/^App: /m); // the usage it prints mentions "App: <url>"
  });
});
