// How cost grows with the size of a call: createOrder with 1, 10, 100 and 1,000 line items, and
// one listOrders page of 100 and 1,000 orders, with a fetch that answers at once (the answer
// echoes the order, or carries the page). For each size: time per call for this client and bare
// openapi-fetch, the client's own request stages alone (line-item numbering, binding and checks;
// reading the answer), and bytes allocated per call. A stage that grows faster than linearly
// shows as a time per item that rises with the size.
//
// Allocation is measured in a child process (node --expose-gc, a large young generation): heap
// and external memory growth over calls during which no garbage collection ran, which a gc
// observer confirms.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { PerformanceObserver } from "node:perf_hooks";
import { build } from "esbuild";
import { createPartnerCenterClient } from "../dist/index.mjs";
import { bareOpenapiFetch, UNREACHED } from "./peers.mjs";

const BASE = "https://pc.test/v1";
const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const PATH = "/customers/{customer_id}/orders";
export const LINE_ITEMS = [1, 10, 100, 1_000];
export const PAGE_SIZES = [100, 1_000];

const item = (i) => ({ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 + (i % 5), termDuration: "P1Y" });
const link = (uri) => ({ uri, method: "GET", headers: [] });
/** A line of an answer as the docs' new-commerce orders show one: about 600 bytes of JSON, not 100. */
const lineItem = (i) => ({
  lineItemNumber: i,
  ...item(i),
  subscriptionId: "dbb5cb3c-3f8f-4a4b-9a8d-5d1f0a0b2c3d",
  transactionType: "New",
  friendlyName: "Microsoft 365 Business Basic",
  partnerIdOnRecord: "1234567",
  provisioningContext: {},
  links: {
    product: link("/products/CFQ7TTC0LH0Z?country=US"),
    sku: link("/products/CFQ7TTC0LH0Z/skus/0001?country=US"),
    availability: link("/products/CFQ7TTC0LH0Z/skus/0001/availabilities/CFQ7TTC0K18P?country=US"),
  },
  renewsTo: { termDuration: "P1Y" },
});
const order = (id, items) => ({
  id,
  status: "pending",
  billingCycle: "monthly",
  currencyCode: "USD",
  creationDate: "2026-11-21T10:00:00Z",
  lineItems: Array.from({ length: items }, (_, i) => lineItem(i)),
});
/** The create body: line items without numbers, as most callers write them (the client numbers them). */
const createBody = (items) => ({
  billingCycle: "monthly",
  lineItems: Array.from({ length: items }, (_, i) => item(i)),
});
const page = (orders) => ({
  totalCount: orders,
  items: Array.from({ length: orders }, (_, i) => order(`order-${i}`, 1)),
  attributes: { objectType: "Collection" },
});

function stub(status, answer) {
  const text = JSON.stringify(answer);
  return async () => new Response(text, { status, headers: { "Content-Type": "application/json" } });
}

const drain = async (iterable) => {
  for await (const _ of iterable) void _;
};

/**
 * The calls of one size: this client and bare openapi-fetch. A list is read both as the page
 * (pc.call) and order by order through pc.orders.list, whose async iteration costs per order.
 */
export function scalingVariants(kind, size) {
  const fetch = kind === "create" ? stub(201, order("created", size)) : stub(200, page(size));
  const client = createPartnerCenterClient({ credential: "token", baseUrl: BASE, fetch, rateLimit: UNREACHED });
  const bare = bareOpenapiFetch(BASE, fetch);
  const params = { params: { path: { customer_id: CUSTOMER } } };
  if (kind === "create") {
    const body = createBody(size);
    const numbered = { ...body, lineItems: body.lineItems.map((item, i) => ({ ...item, lineItemNumber: i })) };
    return {
      "openapi-fetch (bare)": () => bare.POST(PATH, { ...params, body: numbered }),
      "this client": () => client.orders.create(CUSTOMER, body),
    };
  }
  return {
    "openapi-fetch (bare)": () => bare.GET(PATH, params),
    "this client, the page": () => client.call("listOrders", { path: { customer_id: CUSTOMER } }),
    "this client, each order": () => drain(client.orders.list(CUSTOMER)),
  };
}

/** The client's own stages, bundled from src/ (they are not exported), timed alone. */
export async function stageCalls(kind, size) {
  const source = `
    export { numberLineItems } from "./src/rules/line-items.ts";
    export { bindRequest, operationRuleProblems } from "./src/rules/request.ts";
    export { successBody } from "./src/calls/read-answer.ts";`;
  const result = await build({
    stdin: { contents: source, resolveDir: fileURLToPath(new URL("..", import.meta.url)), loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "node",
    write: false,
    logLevel: "silent",
  });
  const stages = await import(
    `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString("base64")}`
  );
  const head = {
    status: 200,
    headers: new Headers({ "Content-Type": "application/json" }),
    url: `${BASE}/customers/${CUSTOMER}/orders`,
  };
  const meta = { method: "GET", path: PATH, requestId: "r", correlationId: "c" };
  if (kind === "create") {
    const body = createBody(size);
    const text = JSON.stringify(order("created", size));
    return {
      "request checks": () => {
        const numbered = { ...body, lineItems: stages.numberLineItems(body.lineItems) };
        const bound = stages.bindRequest("createOrder", { path: { customer_id: CUSTOMER }, body: numbered });
        return stages.operationRuleProblems("createOrder", bound);
      },
      "answer read": () => stages.successBody(head, text, meta),
      "JSON.parse alone": () => JSON.parse(text),
    };
  }
  const text = JSON.stringify(page(size));
  return { "answer read": () => stages.successBody(head, text, meta), "JSON.parse alone": () => JSON.parse(text) };
}

/** Microseconds per call of a synchronous or asynchronous function, median of `rounds`. */
export async function microsPerCall(call, count, rounds) {
  const runs = [];
  for (let i = 0; i < count; i++) await call();
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    for (let i = 0; i < count; i++) await call();
    runs.push(((performance.now() - started) * 1000) / count);
  }
  return runs;
}

/** Bytes allocated per call of every variant at every size, measured in a child process. */
export function allocations() {
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", "--max-semi-space-size=64", fileURLToPath(import.meta.url)],
    { encoding: "utf8" },
  );
  return JSON.parse(output);
}

async function allocatedPerCall(call) {
  for (let i = 0; i < 20; i++) await call();
  for (let calls = 64; calls >= 1; calls = Math.floor(calls / 2)) {
    let collections = 0;
    const observer = new PerformanceObserver((list) => (collections += list.getEntries().length));
    globalThis.gc();
    globalThis.gc();
    observer.observe({ entryTypes: ["gc"] });
    const before = process.memoryUsage();
    for (let i = 0; i < calls; i++) await call();
    const after = process.memoryUsage();
    // gc entries arrive late (a turn is not enough); wait before trusting "none ran".
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    // The JavaScript heap and the memory outside it (body buffers).
    if (collections === 0) return (after.heapUsed - before.heapUsed + after.external - before.external) / calls;
  }
  return Number.NaN;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = {};
  for (const [kind, sizes] of [
    ["create", LINE_ITEMS],
    ["list", PAGE_SIZES],
  ]) {
    for (const size of sizes) {
      for (const [name, call] of Object.entries(scalingVariants(kind, size))) {
        out[`${kind} ${size} ${name}`] = await allocatedPerCall(call);
      }
    }
  }
  process.stdout.write(JSON.stringify(out));
}
