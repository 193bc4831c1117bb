import { Button, Text, type Page } from "weft";
import { createWeftServer, redisPubSub } from "weft/server";

/**
 * The server side of the pubsub benchmark (bench/pubsub.ts), one process of it:
 *
 *   node --import tsx bench/pubsubServer.ts [redis://…]
 *
 * Its app is a room: a tab opened at `/room/N` subscribes to the topic `room-N`; its button sends
 * the click's data to the room's other members (`sendOthersOnTopic`), whose Text then shows it
 * with the room's latest messages.
 * With a Redis URL, pubsub crosses processes as `weft run --redis` does.
 */
function room(page: Page) {
  const topic = `room-${page.route.split("/").pop()}`;
  // The latest messages, not only the last: deliveries that arrive together go out in one patch
  // (the session flushes once), and the benchmark must still see each of them.
  const recent: string[] = [];
  const last = new Text({ value: "", key: "last" });
  page.pubsub.subscribeTopic(topic, (_topic, message) => {
    recent.unshift(String(message));
    recent.length = Math.min(recent.length, 32);
    last.value = recent.join(" ");
  });
  page.add(last, new Button({ text: "send", key: "send", onClick: (e) => page.pubsub.sendOthersOnTopic(topic, e.data) }));
}

const url = process.argv[2];
const server = await createWeftServer({
  main: room,
  port: 0,
  handleProcessErrors: true,
  // Every tab of the benchmark comes from one address; none waits for a resume.
  maxResumingPerAddress: 10_000,
  ...(url ? { pubsub: redisPubSub(url) } : {}),
});
process.on("message", async (message) => {
  if (message === "cpu") process.send!(process.cpuUsage());
  if (message === "drain") {
    process.send!(await server.drain());
    process.exit(0);
  }
  if (message === "stop") {
    await server.close();
    process.exit(0);
  }
});
process.send!({ url: server.url, state: server.manager.pubsub.transportStats().state });
