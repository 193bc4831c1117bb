import { describe, expect, it } from "vitest";
import { assetUrl, pathOf, routeOf } from "../basePath.ts";

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

describe("an app's files (Image src) under the page's base path", () => {
  /** What `assetUrl` needs of a document: where it is and its <base href>. */
  const doc = (baseURI: string) => ({ baseURI }) as Document;
  it("root-relative and relative paths name the app's root, as Flet resolves assets_dir files", () => {
    const mounted = doc("http://127.0.0.1:3000/dashboard/");
    expect(assetUrl("/logo.png", mounted)).toBe("http://127.0.0.1:3000/dashboard/logo.png");
    expect(assetUrl("img/a.png", mounted)).toBe("http://127.0.0.1:3000/dashboard/img/a.png");
    expect(assetUrl("/logo.png", doc("http://127.0.0.1:8550/"))).toBe("http://127.0.0.1:8550/logo.png");
  });
  it("URLs with a scheme and protocol-relative ones stay as they are", () => {
    const mounted = doc("http://127.0.0.1:3000/dashboard/");
    for (const src of ["https://cdn.example/a.png", "data:image/png;base64,AA==", "blob:http://x/1", "//cdn.example/a.png"]) expect(assetUrl(src, mounted)).toBe(src);
  });
});
