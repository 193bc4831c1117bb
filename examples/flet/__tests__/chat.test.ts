import { describe, expect, it } from "vitest";
import { SessionManager } from "weft/server";
import { HeadlessSession } from "weft/testing";
import main from "../chat.ts";

const nameField = (s: HeadlessSession) => s.findAll({ type: "TextField" }).find((f) => f.props.label === "Enter your name to join the chat")!;
const draft = (s: HeadlessSession) => s.findAll({ type: "TextField" }).find((f) => f.props.hintText === "Write a message...")!;
const dialogOpen = (s: HeadlessSession) => s.findAll({ type: "AlertDialog" }).some((d) => d.props.open === true);

describe("Flet's chat tutorial, ported", () => {
  it("asks for a name first and refuses a blank one", async () => {
    const s = new HeadlessSession(main, { manager: new SessionManager(main) });
    await s.settle();
    expect(s.page.title).toBe("Flet Chat");
    expect(dialogOpen(s)).toBe(true);
    await s.find({ type: "Button", text: "Join chat" }).click();
    expect(nameField(s).props.error).toBe("Name cannot be blank!");
    expect(dialogOpen(s)).toBe(true);
  });

  it("announces who joined in every tab and shows each message with its sender's initial", async () => {
    const manager = new SessionManager(main);
    const ada = new HeadlessSession(main, { manager });
    const bob = new HeadlessSession(main, { manager });
    await nameField(ada).type("ada");
    await ada.find({ type: "Button", text: "Join chat" }).click();
    expect(dialogOpen(ada)).toBe(false);
    expect(draft(ada).text).toBe(""); // the prefix, "ada: ", is a control beside the text
    await nameField(bob).submit("Bob");
    await draft(ada).submit("hello Bob");
    await bob.settle();

    for (const s of [ada, bob]) {
      const texts = s.findAll({ type: "Text" }).map((t) => t.text);
      expect(texts).toEqual(expect.arrayContaining(["ada has joined the chat.", "Bob has joined the chat.", "hello Bob"]));
      expect(s.findAll({ type: "ChatMessage" })).toHaveLength(1);
      expect(s.findAll({ type: "CircleAvatar" }).map((a) => a.text)).toEqual(["A"]);
      expect(texts.indexOf("ada")).toBe(texts.indexOf("hello Bob") - 1); // the sender's name above the message
    }
    expect(draft(ada).text).toBe("");
    await draft(bob).submit(""); // an empty message is not sent
    await ada.settle();
    expect(ada.findAll({ type: "ChatMessage" })).toHaveLength(1);
    ada.close();
    bob.close();
  });
});
