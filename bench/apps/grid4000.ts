import { Button, Column, Container, Image, Page, Row, Text } from "weft";

/** A 1×1 GIF, so the page's images cost no requests. */
const PIXEL = "data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAA=";

/**
 * Flet's benchmark page as an app module (the same file runs on a server and in a static build):
 * a label, a button that changes it, and a wrapping grid of 2,000 Container(Image), 4,000
 * controls in all (flet issue #6270).
 */
export default function main(page: Page) {
  const label = new Text({ value: "0", key: "label" });
  const tiles = Array.from({ length: 2000 }, (_, i) => new Container({ width: 40, height: 40, content: new Image({ src: PIXEL, alt: `tile ${i}`, width: 32 }) }));
  page.add(new Column([new Row([new Button({ text: "Bump", key: "bump", onClick: () => (label.value = String(Number(label.value) + 1)) }), label]), new Row(tiles, { wrap: true })]));
}
