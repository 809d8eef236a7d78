// Client overhead with a fetch that answers at once: this client with every behaviour on (auth,
// ids, retries, timeouts, request checks; logger off, then on), through pc.orders (which also
// binds the request and reads the answer) and through the raw pc.POST/pc.GET, against bare
// openapi-fetch, Azure's REST client with its own stub transport, a hand-written fetch call and
// axios, for createOrder and listOrders. Ratios are to bare openapi-fetch, same round.
import { createPartnerCenterClient } from "../dist/index.mjs";
import { axiosClient, azureClient, bareOpenapiFetch, UNREACHED } from "./peers.mjs";

const BASE = "https://pc.test/v1";
const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const ORDER = {
  id: "Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1",
  status: "pending",
  lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }],
};
const LIST = {
  totalCount: 2,
  items: [ORDER, { ...ORDER, id: "9qg-ErcO-4MPbPqq_3MIQaS7bn8W6HfG1" }],
  attributes: { objectType: "Collection" },
};
const BODY = {
  billingCycle: "monthly",
  lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }],
};

/** A fetch answering at once with a small JSON body, as openapi-fetch's own benchmark does. */
function stubFetch(status, body) {
  const text = JSON.stringify(body);
  return async () => new Response(text, { status, headers: { "Content-Type": "application/json" } });
}

export function overheadVariants(operation) {
  const [status, answer] = operation === "createOrder" ? [201, ORDER] : [200, LIST];
  const fetch = stubFetch(status, answer);
  const bare = bareOpenapiFetch(BASE, fetch);
  const client = createPartnerCenterClient({ credential: "token", baseUrl: BASE, fetch, rateLimit: UNREACHED });
  const logged = createPartnerCenterClient({
    credential: "token",
    baseUrl: BASE,
    fetch,
    rateLimit: UNREACHED,
    logger: { info: () => undefined },
  });
  const azure = azureClient(BASE, { status, text: JSON.stringify(answer) });
  const viaAxios = axiosClient(BASE, fetch);
  const headers = { Authorization: "Bearer token", "Content-Type": "application/json" };
  const path = `/customers/${CUSTOMER}/orders`;
  const drain = async (iterable) => {
    for await (const _ of iterable) void _;
  };
  const params = { params: { path: { customer_id: CUSTOMER } } };
  if (operation === "createOrder") {
    return {
      "openapi-fetch (bare)": () => bare.POST("/customers/{customer_id}/orders", { ...params, body: BODY }),
      "this client": () => client.orders.create(CUSTOMER, BODY),
      "this client + logger": () => logged.orders.create(CUSTOMER, BODY),
      "this client, pc.POST": () => client.POST("/customers/{customer_id}/orders", { ...params, body: BODY }),
      "Azure REST client": () => azure.path("/customers/{customer_id}/orders", CUSTOMER).post({ body: BODY }),
      "hand-written fetch": async () =>
        (await fetch(`${BASE}${path}`, { method: "POST", headers, body: JSON.stringify(BODY) })).json(),
      axios: () => viaAxios.post(path, BODY, { headers }),
    };
  }
  return {
    "openapi-fetch (bare)": () => bare.GET("/customers/{customer_id}/orders", params),
    "this client": () => drain(client.orders.list(CUSTOMER)),
    "this client + logger": () => drain(logged.orders.list(CUSTOMER)),
    "this client, pc.GET": () => client.GET("/customers/{customer_id}/orders", params),
    "Azure REST client": () => azure.path("/customers/{customer_id}/orders", CUSTOMER).get(),
    "hand-written fetch": async () => (await fetch(`${BASE}${path}`, { headers })).json(),
    axios: () => viaAxios.get(path, { headers }),
  };
}
