// The fake's orders: in memory, per customer, shaped as the spec's Order.
import type {
  Order,
  OrderCreate,
  OrderLineItem,
  OrderLineItemActivationLinkCollection,
  OrderLineItemCreate,
  OrderLineItemProvisioningStatusCollection,
  OrderUpdate,
} from "../../generated/schema";

const link = (uri: string, method = "GET") => ({ uri, method, headers: [] as { key: string; value: string }[] });
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join("");
const orderId = () => {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  return Array.from({ length: 32 }, () => alphabet[Math.floor(Math.random() * 64)]).join("") + "1";
};

function lineItem(item: OrderLineItemCreate): OrderLineItem {
  const [product, sku, availability] = item.offerId.split(":");
  const links: OrderLineItem["links"] = {};
  if (product) links.product = link(`/products/${product}?country=US`);
  if (product && sku) links.sku = link(`/products/${product}/skus/${sku}?country=US`);
  if (product && sku && availability) links.availability = link(`/products/${product}/skus/${sku}/availabilities/${availability}?country=US`);
  const { attributes: _attributes, ...given } = item;
  return { ...given, transactionType: "New", links, attributes: { objectType: "OrderLineItem" } };
}

export class OrderStore {
  private readonly byCustomer = new Map<string, Map<string, Order>>();

  create(customerId: string, body: OrderCreate): Order {
    const id = orderId();
    const self = `/customers/${customerId}/orders/${id}`;
    const order: Order = {
      id,
      alternateId: hex(12),
      referenceCustomerId: customerId,
      billingCycle: body.billingCycle ?? "monthly",
      currencyCode: "USD",
      currencySymbol: "$",
      lineItems: body.lineItems.map(lineItem),
      creationDate: new Date().toISOString(),
      status: "pending",
      transactionType: "UserPurchase",
      ...(body.partnerOnRecordAttestationAccepted === undefined
        ? {}
        : { partnerOnRecordAttestationAccepted: body.partnerOnRecordAttestationAccepted }),
      links: { self: link(self), provisioningStatus: link(`${self}/provisioningstatus`), patchOperation: link(self, "PATCH") },
      client: {},
      attributes: { objectType: "Order" },
    };
    const orders = this.byCustomer.get(customerId) ?? new Map<string, Order>();
    orders.set(id, order);
    this.byCustomer.set(customerId, orders);
    return order;
  }

  get(customerId: string, id: string): Order | undefined {
    return this.byCustomer.get(customerId)?.get(id);
  }

  list(customerId: string, billingCycle?: string): Order[] {
    const all = [...(this.byCustomer.get(customerId)?.values() ?? [])];
    return billingCycle ? all.filter((o) => o.billingCycle === billingCycle) : all;
  }

  /** Applies a patch; a string is the Partner Center error code and message for a refused one. */
  update(customerId: string, id: string, patch: OrderUpdate): Order | [number, string] | undefined {
    const order = this.get(customerId, id);
    if (!order) return undefined;
    if (patch.status === "cancelled") {
      if (order.status === "cancelled") return [800061, "Order can't be canceled."];
      order.status = "cancelled";
    }
    if (patch.billingCycle) order.billingCycle = patch.billingCycle;
    for (const item of patch.lineItems ?? []) {
      const existing = order.lineItems.find((l) => l.lineItemNumber === item.lineItemNumber);
      if (existing && patch.status === "cancelled") existing.quantity = 0;
      if (!existing && item.parentSubscriptionId) {
        order.lineItems.push(lineItem({ ...item, quantity: item.quantity ?? 1 }));
      }
    }
    return order;
  }

  provisioningStatus(order: Order): OrderLineItemProvisioningStatusCollection {
    const status = order.status === "pending" ? "pending" : "fulfilled";
    const items = order.lineItems.map((l) => ({
      lineItemNumber: l.lineItemNumber,
      status,
      quantityProvisioningInformation: [{ quantity: l.quantity, status }],
    }));
    return { totalCount: items.length, items, attributes: { objectType: "Collection" } };
  }

  activationLinks(order: Order, lineItemNumber?: number): OrderLineItemActivationLinkCollection {
    const items = order.lineItems
      .filter((l) => lineItemNumber === undefined || l.lineItemNumber === lineItemNumber)
      .map((l) => ({ lineItemNumber: l.lineItemNumber, link: link(`https://marketplace.test/activate/${order.id}/${l.lineItemNumber}`) }));
    return { totalCount: items.length, items, attributes: { objectType: "Collection" } };
  }

  /** Every order, across customers. */
  all(): Order[] {
    return [...this.byCustomer.values()].flatMap((orders) => [...orders.values()]);
  }

  clear(): void {
    this.byCustomer.clear();
  }
}
