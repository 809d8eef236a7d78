// Over loopback HTTP: a node:http server with keep-alive answering a small order (createOrder) or
// a page of two (listOrders), called one request at a time by this client (node:http, its default in Node, and over fetch), bare
// openapi-fetch, Azure's REST client (its node:http pipeline, bearer policy, default retries),
// axios (its node:http adapter), a hand-written fetch and a hand-written node:http request (the
// ceiling for a client on node:http). The server runs in a child process, so that it does not
// share the client's thread.
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { createPartnerCenterClient } from "../dist/index.mjs";
import { axiosClient, azureClient, bareOpenapiFetch, UNREACHED } from "./peers.mjs";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const BODY = { lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }] };

export async function startLoopbackServer() {
  const child = spawn(process.execPath, [new URL("loopback-server.mjs", import.meta.url).pathname], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const [line] = await once(createInterface({ input: child.stdout }), "line");
  return {
    url: JSON.parse(line).url,
    close: async () => {
      child.stdin.end();
      await once(child, "exit");
    },
  };
}

/** Every item of a list, read to the end. */
async function drain(iterator) {
  const items = [];
  for await (const item of iterator) items.push(item);
  return items;
}

/** The peers calling `operation` (createOrder or listOrders) over loopback. */
export function loopbackVariants(url, operation) {
  const client = createPartnerCenterClient({ credential: "token", baseUrl: url, rateLimit: UNREACHED });
  const overFetch = createPartnerCenterClient({
    credential: "token",
    baseUrl: url,
    rateLimit: UNREACHED,
    fetch: (input, init) => fetch(input, init),
  });
  const bare = bareOpenapiFetch(url);
  const azure = azureClient(url);
  const viaAxios = axiosClient(url);
  const headers = { Authorization: "Bearer token", "Content-Type": "application/json" };
  const path = `/customers/${CUSTOMER}/orders`;
  const agent = new Agent({ keepAlive: true });
  const create = operation === "createOrder";
  const method = create ? "POST" : "GET";
  const text = create ? JSON.stringify(BODY) : undefined;
  const rawNodeHttp = () =>
    new Promise((resolve, reject) => {
      const length = text === undefined ? {} : { "Content-Length": Buffer.byteLength(text) };
      const sent = request(`${url}${path}`, { method, agent, headers: { ...headers, ...length } }, (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
        response.on("error", reject);
      });
      sent.on("error", reject);
      sent.end(text);
    });
  const params = { params: { path: { customer_id: CUSTOMER } } };
  const azurePath = () => azure.path("/customers/{customer_id}/orders", CUSTOMER);
  return {
    "raw fetch": async () => (await fetch(`${url}${path}`, { method, headers, body: text })).json(),
    "openapi-fetch (bare)": () =>
      create
        ? bare.POST("/customers/{customer_id}/orders", { ...params, body: BODY })
        : bare.GET("/customers/{customer_id}/orders", params),
    "this client": () => (create ? client.orders.create(CUSTOMER, BODY) : drain(client.orders.list(CUSTOMER))),
    "this client over fetch": () =>
      create ? overFetch.orders.create(CUSTOMER, BODY) : drain(overFetch.orders.list(CUSTOMER)),
    "Azure REST client": () => (create ? azurePath().post({ body: BODY }) : azurePath().get()),
    axios: () => (create ? viaAxios.post(path, BODY, { headers }) : viaAxios.get(path, { headers })),
    "raw node:http": rawNodeHttp,
  };
}
