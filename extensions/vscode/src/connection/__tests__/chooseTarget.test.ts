import { describe, expect, it } from "vitest";
import { chooseTarget, instanceOf, type ChoiceState } from "../chooseTarget.ts";
import type { ChannelTarget } from "../devServerInfo.ts";

const target = (pid: number, entry: string, startedAt: number, port = 8551): ChannelTarget => ({
  url: `ws://127.0.0.1:${port}/channel?token=t`,
  inspector: `http://127.0.0.1:${port}/?token=t`,
  pid,
  startedAt,
  entry,
  source: `/w/.weft/devserver-${pid}.json`,
});
const none: ChoiceState = { manual: null, started: null, current: null, activeFile: null, declined: new Set() };

describe("which weft dev the sidebar follows", () => {
  const todo = target(1, "/w/apps/todo/app.ts", 100, 8551);
  const chat = target(2, "/w/apps/chat/app.ts", 200, 8553);

  it("follows the one whose app is open in the editor, else asks when several run", () => {
    expect(chooseTarget([todo, chat], { ...none, activeFile: "/w/apps/todo/app.ts" })).toMatchObject({ kind: "follow", target: todo });
    expect(chooseTarget([todo, chat], { ...none, activeFile: "/w/apps/chat/lib/room.ts" })).toMatchObject({ kind: "follow", target: chat });
    expect(chooseTarget([todo, chat], none)).toEqual({ kind: "ask", targets: [chat, todo] });
    expect(chooseTarget([todo], none)).toMatchObject({ kind: "follow", target: todo });
  });

  it("stays on the one it follows while it runs, and goes to the one Start weft dev just started", () => {
    expect(chooseTarget([todo, chat], { ...none, current: todo, activeFile: "/w/apps/chat/app.ts" })).toMatchObject({ target: todo });
    const again = target(3, "/w/apps/todo/app.ts", 300, 8555);
    expect(chooseTarget([todo, chat, again], { ...none, current: todo, started: { entry: "/w/apps/todo/app.ts", at: 299 } })).toMatchObject({ target: again, why: "started from the editor" });
  });

  it("rejoins a devserver after Disconnect once it restarted (the same URL, another run)", () => {
    const declined = new Set([instanceOf(todo)]);
    expect(chooseTarget([todo], { ...none, declined })).toEqual({ kind: "none" });
    const restarted = { ...target(4, todo.entry!, 400, 8551), url: todo.url };
    expect(chooseTarget([restarted], { ...none, declined })).toMatchObject({ kind: "follow", target: restarted });
  });

  it("follows the one the user chose while it runs, and after that the rules again", () => {
    expect(chooseTarget([todo, chat], { ...none, manual: chat, activeFile: "/w/apps/todo/app.ts" })).toMatchObject({ target: chat, why: "chosen" });
    expect(chooseTarget([todo], { ...none, manual: chat })).toMatchObject({ target: todo });
  });
});
