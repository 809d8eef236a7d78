// npm start: an order's whole life through the built client, doing only what Partner Center
// allows. It signs in App+User as partners' automation does (the secure application model: a
// refresh token exchanged at the fake's token endpoint, each new one stored), places a
// new-commerce order and waits for it with the poller, reads it by id (a new order is listed up to
// 15 minutes later, so the list is shown, not relied on), tries to cancel it (refused, 800063: new
// commerce is cancelled through its subscription) and cancels its subscription inside the 7-day
// window, then buys and cancels the docs' software subscription, which updateOrder cancels, finds
// the Azure plan in the catalog, confirms the customer's MCA acceptance its SKU requires, checks a
// cart of it out twice into one order, buys seats and, 8 days later on the fake's clock, is refused
// removing them, and finds its first order in the audit log. By default against the stateful fake Partner Center
// (partner-center-orders/testing); `npm start -- --prism` runs the steps it can against the Prism
// mock, which answers every call with the spec's examples whatever was sent.
import prism from "./prism.cjs";
import { createPartnerCenterClient, createRefreshTokenCredential, isPartnerCenterError } from "../dist/index.mjs";
import { startFakePartnerCenter } from "../dist/testing.mjs";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const NEW_COMMERCE = {
  offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P",
  quantity: 1,
  friendlyName: "AI Builder Capacity add-on",
};
const SOFTWARE = {
  offerId: "DG7GMGF0FKZV:0003:DG7GMGF0DWMS",
  quantity: 1,
  friendlyName: "the docs' software subscription",
};
const SEATS = { offerId: "CFQ7TTC0LH18:0001:CFQ7TTC0K971", quantity: 3, termDuration: "P1Y" };
const WAIT = { intervalMs: 250, maxWaitMs: 60_000 };
// The service's list delay is up to 15 minutes; the demo's fake takes 2 s.
const LIST_DELAY_MS = 2_000;
const usePrism = process.argv.includes("--prism");

const server = usePrism
  ? await prism.startPrism()
  : await startFakePartnerCenter({ provisioning: { polls: 2 }, listDelayMs: LIST_DELAY_MS });
const stop = usePrism ? () => server.stop() : () => server.close();
console.log(
  usePrism
    ? `Prism mock listening on ${server.url} (answers come from the spec's examples, not from these orders)\n`
    : `fake Partner Center listening on ${server.url} (stateful: every answer is about the orders placed here; --prism for the Prism mock)\n`,
);
try {
  let stored = 0;
  const credential = usePrism
    ? "demo-token"
    : createRefreshTokenCredential({
        tenantId: "contoso.onmicrosoft.com",
        clientId: "demo-app",
        clientSecret: "demo-secret",
        refreshToken: server.issueRefreshToken(), // what the one-time consent gave
        authorityHost: server.authorityHost,
        onRefreshToken: () => void (stored += 1), // a vault or a database in production
      });
  const pc = createPartnerCenterClient({
    credential,
    baseUrl: server.url,
    applicationName: "partner-center-orders demo",
  });
  const lines = (provisioning) => provisioning?.items.map((i) => i.status).join(", ") ?? "not read";

  console.log(
    `createOrder for customer ${CUSTOMER} (App+User: a refresh token exchanged${usePrism ? "; Prism takes any token" : ""})`,
  );
  const order = await pc.orders.create(CUSTOMER, { billingCycle: "monthly", lineItems: [NEW_COMMERCE] });
  console.log(
    `  -> order ${order.id}, status ${order.status}${usePrism ? "" : `; new refresh tokens stored: ${stored}`}\n`,
  );

  console.log(`pollProvisioning ${order.id} (getOrderProvisioningStatus takes App+User credentials)`);
  const poller = pc.orders.pollProvisioning(CUSTOMER, order.id, WAIT);
  for await (const state of poller) {
    console.log(
      `  -> poll ${state.polls}: order ${state.order.status}, line items ${lines(state.provisioning)}${state.done ? `: ${state.outcome}` : ""}`,
    );
  }
  const { order: provisioned, outcome } = await poller.pollUntilDone();
  const subscriptionId = provisioned.lineItems[0]?.subscriptionId;
  console.log(`  -> ${outcome}, subscription ${subscriptionId ?? "none"}\n`);

  console.log(`getOrder ${order.id}`);
  const fetched = await pc.orders.get(CUSTOMER, order.id);
  console.log(
    `  -> order ${fetched.id}, status ${fetched.status}${fetched.id === order.id ? "" : " (another order)"}\n`,
  );

  console.log("listOrders, every page");
  const listed = [];
  for await (const each of pc.orders.list(CUSTOMER)) listed.push(each);
  const found = listed.find((each) => each.id === order.id);
  console.log(
    `  -> ${listed.length} order(s); order ${order.id} ${found ? `is there, ${found.status}` : `is not listed yet: the service lists a new order up to 15 minutes after it is placed (this fake: ${LIST_DELAY_MS / 1000} s), so read new orders by id`}\n`,
  );

  console.log(`updateOrder ${order.id}: cancel (new commerce)`);
  const refused = await pc.orders.update(CUSTOMER, order.id, { id: order.id, status: "cancelled" }).then(
    () => undefined,
    (error) => error,
  );
  console.log(
    refused
      ? `  -> refused as documented: ${refused.status} ${refused.code}; new commerce is cancelled through its subscription\n`
      : "  -> cancelled (the mock answers its example whatever was sent)\n",
  );

  let deleted;
  if (subscriptionId) {
    console.log(
      `cancelSubscription ${subscriptionId}: status deleted, inside its cancellation window (read first, sent whole)`,
    );
    const window = (await pc.subscriptions.get(CUSTOMER, subscriptionId)).cancellationAllowedUntilDate;
    deleted = await pc.subscriptions.cancel(CUSTOMER, subscriptionId);
    console.log(`  -> subscription ${deleted.status}${window ? ` (cancellable until ${window})` : ""}\n`);
  } else console.log("cancelSubscription: not run, the mock's example order names no subscription\n");

  console.log("createOrder (software subscription), updateOrder (cancel), then pollProvisioning");
  const second = await pc.orders.create(CUSTOMER, { lineItems: [SOFTWARE] });
  const cancelled = await pc.orders.update(CUSTOMER, second.id, { id: second.id, status: "cancelled" });
  const settled = await pc.orders.pollProvisioning(CUSTOMER, second.id, WAIT).pollUntilDone();
  console.log(`  -> order ${second.id}, status ${cancelled.status}: ${settled.outcome}\n`);

  console.log(
    'pc.catalog.offers(customer, { targetView: "MicrosoftAzure" }): the offer to buy, read at the time of purchase',
  );
  let offer;
  // The first offer is the one bought; leaving the loop ends the walk (no further reads).
  for await (const each of pc.catalog.offers(CUSTOMER, { targetView: "MicrosoftAzure" })) {
    offer = each;
    break;
  }
  const needs = offer.sku.purchasePrerequisites ?? [];
  console.log(`  -> ${offer.sku.title}: ${offer.catalogItemId}; before buying: ${needs.join(", ") || "nothing"}\n`);

  if (needs.includes("MicrosoftCustomerAgreement")) {
    console.log(
      "createCustomerAgreement (without it the purchase is refused 403 13605; templateId from the MCA's metadata)",
    );
    const primaryContact = { firstName: "Tania", lastName: "Carr", email: "someone@example.com" };
    const confirmed = await pc.prerequisites.createCustomerAgreement(CUSTOMER, {
      primaryContact,
      dateAgreed: new Date(),
    });
    console.log(`  -> ${confirmed.type} confirmed, template ${confirmed.templateId}\n`);
  }

  console.log(
    "createCart from the availability, checkoutCart, then checkoutCart again (a checkout is idempotent: a crashed process checks the same cart out again)",
  );
  const term = offer.availability.terms?.[0]?.duration;
  const cart = await pc.carts.create(CUSTOMER, {
    lineItems: [
      {
        catalogItemId: offer.catalogItemId,
        quantity: 1,
        billingCycle: offer.sku.supportedBillingCycles?.[0] ?? "monthly",
        ...(term ? { termDuration: term } : {}),
      },
    ],
  });
  const checkedOut = (await pc.carts.checkout(CUSTOMER, cart.id)).orders.map((each) => each.id);
  const again = (await pc.carts.checkout(CUSTOMER, cart.id)).orders.map((each) => each.id);
  const same = again.join() === checkedOut.join();
  console.log(
    `  -> cart ${cart.id}: order ${checkedOut.join(", ")}; checked out again: ${same ? "the same order, nothing placed twice" : "another answer"}\n`,
  );

  let refusedDecrease;
  if (!usePrism) {
    console.log(
      "createOrder (Microsoft 365 Business Basic, 3 seats) and wait; then 8 days pass on the fake's clock (advanceTime), and 2 seats are to go",
    );
    const { order: seats } = await pc.orders.createAndWait(CUSTOMER, { lineItems: [SEATS] }, WAIT);
    const seated = seats.lineItems[0].subscriptionId;
    await server.advanceTime(8 * 24 * 3_600_000);
    refusedDecrease = await pc.subscriptions.update(CUSTOMER, seated, { quantity: 1 }).then(
      () => undefined,
      (error) => error,
    );
    console.log(
      refusedDecrease
        ? `  -> refused before sending: ${refusedDecrease.problems?.[0]?.message ?? refusedDecrease.message}\n`
        : "  -> the seats were removed\n",
    );
  }

  console.log(`listAuditRecords since today for the customer: what a process whose answer was lost reads`);
  const today = new Date().toISOString().slice(0, 10);
  let record;
  for await (const each of pc.auditRecords.list({
    startDate: today,
    filter: { field: "CustomerId", value: CUSTOMER },
  })) {
    const orderId = each.customizedData?.find((d) => d.key === "OrderId")?.value;
    if (each.operationType === "create_order" && orderId === order.id) record = each;
  }
  const offers = record?.customizedData?.filter((d) => d.key.startsWith("OfferId-")).map((d) => d.value);
  console.log(
    record
      ? `  -> create_order for order ${order.id}: offers ${offers.join(", ")}, ${record.operationStatus}\n`
      : "  -> no record of the first order (the mock answers its example)\n",
  );

  const coherent =
    fetched.id === order.id &&
    outcome === "fulfilled" &&
    refused?.code === 800063 &&
    deleted?.status === "deleted" &&
    settled.outcome === "cancelled" &&
    same &&
    refusedDecrease !== undefined &&
    record !== undefined;
  console.log(
    `lifecycle complete${coherent ? ": one order provisioned and read by id, its cancel refused as the service refuses it and its subscription cancelled inside the window, one software order cancelled, an offer found in the catalog and its MCA confirmed, its cart checked out twice into one order, a seat decrease refused after its window, the first order found in the audit log" : " (the mock's answers are its examples, not these orders)"}`,
  );
} catch (error) {
  console.error(isPartnerCenterError(error) ? JSON.stringify(error, null, 2) : error);
  process.exitCode = 1;
} finally {
  await stop();
}
