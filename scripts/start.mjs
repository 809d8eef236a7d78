// npm start: the order lifecycle (create, get, list, cancel, provisioning status) through the
// built client against the bundled Prism mock, which this script starts and stops. Prism answers
// with the spec's named examples, so the ids it returns come from the docs, not from the request.
import prism from "./prism.cjs";
import { createPartnerCenterClient, isPartnerCenterError } from "../dist/index.mjs";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const mock = await prism.startPrism();
console.log(`Prism mock listening on ${mock.url}\n`);
try {
  const pc = createPartnerCenterClient({
    credential: "mock-token",
    baseUrl: mock.url,
    applicationName: "partner-center-orders demo",
    logger: { info: (line) => console.log(`  ${line}`) },
  });

  console.log(`createOrder for customer ${CUSTOMER}`);
  const order = await pc.orders.create(CUSTOMER, {
    billingCycle: "monthly",
    lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1, friendlyName: "AI Builder Capacity add-on" }],
  });
  console.log(`  -> order ${order.id}, status ${order.status}, ${order.lineItems.length} line item(s)\n`);

  console.log(`getOrder ${order.id} (include_price)`);
  const fetched = await pc.orders.get(CUSTOMER, order.id, { includePrice: true });
  console.log(`  -> order ${fetched.id}, status ${fetched.status}, created ${fetched.creationDate}\n`);

  console.log("listOrders (billingType=monthly), every page");
  let count = 0;
  for await (const listed of pc.orders.list(CUSTOMER, { billingType: "monthly" })) {
    count += 1;
    console.log(`  -> ${listed.id} ${listed.billingCycle} ${listed.status}`);
  }
  console.log(`  -> ${count} order(s)\n`);

  console.log(`updateOrder ${order.id}: cancel`);
  const cancelled = await pc.orders.update(CUSTOMER, order.id, { id: order.id, status: "cancelled" });
  console.log(`  -> order ${cancelled.id}, status ${cancelled.status}\n`);

  console.log(`getOrderProvisioningStatus ${order.id}`);
  const provisioning = await pc.orders.getOrderProvisioningStatus(CUSTOMER, order.id);
  for (const item of provisioning.items) console.log(`  -> line item ${item.lineItemNumber}: ${item.status}`);

  console.log("\nlifecycle complete");
} catch (error) {
  console.error(isPartnerCenterError(error) ? JSON.stringify(error, null, 2) : error);
  process.exitCode = 1;
} finally {
  await mock.stop();
}
