import { describe, expect, it } from "vitest";
import { openSession } from "weft/testing";
import routing from "../routing.ts";

describe("examples/routing", () => {
  it("lands on the view of a deep link", async () => {
    const s = await openSession(routing, { route: "/items/3" });
    expect(s.find({ key: "item-name" }).text).toBe("Cheese");
    expect(s.page.views.map((v) => v.route)).toEqual(["/", "/items/3"]);
  });

  it("goes to a route on click and back with the browser's back button", async () => {
    const s = await openSession(routing);
    await s.find({ key: "item-2" }).click();
    expect(s.page.route).toBe("/items/2");
    expect(s.find({ key: "item-name" }).text).toBe("Bread");
    // what the renderer sends on popstate: the route as a client prop, then routeChange
    const pageId = s.page.id;
    s.send({ type: "props", id: pageId, props: { route: "/" } });
    s.send({ type: "event", id: pageId, name: "routeChange", data: "/" });
    await s.settle();
    expect(s.findAll({ key: "item-name" })).toHaveLength(0);
    expect(s.page.views).toHaveLength(1);
  });

  it("pops the top view with onViewPop", async () => {
    const s = await openSession(routing, { route: "/about" });
    const top = s.page.views[1]!;
    s.send({ type: "event", id: s.page.id, name: "viewPop", data: top.id });
    await s.settle();
    expect(s.page.route).toBe("/");
  });
});
