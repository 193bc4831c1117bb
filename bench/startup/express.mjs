// weft mounted in an Express 5 app (docs/mounting.md), for bench/startup.ts: the counter of
// create-weft's template, in JavaScript, at the root of the Express app.
import express from "express";
import { Button, Row, Text } from "weft";
import { createWeft } from "weft/server";

function main(page) {
  page.title = "Counter";
  const count = new Text({ value: "0", key: "count", size: 24 });
  const step = (delta) => () => (count.value = String(Number(count.value) + delta));
  page.add(new Row({ alignment: "center", spacing: 16, controls: [new Button({ text: "-", onClick: step(-1) }), count, new Button({ text: "+", onClick: step(1) })] }));
}

const app = express();
const weft = createWeft(main);
app.use(weft.handler);
const port = Number(process.argv[process.argv.indexOf("--port") + 1] ?? 0);
const server = app.listen(port, "127.0.0.1", () => console.log(`App: http://127.0.0.1:${server.address().port}/`));
weft.attach(server);
