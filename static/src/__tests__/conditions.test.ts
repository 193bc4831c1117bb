import { describe, expect, it } from "vitest";
import { processConditions } from "../conditions.ts";

describe("processConditions", () => {
  it("reads --conditions and -C from NODE_OPTIONS and the command line, in both spellings, once each", () => {
    expect(processConditions(["--conditions", "a", "-C=b"], "--max-old-space-size=100 --conditions=@weft/source -C a")).toEqual(["@weft/source", "a", "b"]);
  });

  it("is empty for a process started without any (an installed weft)", () => {
    expect(processConditions(["--import", "tsx"], "")).toEqual([]);
  });
});
