import { Button, Image, Page, Text, View } from "weft";

/**
 * The app every host example mounts at `/dashboard`: it greets whoever the host's sign-in
 * cookie names (`page.request.cookies`, HttpOnly: the page's JavaScript never sees it), counts,
 * and has a `/settings` route, so a deep link and the back button can be tried under the mount.
 * Its `onClose` logs a line (the host's graceful shutdown calls `close()`, which waits for it).
 */

export function dashboard(page: Page) {
  page.title = "Dashboard";
  const user = page.request.cookies.user;
  const count = new Text({ value: "0", key: "count" });
  // One home view for the session: its counter keeps its value across route changes.
  const homeView = new View({
      route: "/",
      controls: [
        // From the app's assetsDir, resolved under its base path: /dashboard/logo.svg.
        new Image({ src: "/logo.svg", alt: "logo", key: "logo", width: 48, height: 48 }),
        new Text({ value: user ? `Signed in as ${user}` : "Not signed in", key: "user" }),
        count,
        new Button({ text: "+", key: "inc", onClick: () => (count.value = String(Number(count.value) + 1)) }),
        new Button({ text: "Settings", key: "settings", onClick: () => page.go("/settings") }),
      ],
  });
  const routeChanged = () => {
    const views = [homeView];
    if (page.route === "/settings") views.push(new View({ route: "/settings", controls: [new Text({ value: "Settings", key: "settings-title" })] }));
    page.views = views;
  };
  page.onRouteChange = routeChanged;
  page.onViewPop = () => page.go("/");
  page.onClose = () => {
    console.log(`Session closed: ${user ?? "guest"}`);
  };
  routeChanged();
}
