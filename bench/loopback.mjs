// Over loopback HTTP: a node:http server with keep-alive answering a small order, called one
// request at a time by this client, by bare openapi-fetch and by a hand-written fetch.
import { createServer } from "node:http";
import createClient from "openapi-fetch";
import { createPartnerCenterClient } from "../dist/index.mjs";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const ORDER = JSON.stringify({ id: "Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1", status: "pending", lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }] });
const BODY = { lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }] };

export async function startLoopbackServer() {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(201, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(ORDER) });
      response.end(ORDER);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }) };
}

export function loopbackVariants(url) {
  const client = createPartnerCenterClient({ credential: "token", baseUrl: url });
  const bare = createClient({ baseUrl: url, headers: { Authorization: "Bearer token" } });
  const headers = { Authorization: "Bearer token", "Content-Type": "application/json" };
  return {
    "raw fetch": async () => (await fetch(`${url}/customers/${CUSTOMER}/orders`, { method: "POST", headers, body: JSON.stringify(BODY) })).json(),
    "openapi-fetch (bare)": () => bare.POST("/customers/{customer_id}/orders", { params: { path: { customer_id: CUSTOMER } }, body: BODY }),
    "this client": () => client.orders.create(CUSTOMER, BODY),
  };
}
