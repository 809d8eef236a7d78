// The fake's orders: in memory, per customer, shaped as the spec's Order. Requests reach it bound
// (canonical keys, no read-only fields); customer ids are GUIDs, kept in lower case so that any
// casing finds the customer, as it does in Partner Center. How an order moves after it is placed
// is the lifecycle's (lifecycle.ts).
import type {
  Order,
  OrderAttachment,
  OrderLineItem,
  OrderLineItemActivationLinkCollection,
  OrderLineItemProvisioningStatusCollection,
  PlacedOrder,
} from "../../../generated/schema";
import { sameOrderId } from "../../rules/ids";
import type { Refusal } from "./cancellation";
import type { Lifecycle } from "./lifecycle";

type NewLineItem = OrderLineItem & { quantity: number };
/** A bound createOrder body. */
export type NewOrder = Omit<Order, "lineItems"> & { lineItems: NewLineItem[] };

const link = (uri: string, method = "GET") => ({ uri, method, headers: [] as { key: string; value: string }[] });
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join("");
const orderId = () => {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  return Array.from({ length: 32 }, () => alphabet[Math.floor(Math.random() * 64)]).join("") + "1";
};

function lineItem(item: NewLineItem): OrderLineItem {
  const [product, sku, availability] = item.offerId.split(":");
  const links: OrderLineItem["links"] = {};
  if (product) links.product = link(`/products/${product}?country=US`);
  if (product && sku) links.sku = link(`/products/${product}/skus/${sku}?country=US`);
  if (product && sku && availability)
    links.availability = link(`/products/${product}/skus/${sku}/availabilities/${availability}?country=US`);
  return { ...item, transactionType: "New", links, attributes: { objectType: "OrderLineItem" } };
}

const customerKey = (customerId: string) => customerId.toLowerCase();

export interface StoredAttachment {
  metadata: OrderAttachment;
  content: Buffer;
  contentType: string;
}

export class OrderStore {
  private readonly byCustomer = new Map<string, Map<string, PlacedOrder>>();
  /** Each customer's orders in the order placed, for pages that cost what they hold. */
  private readonly placed = new Map<string, PlacedOrder[]>();
  private readonly files = new WeakMap<PlacedOrder, StoredAttachment[]>();

  constructor(
    private readonly lifecycle: Lifecycle,
    private readonly now: () => number = Date.now,
  ) {}

  create(customerId: string, body: NewOrder): PlacedOrder {
    const id = orderId();
    const self = `/customers/${customerId}/orders/${id}`;
    const order: PlacedOrder = {
      id,
      alternateId: hex(12),
      referenceCustomerId: customerId,
      billingCycle: body.billingCycle ?? "monthly",
      currencyCode: "USD",
      currencySymbol: "$",
      lineItems: body.lineItems.map(lineItem),
      creationDate: new Date(this.now()).toISOString(),
      status: "pending",
      transactionType: "UserPurchase",
      ...(body.partnerOnRecordAttestationAccepted === undefined
        ? {}
        : { partnerOnRecordAttestationAccepted: body.partnerOnRecordAttestationAccepted }),
      links: {
        self: link(self),
        provisioningStatus: link(`${self}/provisioningstatus`),
        patchOperation: link(self, "PATCH"),
      },
      client: {},
      attributes: { objectType: "Order" },
    };
    this.lifecycle.placed(order);
    const orders = this.byCustomer.get(customerKey(customerId)) ?? new Map<string, PlacedOrder>();
    orders.set(id, order);
    this.byCustomer.set(customerKey(customerId), orders);
    const inOrder = this.placed.get(customerKey(customerId)) ?? [];
    inOrder.push(order);
    this.placed.set(customerKey(customerId), inOrder);
    return order;
  }

  get(customerId: string, id: string): PlacedOrder | undefined {
    const orders = this.byCustomer.get(customerKey(customerId));
    const order = orders?.get(id) ?? [...(orders?.values() ?? [])].find((o) => sameOrderId(o.id, id));
    if (order) this.lifecycle.advance(order, false);
    return order;
  }

  list(customerId: string, billingCycle?: string): PlacedOrder[] {
    const all = [...(this.byCustomer.get(customerKey(customerId))?.values() ?? [])];
    if (this.lifecycle.timed) for (const order of all) this.lifecycle.advance(order, false);
    return billingCycle ? all.filter((o) => o.billingCycle === billingCycle) : all;
  }

  /**
   * Up to `count` orders that `keep` takes, from position `from` in the order they were placed,
   * and the position of the next one it takes, if any: it looks at the page's orders and those it
   * skips, never at every order, so paging through n orders costs O(n) in all.
   */
  page(
    customerId: string,
    from: number,
    count: number,
    keep: (order: PlacedOrder) => boolean,
  ): { items: PlacedOrder[]; next: number | undefined } {
    const all = this.placed.get(customerKey(customerId)) ?? [];
    const items: PlacedOrder[] = [];
    for (let i = from; i < all.length; i++) {
      const order = all[i]!;
      this.lifecycle.advance(order, false);
      if (!keep(order)) continue;
      if (items.length === count) return { items, next: i };
      items.push(order);
    }
    return { items, next: undefined };
  }

  /** Applies a bound patch, or gives the documented refusal of a cancel the service refuses (`refuseCancel`). */
  update(
    customerId: string,
    id: string,
    patch: Order,
    refuseCancel: (order: PlacedOrder) => Refusal | undefined,
  ): PlacedOrder | Refusal | undefined {
    const order = this.get(customerId, id);
    if (!order) return undefined;
    if (patch.status === "cancelled") {
      const refusal = refuseCancel(order);
      if (refusal) return refusal;
      order.status = "cancelled";
    }
    if (patch.billingCycle) order.billingCycle = patch.billingCycle;
    for (const item of patch.lineItems ?? []) {
      // An add-on becomes a new line of the order, whatever number the patch gave it (the docs'
      // add-on example sends 0 and gets it back as line 1).
      if (item.parentSubscriptionId) {
        order.lineItems.push(
          lineItem({ ...item, lineItemNumber: order.lineItems.length, quantity: item.quantity ?? 1 }),
        );
        continue;
      }
      const existing = order.lineItems.find((l) => l.lineItemNumber === item.lineItemNumber);
      if (existing && patch.status === "cancelled") existing.quantity = 0;
    }
    return order;
  }

  /** An App-only caller read the order (getOrder): under `provisioning: { polls }` it counts as one poll. */
  read(order: PlacedOrder): void {
    this.lifecycle.advance(order, true);
  }

  /** The provisioning status, which is also what moves an order on under `provisioning: { polls }`. */
  provisioningStatus(order: PlacedOrder): OrderLineItemProvisioningStatusCollection {
    this.lifecycle.advance(order, true);
    const items = order.lineItems.map((l) => {
      const status = this.lifecycle.lineItemStatus(order, l);
      return {
        lineItemNumber: l.lineItemNumber,
        status,
        quantityProvisioningInformation: [{ quantity: l.quantity ?? 0, status }],
      };
    });
    return { totalCount: items.length, items, attributes: { objectType: "Collection" } };
  }

  activationLinks(order: PlacedOrder, lineItemNumber?: number): OrderLineItemActivationLinkCollection {
    const items = order.lineItems
      .filter((l) => lineItemNumber === undefined || l.lineItemNumber === lineItemNumber)
      .map((l) => ({
        lineItemNumber: l.lineItemNumber,
        link: link(`https://marketplace.test/activate/${order.id}/${l.lineItemNumber}`),
      }));
    return { totalCount: items.length, items, attributes: { objectType: "Collection" } };
  }

  /** Keeps uploaded purchase-order and tender files; the order's purchase order is then complete. */
  async attach(order: PlacedOrder, poFiles: Blob[], tenderFiles: Blob[]): Promise<OrderAttachment[]> {
    const added: StoredAttachment[] = [];
    for (const [files, attachmentType] of [
      [poFiles, "POAttachment"],
      [tenderFiles, "TenderAttachment"],
    ] as const) {
      for (const file of files) {
        const content = Buffer.from(await file.arrayBuffer());
        const metadata = {
          attachmentId: hex(14),
          fileName: file instanceof File ? file.name : "attachment",
          sizeInKB: Math.ceil(content.length / 1024),
          attachmentType,
        };
        added.push({ metadata, content, contentType: file.type || "application/octet-stream" });
      }
    }
    this.files.set(order, [...this.attachments(order), ...added]);
    this.lifecycle.attached(order);
    return added.map((a) => a.metadata);
  }

  attachments(order: PlacedOrder): StoredAttachment[] {
    return this.files.get(order) ?? [];
  }

  /** Every order, across customers. */
  all(): PlacedOrder[] {
    return [...this.byCustomer.values()].flatMap((orders) => [...orders.values()]);
  }

  clear(): void {
    this.byCustomer.clear();
    this.placed.clear();
  }
}
