// The loopback benchmark's server, in a process of its own: keep-alive, a small order per request.
import { createServer } from "node:http";

const ORDER = JSON.stringify({
  id: "Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1",
  status: "pending",
  lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }],
});
const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(201, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(ORDER) });
    response.end(ORDER);
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () =>
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`),
);
process.stdin.resume();
process.stdin.on("end", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
