// The loopback benchmark's server, in a process of its own: keep-alive, a small order for a POST
// (createOrder) and a page of two orders for a GET (listOrders).
import { createServer } from "node:http";

const ORDER = JSON.stringify({
  id: "Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1",
  status: "pending",
  lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }],
});
const order = JSON.parse(ORDER);
const PAGE = JSON.stringify({
  totalCount: 2,
  items: [order, { ...order, id: "9qg-ErcO-4MPbPqq_3MIQaS7bn8W6HfG1" }],
  attributes: { objectType: "Collection" },
});
const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    const [status, text] = request.method === "GET" ? [200, PAGE] : [201, ORDER];
    response.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
    response.end(text);
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
