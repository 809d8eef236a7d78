// Over loopback HTTP: a node:http server with keep-alive answering a small order, called one
// request at a time by this client (node:http, its default in Node, and over fetch), bare
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

export function loopbackVariants(url) {
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
  const rawNodeHttp = () =>
    new Promise((resolve, reject) => {
      const text = JSON.stringify(BODY);
      const sent = request(
        `${url}${path}`,
        { method: "POST", agent, headers: { ...headers, "Content-Length": Buffer.byteLength(text) } },
        (response) => {
          const chunks = [];
          response.on("data", (chunk) => chunks.push(chunk));
          response.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
          response.on("error", reject);
        },
      );
      sent.on("error", reject);
      sent.end(text);
    });
  return {
    "raw fetch": async () =>
      (await fetch(`${url}${path}`, { method: "POST", headers, body: JSON.stringify(BODY) })).json(),
    "openapi-fetch (bare)": () =>
      bare.POST("/customers/{customer_id}/orders", { params: { path: { customer_id: CUSTOMER } }, body: BODY }),
    "this client": () => client.orders.create(CUSTOMER, BODY),
    "this client over fetch": () => overFetch.orders.create(CUSTOMER, BODY),
    "Azure REST client": () => azure.path("/customers/{customer_id}/orders", CUSTOMER).post({ body: BODY }),
    axios: () => viaAxios.post(path, BODY, { headers }),
    "raw node:http": rawNodeHttp,
  };
}
