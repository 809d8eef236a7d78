// npm start: orders' whole lives through the built client. One order is placed and waited for
// until provisioned (the poller's states, then its subscription ids), read back and found in the
// customer's list; a second is placed, cancelled, and waited for to the same end. By default
// against the stateful fake Partner Center (partner-center-orders/testing), so every answer is
// about these orders. `npm start -- --prism` runs the same steps against the Prism mock, which
// answers every call with the spec's examples whatever was sent (other ids, other orders).
import prism from "./prism.cjs";
import { createPartnerCenterClient, isPartnerCenterError } from "../dist/index.mjs";
import { startFakePartnerCenter } from "../dist/testing.mjs";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const LINE = { offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1, friendlyName: "AI Builder Capacity add-on" };
const WAIT = { intervalMs: 250, maxWaitMs: 60_000 };
const usePrism = process.argv.includes("--prism");

const server = usePrism ? await prism.startPrism() : await startFakePartnerCenter({ provisioning: { polls: 2 } });
const stop = usePrism ? () => server.stop() : () => server.close();
console.log(usePrism
  ? `Prism mock listening on ${server.url} (answers come from the spec's examples, not from these orders)\n`
  : `fake Partner Center listening on ${server.url} (stateful: every answer is about the orders placed here; --prism for the Prism mock)\n`);
try {
  const pc = createPartnerCenterClient({ credential: "demo-token", baseUrl: server.url, applicationName: "partner-center-orders demo" });
  const lines = (provisioning) => provisioning?.items.map((i) => i.status).join(", ") ?? "not read";

  console.log(`createOrder for customer ${CUSTOMER}`);
  const order = await pc.orders.create(CUSTOMER, { billingCycle: "monthly", lineItems: [LINE] });
  console.log(`  -> order ${order.id}, status ${order.status}\n`);

  console.log(`pollProvisioning ${order.id}`);
  const poller = pc.orders.pollProvisioning(CUSTOMER, order.id, WAIT);
  for await (const state of poller) {
    console.log(`  -> poll ${state.polls}: order ${state.order.status}, line items ${lines(state.provisioning)}${state.done ? `: ${state.outcome}` : ""}`);
  }
  const { order: provisioned, outcome } = await poller.pollUntilDone();
  console.log(`  -> ${outcome}, subscription ${provisioned.lineItems.map((l) => l.subscriptionId ?? "none").join(", ")}\n`);

  console.log(`getOrder ${order.id}`);
  const fetched = await pc.orders.get(CUSTOMER, order.id);
  console.log(`  -> order ${fetched.id}, status ${fetched.status}${fetched.id === order.id ? "" : " (another order)"}\n`);

  console.log("listOrders, every page");
  const listed = [];
  for await (const each of pc.orders.list(CUSTOMER)) listed.push(each);
  const found = listed.find((each) => each.id === order.id);
  console.log(`  -> ${listed.length} order(s); order ${order.id} ${found ? `is there, ${found.status}` : "is not among them"}\n`);

  console.log("createOrder, updateOrder (cancel), then pollProvisioning");
  const second = await pc.orders.create(CUSTOMER, { lineItems: [LINE] });
  const cancelled = await pc.orders.update(CUSTOMER, second.id, { status: "cancelled" });
  const settled = await pc.orders.pollProvisioning(CUSTOMER, second.id, WAIT).pollUntilDone();
  console.log(`  -> order ${second.id}, status ${cancelled.status}: ${settled.outcome}\n`);

  const coherent = fetched.id === order.id && found !== undefined && outcome === "fulfilled" && settled.outcome === "cancelled";
  console.log(`lifecycle complete${coherent ? ": one order provisioned and found, one cancelled" : " (the mock's answers are its examples, not these orders)"}`);
} catch (error) {
  console.error(isPartnerCenterError(error) ? JSON.stringify(error, null, 2) : error);
  process.exitCode = 1;
} finally {
  await stop();
}
