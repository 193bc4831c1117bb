import { describe, expect, it } from "vitest";
import { pathOf, routeOf } from "../basePath.ts";

describe("routes below the page's base path", () => {
  it("at the root, the route is the path", () => {
    expect(routeOf({ pathname: "/items/3", search: "?x=1" }, "/")).toBe("/items/3?x=1");
    expect(pathOf("/about", "/")).toBe("/about");
  });
  it("under a sub-path (GitHub Pages' /repo/), the route is what follows it", () => {
    expect(routeOf({ pathname: "/repo/items/3", search: "" }, "/repo/")).toBe("/items/3");
    expect(routeOf({ pathname: "/repo/", search: "" }, "/repo/")).toBe("/");
    expect(routeOf({ pathname: "/repo", search: "?q" }, "/repo/")).toBe("/?q");
    expect(pathOf("/items/3", "/repo/")).toBe("/repo/items/3");
    expect(pathOf("/", "/repo/")).toBe("/repo/");
  });
  it("a path outside the base is not rewritten", () => {
    expect(routeOf({ pathname: "/elsewhere", search: "" }, "/repo/")).toBe("/elsewhere");
  });
});
