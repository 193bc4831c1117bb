import { describe, expect, it } from "vitest";
import { SessionManager } from "weft/server";
import { HeadlessSession } from "weft/testing";
import chat from "../chat.ts";

describe("examples/chat", () => {
  it("delivers messages to every session and stops at a closed one", async () => {
    const manager = new SessionManager(chat);
    const ada = new HeadlessSession(chat, { manager });
    const bob = new HeadlessSession(chat, { manager });
    await ada.find({ key: "name" }).type("Ada");
    await ada.find({ key: "join" }).click();
    await bob.find({ key: "name" }).submit("Bob");
    await ada.find({ key: "draft" }).submit("hello Bob");
    await bob.settle();
    const lines = (s: HeadlessSession) => s.findAll({ type: "Text" }).map((t) => t.text);
    expect(lines(ada)).toEqual(["Ada has joined the chat.", "Bob has joined the chat.", "Ada: hello Bob"]);
    expect(lines(bob)).toEqual(lines(ada)); // Bob was subscribed from the start, before he joined
    expect(ada.find({ key: "draft" }).text).toBe("");

    const subscriptions = manager.pubsub.size;
    bob.close();
    expect(manager.pubsub.size).toBe(subscriptions - 1);
  });

  it("refuses a blank name", async () => {
    const manager = new SessionManager(chat);
    const s = new HeadlessSession(chat, { manager });
    await s.find({ key: "join" }).click();
    expect(s.find({ key: "name" }).props.error).toBe("Name cannot be blank");
  });
});
