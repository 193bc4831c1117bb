import { describe, expect, it } from "vitest";
import { parseDevServerInfo, targetFromInput, targetOf } from "../devServerInfo.ts";

const info = {
  version: 1,
  pid: 42,
  app: "http://127.0.0.1:8550/",
  inspector: "http://127.0.0.1:8551/?token=abc",
  channel: "ws://127.0.0.1:8551/channel",
  token: "abc",
  entry: "/work/app.ts",
  startedAt: 1,
};

describe("devserver.json", () => {
  it("gives the channel URL with its token", () => {
    const target = targetOf(parseDevServerInfo(JSON.stringify(info), "f.json"), "f.json");
    expect(target).toEqual({ url: "ws://127.0.0.1:8551/channel?token=abc", inspector: info.inspector, app: info.app, pid: 42, startedAt: 1, entry: "/work/app.ts", source: "f.json" });
  });

  it("says what is wrong with a broken file", () => {
    expect(() => parseDevServerInfo("{", "f.json")).toThrow("f.json is not JSON");
    expect(() => parseDevServerInfo(JSON.stringify({ ...info, version: 2 }), "f.json")).toThrow("version 2");
    expect(() => parseDevServerInfo(JSON.stringify({ ...info, token: "" }), "f.json")).toThrow("no 'token'");
    expect(() => parseDevServerInfo(JSON.stringify({ ...info, channel: "http://x" }), "f.json")).toThrow("not a ws:// URL");
  });
});

describe("a URL the user gives", () => {
  it("takes the Inspector: line weft dev printed", () => {
    expect(targetFromInput("Inspector: http://127.0.0.1:8551/?token=abc")).toMatchObject({
      url: "ws://127.0.0.1:8551/channel?token=abc",
      inspector: "http://127.0.0.1:8551/?token=abc",
    });
  });

  it("takes the channel's own URL", () => {
    expect(targetFromInput("ws://127.0.0.1:8551/channel?token=abc").inspector).toBe("http://127.0.0.1:8551/?token=abc");
  });

  it("refuses a URL without a token or of another kind, saying what to paste", () => {
    expect(() => targetFromInput("http://127.0.0.1:8551/")).toThrow("no ?token=");
    expect(() => targetFromInput("not a url")).toThrow("paste the Inspector: URL");
    expect(() => targetFromInput("ftp://x/?token=1")).toThrow("'ftp:' URLs");
  });
});
