import { describe, expect, it, vi } from "vitest";
import { CHANNEL_VERSION, type ClientMessage, type ServerMessage } from "@weft/protocol/channel";
import { ChannelClient, ChannelRequestError, redact, type SocketLike } from "../channelClient.ts";

/** A socket whose other end is the test: it sees what the client sent and answers frames. */
class FakeSocket implements SocketLike {
  bufferedAmount = 0;
  sent: ClientMessage[] = [];
  closedWith: [number | undefined, string | undefined] | null = null;
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  send(text: string) {
    this.sent.push(...(JSON.parse(text) as ClientMessage[]));
  }
  close(code?: number, reason?: string) {
    this.closedWith = [code, reason];
  }
  /** The devserver sends one frame. */
  deliver(...messages: ServerMessage[]) {
    this.onmessage?.({ data: JSON.stringify(messages) });
  }
}

const hello: ServerMessage = { type: "hello", version: CHANNEL_VERSION, app: { entry: "/a.ts", url: "http://127.0.0.1:1/", root: "/" }, pid: 1, startedAt: 0 };
const tick = () => new Promise((r) => setTimeout(r, 0));

async function open(options: { requestTimeoutMs?: number } = {}) {
  const socket = new FakeSocket();
  const received: ServerMessage[] = [];
  const closes: [number, string][] = [];
  const connecting = ChannelClient.connect("ws://h/channel?token=secret", {
    createSocket: () => socket,
    onMessage: (m) => received.push(m),
    onClose: (code, reason) => closes.push([code, reason]),
    ...options,
  });
  socket.onopen?.({});
  await tick();
  return { socket, received, closes, connecting };
}

describe("ChannelClient", () => {
  it("says hello first, and hands on what came in the hello's frame", async () => {
    const { socket, received, connecting } = await open();
    expect(socket.sent).toEqual([{ type: "hello", version: CHANNEL_VERSION, client: "vscode" }]);
    socket.deliver(hello, { type: "sessions", sessions: [] });
    const client = await connecting;
    expect(client.hello).toEqual(hello);
    expect(received.map((m) => m.type)).toEqual(["hello", "sessions"]);
  });

  it("lets the caller send before the hello's frame is handled (its sessions make the model watch one)", async () => {
    const socket = new FakeSocket();
    const order: string[] = [];
    const connecting = ChannelClient.connect("ws://h/channel?token=t", {
      createSocket: () => socket,
      onOpen: (client) => {
        order.push("open");
        client.send({ type: "get-stats", requestId: 99 });
      },
      onMessage: (m) => order.push(m.type),
      onClose: () => {},
    });
    socket.onopen?.({});
    socket.deliver(hello, { type: "sessions", sessions: [] });
    await connecting;
    await tick();
    expect(order).toEqual(["open", "hello", "sessions"]);
    expect(socket.sent.at(-1)).toEqual({ type: "get-stats", requestId: 99 });
  });

  it("refuses a devserver of another channel version, saying what to update", async () => {
    const { socket, connecting } = await open();
    socket.deliver({ ...hello, version: CHANNEL_VERSION + 1 } as ServerMessage);
    await expect(connecting).rejects.toThrow(`speaks weft channel ${CHANNEL_VERSION + 1}`);
    expect(socket.closedWith).not.toBeNull();
  });

  it("matches answers to requests, and rejects failures with their code", async () => {
    const { socket, connecting } = await open();
    socket.deliver(hello);
    const client = await connecting;
    const source = client.request("get-source", { sessionId: "s", id: 3 });
    const props = client.request("get-props", { sessionId: "s", id: 4 });
    await tick();
    const [a, b] = socket.sent.slice(1) as { requestId: number }[];
    socket.deliver(
      { type: "failure", requestId: b!.requestId, code: "NOT_FOUND", message: "no control 4" },
      { type: "result", requestId: a!.requestId, of: "get-source", result: { sessionId: "s", id: 3, location: { file: "/a.ts", line: 6, column: 17 } } },
    );
    await expect(source).resolves.toMatchObject({ location: { line: 6 } });
    await expect(props).rejects.toEqual(new ChannelRequestError("NOT_FOUND", "no control 4"));
  });

  it("gives up on an unanswered request, and on every pending one when the channel closes", async () => {
    vi.useFakeTimers();
    try {
      const socket = new FakeSocket();
      const closes: number[] = [];
      const connecting = ChannelClient.connect("ws://h/channel?token=t", { createSocket: () => socket, onMessage: () => {}, onClose: (code) => closes.push(code), requestTimeoutMs: 100 });
      socket.onopen?.({});
      socket.deliver(hello);
      const client = await connecting;
      const late = client.request("get-stats", {});
      vi.advanceTimersByTime(150);
      await expect(late).rejects.toThrow("did not answer get-stats within 100 ms");
      const pending = client.request("get-stats", {});
      socket.onclose?.({ code: 1001, reason: "the devserver is stopping" });
      await expect(pending).rejects.toThrow("closed");
      expect(closes).toEqual([1001]);
      expect(client.isClosed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("reports a refused connection without the token in the message", async () => {
    const socket = new FakeSocket();
    const connecting = ChannelClient.connect("ws://h/channel?token=secret", { createSocket: () => socket, onMessage: () => {}, onClose: () => {} });
    socket.onerror?.({ message: "Unexpected server response: 401" });
    await expect(connecting).rejects.toThrow("cannot reach weft dev at ws://h/channel?token=…: Unexpected server response: 401");
    expect(redact("ws://h/channel?token=abc&x=1")).toBe("ws://h/channel?token=…&x=1");
  });
});
