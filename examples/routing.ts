import { Button, Column, Page, Text, View } from "weft";

/**
 * Routes and a view stack, Flet-style: `/` lists items, `/items/:id` shows one on a view stacked
 * above the list. Back/forward and deep links (open `/items/3` directly) arrive as route changes.
 */
const items = ["Apples", "Bread", "Cheese", "Dates", "Eggs"];

export default function main(page: Page) {
  page.title = "Routing";

  const home = () =>
    new View({
      route: "/",
      controls: [
        new Text({ value: "Shop", style: "headlineMedium", key: "title" }),
        new Column(
          items.map((name, i) => new Button({ text: name, key: `item-${i + 1}`, variant: "text", onClick: () => page.go(`/items/${i + 1}`) })),
        ),
        new Button({ text: "About", key: "about", variant: "outlined", onClick: () => page.go("/about") }),
      ],
    });

  const routeChanged = () => {
    const views = [home()];
    const item = /^\/items\/(\d+)$/.exec(page.route);
    if (item) {
      const n = Number(item[1]);
      const name = items[n - 1];
      views.push(
        new View({
          route: page.route,
          controls: [
            new Text({ value: name ?? `No item ${n}`, style: "headlineMedium", key: "item-name" }),
            new Text({ value: name ? `Item ${n} of ${items.length}` : "Pick an item from the list.", key: "item-detail" }),
            new Button({ text: "Back to the list", key: "back", onClick: () => page.go("/") }),
          ],
        }),
      );
    } else if (page.route === "/about") {
      views.push(new View({ route: "/about", controls: [new Text({ value: "A weft routing example.", key: "about-text" })] }));
    }
    page.views = views;
  };

  page.onRouteChange = routeChanged;
  page.onViewPop = () => {
    const views = page.views.slice(0, -1);
    page.go(views[views.length - 1]?.route ?? "/");
  };
  routeChanged(); // the first route: a deep link lands on its view
}
