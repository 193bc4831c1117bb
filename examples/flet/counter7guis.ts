// Ported from flet-dev/flet sdk/python/examples/apps/7guis/counter/main.py (7GUIs task 1: Counter).
import { Colors, Column, Container, CrossAxisAlignment, FilledButton, FontWeight, Icons, MainAxisAlignment, Row, SafeArea, Text, TextAlign, TextField, type ControlEvent, type Page } from "weft";

export default function main(page: Page) {
  page.title = "7GUIs - Counter";
  page.horizontalAlignment = CrossAxisAlignment.CENTER;
  page.verticalAlignment = MainAxisAlignment.CENTER;

  let count = 0;

  function increment(_e: ControlEvent<FilledButton>) {
    count += 1;
    field.value = String(count);
    field.update();
  }

  const field = new TextField({
    value: String(count),
    readOnly: true,
    width: 120,
    textAlign: TextAlign.RIGHT,
    bgcolor: Colors.SURFACE,
    borderRadius: 14,
  });

  page.add(
    new SafeArea({
      content: new Container({
        width: 420,
        padding: 28,
        borderRadius: 24,
        bgcolor: Colors.BLUE_GREY_50,
        content: new Column({
          tight: true,
          spacing: 20,
          controls: [
            new Text("Counter", { size: 28, weight: FontWeight.W_700 }),
            new Text("A minimal counter with a read-only value and one action.", { color: Colors.BLUE_GREY_700 }),
            new Row({
              alignment: MainAxisAlignment.SPACE_BETWEEN,
              controls: [field, new FilledButton("Increment", { icon: Icons.ADD, onClick: increment })],
            }),
          ],
        }),
      }),
    }),
  );
}
