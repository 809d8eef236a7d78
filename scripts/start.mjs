// npm start: one order's whole life through the built client: create it, get it back, find it in
// the customer's list, cancel it, see it cancelled, and read its provisioning status. By default
// against the stateful fake Partner Center (partner-center-orders/testing), so every answer is
// about the order just created. `npm start -- --prism` runs the same steps against the Prism mock,
// which answers every call with the spec's examples whatever was sent (other ids, other orders).
import prism from "./prism.cjs";
import { createPartnerCenterClient, isPartnerCenterError } from "../dist/index.mjs";
import { startFakePartnerCenter } from "../dist/testing.mjs";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const usePrism = process.argv.includes("--prism");

const server = usePrism ? await prism.startPrism() : await startFakePartnerCenter();
const stop = usePrism ? () => server.stop() : () => server.close();
console.log(usePrism
  ? `Prism mock listening on ${server.url} (answers come from the spec's examples, not from this order)\n`
  : `fake Partner Center listening on ${server.url} (stateful: every answer is about the order created here; --prism for the Prism mock)\n`);
try {
  const pc = createPartnerCenterClient({
    credential: "demo-token",
    baseUrl: server.url,
    applicationName: "partner-center-orders demo",
    logger: { info: (line) => console.log(`  ${line}`) },
  });

  console.log(`createOrder for customer ${CUSTOMER}`);
  const order = await pc.orders.create(CUSTOMER, {
    billingCycle: "monthly",
    lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1, friendlyName: "AI Builder Capacity add-on" }],
  });
  console.log(`  -> order ${order.id}, status ${order.status}, ${order.lineItems.length} line item(s)\n`);

  console.log(`getOrder ${order.id}`);
  const fetched = await pc.orders.get(CUSTOMER, order.id);
  console.log(`  -> order ${fetched.id}, status ${fetched.status}, created ${fetched.creationDate}${fetched.id === order.id ? "" : " (another order)"}\n`);

  console.log("listOrders, every page");
  const listed = [];
  for await (const each of pc.orders.list(CUSTOMER)) listed.push(each);
  const found = listed.find((each) => each.id === order.id);
  console.log(`  -> ${listed.length} order(s); order ${order.id} ${found ? `is there, ${found.status}` : "is not among them"}\n`);

  console.log(`updateOrder ${order.id}: cancel`);
  const cancelled = await pc.orders.update(CUSTOMER, order.id, { status: "cancelled" });
  console.log(`  -> order ${cancelled.id}, status ${cancelled.status}\n`);

  console.log(`getOrder ${order.id} again`);
  const after = await pc.orders.get(CUSTOMER, order.id);
  console.log(`  -> order ${after.id}, status ${after.status}\n`);

  console.log(`getOrderProvisioningStatus ${order.id}`);
  const provisioning = await pc.orders.getOrderProvisioningStatus(CUSTOMER, order.id);
  for (const item of provisioning.items) console.log(`  -> line item ${item.lineItemNumber}: ${item.status}`);

  const coherent = fetched.id === order.id && found !== undefined && after.status === "cancelled";
  console.log(`\nlifecycle complete${coherent ? ": one order, created, found, cancelled" : " (the mock's answers are its examples, not this order)"}`);
} catch (error) {
  console.error(isPartnerCenterError(error) ? JSON.stringify(error, null, 2) : error);
  process.exitCode = 1;
} finally {
  await stop();
}
