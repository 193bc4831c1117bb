// Ported from flet-dev/flet sdk/python/examples/tutorials/chat/main.py (Flet's chat tutorial).
import {
  AlertDialog,
  Border,
  Button,
  CircleAvatar,
  Colors,
  Column,
  Container,
  control,
  CrossAxisAlignment,
  FontWeight,
  IconButton,
  Icons,
  ListView,
  MainAxisAlignment,
  Row,
  Text,
  TextField,
  type Control,
  type Page,
} from "weft";

/** What goes over pubsub (Flet's `@dataclass class Message`). */
export interface Message {
  userName: string;
  text: string;
  messageType: "chat_message" | "login_message";
}

@control
export class ChatMessage extends Row {
  message: Message;

  constructor(message: Message) {
    super();
    this.message = message;
    this.verticalAlignment = CrossAxisAlignment.START;
    this.controls = [
      new CircleAvatar({
        content: new Text(this.getInitials(this.message.userName)),
        color: Colors.WHITE,
        bgcolor: this.getAvatarColor(this.message.userName),
      }),
      new Column({
        tight: true,
        spacing: 5,
        controls: [new Text(this.message.userName, { weight: FontWeight.BOLD }), new Text(this.message.text, { selectable: true })],
      }),
    ];
  }

  getInitials(userName: string): string {
    if (userName) return userName.slice(0, 1).toUpperCase();
    return "Unknown"; // or any default value you prefer
  }

  getAvatarColor(userName: string): string {
    const colorsLookup = [
      Colors.AMBER,
      Colors.BLUE,
      Colors.BROWN,
      Colors.CYAN,
      Colors.GREEN,
      Colors.INDIGO,
      Colors.LIME,
      Colors.ORANGE,
      Colors.PINK,
      Colors.PURPLE,
      Colors.RED,
      Colors.TEAL,
      Colors.YELLOW,
    ];
    // Python's hash() of a str differs per process; a fixed string hash keeps a name's colour.
    let hash = 0;
    for (const ch of userName) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
    return colorsLookup[hash % colorsLookup.length]!;
  }
}

export default function main(page: Page) {
  page.horizontalAlignment = CrossAxisAlignment.STRETCH;
  page.title = "Flet Chat";

  function joinChatClick() {
    if (!joinUserName.value) {
      joinUserName.error = "Name cannot be blank!";
      joinUserName.update();
    } else {
      page.session.store.set("user_name", joinUserName.value);
      welcomeDlg.open = false;
      newMessage.prefix = new Text(`${joinUserName.value}: `);
      page.pubsub.sendAll({
        userName: joinUserName.value,
        text: `${joinUserName.value} has joined the chat.`,
        messageType: "login_message",
      } satisfies Message);
    }
  }

  async function sendMessageClick() {
    if (newMessage.value) {
      page.pubsub.sendAll({
        userName: String(page.session.store.get("user_name")),
        text: newMessage.value,
        messageType: "chat_message",
      } satisfies Message);
      newMessage.value = "";
      await newMessage.focus();
    }
  }

  function onMessage(raw: unknown) {
    const message = raw as Message;
    let m: Control;
    if (message.messageType === "chat_message") m = new ChatMessage(message);
    else m = new Text(message.text, { italic: true, color: Colors.ON_SURFACE_VARIANT, size: 12 });
    chat.controls.push(m);
    page.update();
  }

  page.pubsub.subscribe(onMessage);

  // A dialog asking for a user display name
  const joinUserName: TextField = new TextField({
    label: "Enter your name to join the chat",
    autofocus: true,
    onSubmit: joinChatClick,
  });
  const welcomeDlg = new AlertDialog({
    open: true,
    modal: true,
    title: new Text("Welcome!"),
    content: new Column([joinUserName], { width: 300, height: 70, tight: true }),
    actions: [new Button({ content: "Join chat", onClick: joinChatClick })],
    actionsAlignment: MainAxisAlignment.END,
  });

  page.overlay.push(welcomeDlg);

  // Chat messages
  const chat = new ListView({ expand: true, spacing: 10, autoScroll: true });

  // A new message entry form
  const newMessage: TextField = new TextField({
    hintText: "Write a message...",
    autofocus: true,
    shiftEnter: true,
    minLines: 1,
    maxLines: 5,
    filled: true,
    expand: true,
    onSubmit: sendMessageClick,
  });

  // Add everything to the page
  page.add(
    new Container({
      content: chat,
      border: Border.all(1, Colors.OUTLINE),
      borderRadius: 5,
      padding: 10,
      expand: true,
    }),
    new Row({
      controls: [newMessage, new IconButton({ icon: Icons.SEND_ROUNDED, tooltip: "Send message", onClick: sendMessageClick })],
    }),
  );
}
