import { Button, Page, Row, Text } from "weft";

/** The contract's counter: two buttons around a number. */
export default function main(page: Page) {
  page.title = "Counter";
  const count = new Text({ value: "0", key: "count", size: 24 });
  const step = (delta: number) => () => {
    count.value = String(Number(count.value) + delta);
  };
  page.add(
    new Row({
      alignment: "center",
      verticalAlignment: "center",
      spacing: 16,
      controls: [
        new Button({ text: "-", key: "dec", onClick: step(-1) }),
        count,
        new Button({ text: "+", key: "inc", onClick: step(1) }),
      ],
    }),
  );
}
