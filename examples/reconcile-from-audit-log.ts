import { createPartnerCenterClient } from "partner-center-orders";
const pc = createPartnerCenterClient({
  credential: process.env.PARTNER_CENTER_TOKEN ?? "token",
  baseUrl: process.env.PARTNER_CENTER_BASE_URL,
});
const customerId = "b0d70a69-4c42-4b27-b17b-91a835d8686a";

// Before sending, the job stored what it was about to do: its correlation id, the day, the offer.
const attempt = { correlationId: crypto.randomUUID(), day: new Date().toISOString().slice(0, 10) };
const offerId = "DG7GMGF0FKZV:0003:DG7GMGF0DWMS"; // the docs' software offer; yours from pc.catalog
await pc.orders.create(customerId, { lineItems: [{ offerId, quantity: 2 }] }, { correlationId: attempt.correlationId });
// ... and the process died before it read the answer. On restart, the audit log says what happened:

const filter = { field: "CustomerId", value: customerId } as const;
for await (const record of pc.auditRecords.list({ startDate: attempt.day, filter })) {
  if (record.operationType !== "create_order") continue;
  const data = new Map(record.customizedData?.map(({ key, value }) => [key, value]));
  const mine = record.originalCorrelationId === attempt.correlationId;
  if (!mine || data.get("OfferId-0") !== offerId) continue;
  const order = await pc.orders.get(customerId, data.get("OrderId")!);
  console.log(`placed: order ${order.id}, ${data.get("Quantity-0")} x ${offerId}, ${record.operationStatus}`);
}
