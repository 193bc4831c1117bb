import { describe, expect, it } from "vitest";
import { PubSubHub } from "../pubsubHub.ts";

const envelope = (from: string, message: unknown, topic: string | null = null, toOthers = false) => ({ from, message, topic, toOthers });

describe("PubSubHub", () => {
  it("delivers a message to the subscribers of its topic only, app-wide ones apart", () => {
    const hub = new PubSubHub();
    const got: string[] = [];
    hub.subscribe("a", null, (m) => got.push(`a all ${m}`));
    hub.subscribe("b", "room", (m, t) => got.push(`b ${t} ${m}`));
    hub.subscribe("c", "other", (m) => got.push(`c other ${m}`));
    hub.publish(envelope("x", 1));
    hub.publish(envelope("x", 2, "room"));
    expect(got).toEqual(["a all 1", "b room 2"]);
  });

  it("skips the sender of a message sent to others", () => {
    const hub = new PubSubHub();
    const got: string[] = [];
    for (const id of ["a", "b"]) hub.subscribe(id, "t", (m) => got.push(`${id} ${m}`));
    hub.publish(envelope("a", "hi", "t", true));
    expect(got).toEqual(["b hi"]);
  });

  it("drops a session's subscriptions, all or one topic's, and counts what is left", () => {
    const hub = new PubSubHub();
    const got: string[] = [];
    hub.subscribe("a", null, (m) => got.push(`all ${m}`));
    hub.subscribe("a", "t", (m) => got.push(`t ${m}`));
    const undo = hub.subscribe("b", "t", (m) => got.push(`b ${m}`));
    expect(hub.size).toBe(3);
    hub.unsubscribeAll("a", "t");
    expect(hub.size).toBe(2);
    undo();
    undo(); // twice is harmless
    expect(hub.size).toBe(1);
    hub.publish(envelope("x", 1, "t"));
    hub.publish(envelope("x", 2));
    expect(got).toEqual(["all 2"]);
    hub.unsubscribeAll("a");
    expect(hub.size).toBe(0);
  });

  it("lets a handler unsubscribe another during a delivery without skipping it for this message", () => {
    const hub = new PubSubHub();
    const got: string[] = [];
    hub.subscribe("a", null, () => {
      got.push("a");
      hub.unsubscribeAll("b");
    });
    hub.subscribe("b", null, () => got.push("b"));
    hub.publish(envelope("x", 1));
    hub.publish(envelope("x", 2));
    expect(got).toEqual(["a", "b", "a"]);
    expect(hub.counts).toEqual({ published: 2, delivered: 3 });
  });
});
