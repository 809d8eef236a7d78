// Type tests: compiled by `npm run lint` (tsc), never run. Each @ts-expect-error must meet an
// error, or tsc fails with "Unused '@ts-expect-error' directive"; each expectTypeOf must hold.
import { expectTypeOf } from "expect-type";
import {
  createPartnerCenterClient,
  PartnerCenterError,
  type BillingCycle,
  type BillingCycleInput,
  type Order,
  type OrderCollection,
  type OrderCreate,
  type OrderLineItem,
  type OrderLineItemInput,
  type OrderStatus,
  type OrderUpdateInput,
  type PlacedOrder,
  type components,
  type operations,
  type paths,
} from "partner-center-orders";
import type * as TypesOnly from "partner-center-orders/types";

declare const customerId: string;
const pc = createPartnerCenterClient({ credential: "token" });

export async function rejectsMisuse(): Promise<void> {
  // @ts-expect-error a path parameter is missing
  await pc.GET("/customers/{customer_id}/orders", { params: { path: {} } });

  // @ts-expect-error the path does not exist in the spec
  await pc.GET("/customers/{customer_id}/invoices", { params: { path: { customer_id: customerId } } });

  await pc.orders.create(customerId, {
    // @ts-expect-error an unknown billingCycle value
    billingCycle: "weekly",
    lineItems: [{ offerId: "o", quantity: 1 }],
  });

  await pc.orders.create(customerId, {
    // @ts-expect-error a string quantity
    lineItems: [{ offerId: "o", quantity: "1" }],
  });

  // @ts-expect-error lineItems are required
  await pc.orders.create(customerId, { billingCycle: "monthly" });

  // @ts-expect-error a status the spec does not document
  await pc.orders.update(customerId, "o", { status: "shipped" });

  // @ts-expect-error a billingType that is no spelling of a member name (D1)
  pc.orders.list(customerId, { billingType: "one-time" });

  const { data, error } = await pc.GET("/customers/{customer_id}/orders/{order_id}", {
    params: { path: { customer_id: customerId, order_id: "o" } },
  });
  // @ts-expect-error data may be undefined until error has been checked
  void data.id;
  if (!error) expectTypeOf(data.id).toEqualTypeOf<string>();

  // @ts-expect-error an operationId that is not in the spec
  await pc.call("deleteOrder", {});
}

export async function acceptsWhatTheServiceTakes(order: PlacedOrder): Promise<void> {
  // The order as read, patched back whole (D21, E6), and the member names the docs show (D4, D1).
  await pc.orders.update(customerId, order.id, { ...order, billingCycle: "Annual" });
  pc.orders.list(customerId, { billingType: "OneTime" });
  await pc.orders.create(
    customerId,
    { lineItems: [{ offerId: "o", quantity: 1 }] },
    { customerUserUpn: "user@contoso.test" },
  );
}

export async function typesTheResults(): Promise<void> {
  expectTypeOf(pc.orders.create).returns.resolves.toEqualTypeOf<PlacedOrder>();
  expectTypeOf(pc.orders.get).returns.resolves.toEqualTypeOf<PlacedOrder>();
  expectTypeOf(pc.orders.list).returns.toEqualTypeOf<AsyncGenerator<PlacedOrder, void, undefined>>();
  expectTypeOf(pc.orders.getOrderAttachment).returns.resolves.toEqualTypeOf<Blob>();
  expectTypeOf(pc.call<"listOrders">).returns.resolves.toEqualTypeOf<OrderCollection>();
  expectTypeOf<Parameters<typeof pc.orders.update>[2]>().toEqualTypeOf<OrderUpdateInput>();
  expectTypeOf(new PartnerCenterError("x").status).toEqualTypeOf<number | undefined>();
}

export function exportsTheSpecTypesByName(): void {
  expectTypeOf<Order["status"]>().toEqualTypeOf<OrderStatus | undefined>();
  expectTypeOf<Order["lineItems"]>().toEqualTypeOf<OrderLineItem[] | undefined>();
  expectTypeOf<PlacedOrder["lineItems"]>().toEqualTypeOf<OrderLineItem[]>();
  expectTypeOf<PlacedOrder["id"]>().toEqualTypeOf<string>();
  expectTypeOf<OrderUpdateInput["billingCycle"]>().toEqualTypeOf<BillingCycleInput | undefined>();
  expectTypeOf<OrderCreate["billingCycle"]>().toEqualTypeOf<BillingCycle | undefined>();
  expectTypeOf<PlacedOrder["billingCycle"]>().toEqualTypeOf<BillingCycle | undefined>();
  expectTypeOf<OrderLineItemInput["quantity"]>().toEqualTypeOf<number>();
  // Answers: what the service writes. Requests: that, or the member names the docs show (D4).
  expectTypeOf<BillingCycle>().toEqualTypeOf<
    "unknown" | "monthly" | "annual" | "none" | "one_time" | "triennial" | "biennial"
  >();
  expectTypeOf<BillingCycleInput>().toEqualTypeOf<
    | "unknown"
    | "monthly"
    | "annual"
    | "none"
    | "one_time"
    | "triennial"
    | "biennial"
    | "Unknown"
    | "Monthly"
    | "Annual"
    | "None"
    | "OneTime"
    | "Triennial"
    | "Biennial"
  >();
  expectTypeOf<OrderStatus>().toEqualTypeOf<
    | "unknown"
    | "completed"
    | "pending"
    | "pending_po_upload"
    | "po_upload_complete"
    | "cancelled"
    | "partial_success"
    | "po_review_rejected"
    | "suspended"
    | "pending_review"
    | "error"
  >();
  expectTypeOf<components["schemas"]["Order"]>().toEqualTypeOf<Order>();
  expectTypeOf<paths["/customers/{customer_id}/orders"]["post"]>().toEqualTypeOf<operations["createOrder"]>();
  expectTypeOf<TypesOnly.Order>().toEqualTypeOf<Order>();
  expectTypeOf<TypesOnly.OrderStatus>().toEqualTypeOf<OrderStatus>();
}

/** What the client reads, it can send back: a read, changed, is a valid write (rule 1). */
export async function roundTrips(): Promise<void> {
  const cart = await pc.carts.get(customerId, "cart-id");
  await pc.carts.update(customerId, "cart-id", cart);
  await pc.carts.update(customerId, "cart-id", {
    ...cart,
    lineItems: cart.lineItems?.map((line) => ({ ...line, quantity: 2 })),
  });
  const order = await pc.orders.get(customerId, "order-id");
  await pc.orders.update(customerId, "order-id", order);
  await pc.orders.update(customerId, "order-id", { ...order, billingCycle: "annual" });
}
