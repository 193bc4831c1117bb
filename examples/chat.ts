import { Button, Column, ListView, Page, Row, Text, TextField } from "weft";

/** Flet's chat: every tab joins under a name; messages reach every session through pubsub. */
interface ChatMessage {
  kind: "chat" | "login";
  user: string;
  text: string;
}

export default function main(page: Page) {
  page.title = "Chat";
  const log = new ListView({ key: "messages", autoScroll: true, spacing: 4, expand: true });
  const name = new TextField({ label: "Your name", key: "name", autofocus: true });
  const draft = new TextField({ hint: "Write a message…", key: "draft", expand: true, disabled: true });
  const send = new Button({ text: "Send", key: "send", disabled: true });
  const join = new Button({ text: "Join chat", key: "join" });

  page.pubsub.subscribe((raw) => {
    const message = raw as ChatMessage;
    log.controls.push(
      message.kind === "login"
        ? new Text({ value: `${message.user} has joined the chat.`, italic: true, color: "outline", key: "joined" })
        : new Text({ value: `${message.user}: ${message.text}`, key: "message" }),
    );
    page.update();
  });

  join.onClick = () => {
    const user = (name.value ?? "").trim();
    if (!user) {
      name.errorText = "Name cannot be blank";
      return;
    }
    page.session.set("user", user);
    name.errorText = undefined;
    name.disabled = join.disabled = true;
    draft.disabled = send.disabled = false;
    page.pubsub.sendAll({ kind: "login", user, text: "" } satisfies ChatMessage);
  };

  const sendMessage = () => {
    const text = (draft.value ?? "").trim();
    if (!text) return;
    page.pubsub.sendAll({ kind: "chat", user: String(page.session.get("user")), text } satisfies ChatMessage);
    draft.value = "";
    void draft.focus().catch(() => {});
  };
  send.onClick = sendMessage;
  draft.onSubmit = sendMessage;
  name.onSubmit = () => join.onClick?.({ control: join, name: "click", data: undefined, page });

  page.add(
    new Column({
      expand: true,
      controls: [new Row([name, join]), log, new Row([draft, send])],
    }),
  );
}
