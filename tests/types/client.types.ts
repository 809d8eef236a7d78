// Type tests: compiled by `npm run lint` (tsc), never run. Each @ts-expect-error must meet an
// error, or tsc fails with "Unused '@ts-expect-error' directive"; each expectTypeOf must hold.
import { expectTypeOf } from "expect-type";
import {
  createPartnerCenterClient,
  PartnerCenterError,
  type BillingCycle,
  type Order,
  type OrderCollection,
  type OrderCreate,
  type OrderLineItem,
  type OrderLineItemCreate,
  type OrderStatus,
  type OrderUpdate,
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

  // @ts-expect-error the only documented patch status is "cancelled"
  await pc.orders.update(customerId, "o", { status: "completed" });

  // @ts-expect-error billingType takes the member name onetime, not one_time (D1)
  pc.orders.list(customerId, { billingType: "one_time" });

  const { data, error } = await pc.GET("/customers/{customer_id}/orders/{order_id}", {
    params: { path: { customer_id: customerId, order_id: "o" } },
  });
  // @ts-expect-error data may be undefined until error has been checked
  void data.id;
  if (!error) expectTypeOf(data.id).toEqualTypeOf<string>();

  // @ts-expect-error an operationId that is not in the spec
  await pc.call("deleteOrder", {});
}

export async function typesTheResults(): Promise<void> {
  expectTypeOf(pc.orders.create).returns.resolves.toEqualTypeOf<Order>();
  expectTypeOf(pc.orders.get).returns.resolves.toEqualTypeOf<Order>();
  expectTypeOf(pc.orders.list).returns.toEqualTypeOf<AsyncGenerator<Order, void, undefined>>();
  expectTypeOf(pc.call<"listOrders">).returns.resolves.toEqualTypeOf<OrderCollection>();
  expectTypeOf<Parameters<typeof pc.orders.update>[2]>().toEqualTypeOf<OrderUpdate>();
  expectTypeOf(new PartnerCenterError("x").status).toEqualTypeOf<number | undefined>();
}

export function exportsTheSpecTypesByName(): void {
  expectTypeOf<Order["status"]>().toEqualTypeOf<OrderStatus | undefined>();
  expectTypeOf<Order["lineItems"]>().toEqualTypeOf<OrderLineItem[]>();
  expectTypeOf<OrderCreate["billingCycle"]>().toEqualTypeOf<BillingCycle | undefined>();
  expectTypeOf<OrderLineItemCreate["quantity"]>().toEqualTypeOf<number>();
  expectTypeOf<BillingCycle>().toEqualTypeOf<"unknown" | "monthly" | "annual" | "none" | "one_time" | "triennial" | "biennial">();
  expectTypeOf<OrderStatus>().toEqualTypeOf<
    | "unknown" | "completed" | "pending" | "pending_po_upload" | "po_upload_complete" | "cancelled"
    | "partial_success" | "po_review_rejected" | "suspended" | "pending_review" | "error"
  >();
  expectTypeOf<components["schemas"]["Order"]>().toEqualTypeOf<Order>();
  expectTypeOf<paths["/customers/{customer_id}/orders"]["post"]>().toEqualTypeOf<operations["createOrder"]>();
  expectTypeOf<TypesOnly.Order>().toEqualTypeOf<Order>();
  expectTypeOf<TypesOnly.OrderStatus>().toEqualTypeOf<OrderStatus>();
}
