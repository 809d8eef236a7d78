// How the fake's orders move once placed, as Partner Center's do: a new order is `pending`, its
// line items unfulfilled; provisioning finishes after so many reads of its provisioning status (or,
// for an App-only caller, which may not read that, of the order) or so many milliseconds (`provisioning: { polls } | { afterMs }`), and the order becomes
// `completed` with a subscription id (and `links.subscription`) on each line item. A line item
// whose offer is in `failOffers` is not provisioned: the order ends `partial_success`, or `error`
// when no line item was. An order for an offer in `purchaseOrderOffers` waits in
// `pending_po_upload` until a purchase order is attached, and provisioning starts then. A cancelled
// order goes no further.
import type { OrderLineItem, PlacedOrder } from "../../../generated/schema";

export type ProvisioningPlan = { polls: number } | { afterMs: number };

export interface LifecycleOptions {
  /** When provisioning finishes: after this many reads of the provisioning status (an App-only caller's reads of the order), or this many ms. Default { polls: 1 }. */
  provisioning?: ProvisioningPlan | undefined;
  /** Offers whose line items fail to provision. */
  failOffers?: readonly string[] | undefined;
  /** Offers whose orders need a purchase order: held in pending_po_upload until one is attached. */
  purchaseOrderOffers?: readonly string[] | undefined;
}

/** A line item's provisioning state, in the documented spellings (D11, D31). */
export type LineItemProvisioning = "fulfilled" | "unfulfilled" | "prefulfillmentpending";

interface Progress {
  /** Reads of the provisioning status since provisioning could start. */
  reads: number;
  /** When provisioning could start: the order placed, or its purchase order attached. */
  since: number;
}

const WAITING = new Set(["pending", "po_upload_complete"]);

const guid = () => crypto.randomUUID();

export class Lifecycle {
  private readonly progress = new WeakMap<PlacedOrder, Progress>();
  private readonly plan: ProvisioningPlan;
  private readonly failing: ReadonlySet<string>;
  private readonly needsPurchaseOrder: ReadonlySet<string>;

  constructor(
    options: LifecycleOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.plan = options.provisioning ?? { polls: 1 };
    this.failing = new Set(options.failOffers ?? []);
    this.needsPurchaseOrder = new Set(options.purchaseOrderOffers ?? []);
  }

  /** A new order's first state. */
  placed(order: PlacedOrder): void {
    order.status = order.lineItems.some((l) => this.needsPurchaseOrder.has(l.offerId))
      ? "pending_po_upload"
      : "pending";
    this.progress.set(order, { reads: 0, since: this.now() });
  }

  /** A purchase order was attached: a held order can be provisioned from now. */
  attached(order: PlacedOrder): void {
    if (order.status !== "pending_po_upload") return;
    order.status = "po_upload_complete";
    this.progress.set(order, { reads: 0, since: this.now() });
  }

  /** Whether orders move on by the clock (`afterMs`), and so on any read, not only provisioning reads. */
  get timed(): boolean {
    return "afterMs" in this.plan;
  }

  /** Moves the order on if its time has come; `statusRead` counts a poll. */
  advance(order: PlacedOrder, statusRead: boolean): void {
    if (!statusRead && !this.timed) return;
    const progress = this.progress.get(order);
    if (!progress || !WAITING.has(order.status ?? "")) return;
    if (statusRead) progress.reads += 1;
    const due =
      "polls" in this.plan ? progress.reads >= this.plan.polls : this.now() - progress.since >= this.plan.afterMs;
    if (due) this.provision(order);
  }

  lineItemStatus(order: PlacedOrder, item: OrderLineItem): LineItemProvisioning {
    if (order.status === "pending_po_upload") return "prefulfillmentpending";
    return item.subscriptionId ? "fulfilled" : "unfulfilled";
  }

  private provision(order: PlacedOrder): void {
    let provisioned = 0;
    for (const item of order.lineItems) {
      if (this.failing.has(item.offerId)) continue;
      item.subscriptionId = guid();
      // links is read-only to a client; the service (here, the fake) sets it.
      const subscription = {
        uri: `/customers/${order.referenceCustomerId}/subscriptions/${item.subscriptionId}`,
        method: "GET",
        headers: [],
      };
      Object.assign(item, { links: { ...item.links, subscription } });
      provisioned += 1;
    }
    order.status = provisioned === order.lineItems.length ? "completed" : provisioned ? "partial_success" : "error";
    this.progress.delete(order);
  }
}
