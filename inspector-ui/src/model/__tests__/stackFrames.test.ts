import { describe, expect, it } from "vitest";
import { parseStack } from "../stackFrames.ts";

describe("stack frames", () => {
  it("links each frame to its file and line, and tells the app's frames from weft's and Node's", () => {
    const stack = [
      "Error: boom from the handler",
      "    at onClick (/home/ada/shop/app.ts:31:19)",
      "    at Session.runHandler (/home/ada/shop/node_modules/weft/src/session/session.ts:361:16)",
      "    at file:///home/ada/shop/lib/cart%20items.ts:4:2",
      "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
    ].join("\n");
    const frames = parseStack(stack, "/home/ada/shop");
    expect(frames.map((f) => [f.fn ?? null, f.file ?? null, f.line ?? null, f.framework])).toEqual([
      [null, null, null, false],
      ["onClick", "/home/ada/shop/app.ts", 31, false],
      ["Session.runHandler", "/home/ada/shop/node_modules/weft/src/session/session.ts", 361, true],
      [null, "/home/ada/shop/lib/cart items.ts", 4, false],
      ["process.processTicksAndRejections", null, 95, true],
    ]);
  });
});
