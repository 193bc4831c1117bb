import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { codeFrame, describeBuildError, formatBuildError, placeOf } from "../buildError.ts";

const root = mkdtempSync(join(tmpdir(), "weft-build-error-"));
const file = join(root, "app.ts");
writeFileSync(file, ["const a = 1;", "const b = 2;", "page.add(new Text({ value: 'x' ) });", "const c = 3;", "const d = 4;"].join("\n"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("describeBuildError", () => {
  it("takes a parser's error: clean message, file:line:col (1-based column), code frame", () => {
    const err = Object.assign(new Error("Transform failed with 1 error"), {
      errors: [{ message: "\u001b[31m[PARSE_ERROR]\u001b[0m Expected `,` or `}` but found `)`\n  ╭─[ app.ts:3:34 ]", code: "PARSE_ERROR", loc: { file, line: 3, column: 33 } }],
    });
    const info = describeBuildError(err, root);
    expect(info).toMatchObject({ name: "SyntaxError", message: "Expected `,` or `}` but found `)`", code: "PARSE_ERROR", file, line: 3, column: 34 });
    expect(placeOf(info, root)).toBe("app.ts:3:34");
    expect(info.frame).toContain("> 3 | page.add(new Text({ value: 'x' ) });");
    expect(formatBuildError(info, root, "could not load the new code")).toMatch(/^weft: could not load the new code: app\.ts:3:34: Expected/);
  });

  it("finds an exception's place in the app's files from its stack, skipping weft and node_modules", () => {
    const err = new TypeError("Cannot read properties of undefined (reading 'go')");
    err.stack = [
      "TypeError: Cannot read properties of undefined (reading 'go')",
      "    at Page.add (/work/main/runtime/src/page/page.ts:80:5)",
      `    at main (${file}:2:7)`,
      "    at x (/work/main/node_modules/vite/dist/node/module-runner.js:1:1)",
    ].join("\n");
    expect(describeBuildError(err, root)).toMatchObject({ name: "TypeError", file, line: 2, column: 7 });
  });
});

describe("codeFrame", () => {
  it("shows two lines around the place with a caret under the column", () => {
    expect(codeFrame(file, 3, 6)).toBe(
      ["  1 | const a = 1;", "  2 | const b = 2;", "> 3 | page.add(new Text({ value: 'x' ) });", "    |      ^", "  4 | const c = 3;", "  5 | const d = 4;"].join("\n"),
    );
  });
});
