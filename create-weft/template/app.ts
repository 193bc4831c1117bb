import { Button, Page, Row, Text } from "weft";

/** The app: `main` builds the page of each browser tab; handlers change controls, weft sends what changed. */
export default function main(page: Page) {
  page.title = "Counter";
  const count = new Text({ value: "0", key: "count", size: 24 });
  const step = (delta: number) => () => {
    count.value = String(Number(count.value) + delta);
  };
  page.add(
    new Row({
      alignment: "center",
      spacing: 16,
      controls: [
        new Button({ text: "-", key: "dec", onClick: step(-1) }),
        count,
        new Button({ text: "+", key: "inc", onClick: step(1) }),
      ],
    }),
  );
}
