// The floor under `weft run`'s memory (bench/startup.ts): Node with what any WebSocket app
// server holds, node:http listening and `ws` answering upgrades, and no weft. Its page opens one
// socket and shows an element like weft's first control once it is open.
import { createServer } from "node:http";
import { WebSocketServer } from "ws";

const page = `<!doctype html><p>…</p><script>
  const ws = new WebSocket(location.href.replace(/^http/, "ws"));
  ws.onopen = () => (document.body.innerHTML = '<p data-weft-type="Text">open</p>');
</script>`;
const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(page));
new WebSocketServer({ server }).on("connection", (ws) => ws.send("hello"));
const port = Number(process.argv[process.argv.indexOf("--port") + 1] ?? 0);
server.listen(port, "127.0.0.1", () => console.log(`App: http://127.0.0.1:${server.address().port}/`));
