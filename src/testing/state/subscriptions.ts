// The fake's subscriptions: one per provisioned line of an order, with the fields the service's
// new-commerce subscriptions carry (a term, auto-renew, an ETag, the cancellation window and the
// seats still removable, tranche by tranche), changed by updateSubscription as the service
// changes them: the body is the whole resource, so an absent auto-renew is false and absent
// instructions are deleted; windows close on the fake's clock, terms renew on it (D71, D72).
import type { PlacedOrder, Subscription } from "../../../generated/schema";
import { errorAnswer, type Answer } from "../wire/answers";
import type { OfferKind } from "./cancellation";
import type { Catalog } from "./catalog";

const DAY_MS = 86_400_000;
/** New commerce: cancel, and remove seats, within 7 days of purchase, renewal or their adding. */
export const NEW_COMMERCE_WINDOW_MS = 7 * DAY_MS;
/** Software: the docs' example allows cancelling 30 days after purchase; SaaS 72 hours. */
const WINDOWS: Partial<Record<OfferKind, number>> = {
  "new-commerce": NEW_COMMERCE_WINDOW_MS,
  software: 30 * DAY_MS,
  "perpetual-software": 30 * DAY_MS,
  marketplace: 3 * DAY_MS,
  "seat-based-saas": 3 * DAY_MS,
};
/** The most terms one read renews: a clock moved decades on still costs a bounded loop. */
const MAX_RENEWALS = 1_200;

interface Tranche {
  quantity: number;
  /** The last moment these seats may be removed. */
  until: number;
}

interface Stored {
  subscription: Subscription;
  kind: OfferKind;
  tranches: Tranche[];
  version: number;
  /** Before this moment a change is answered 409 800082: it is still provisioning. */
  readyAt: number;
  /** A change answered 202, and when it shows. */
  pending?: { after: Subscription; at: number; tranches: Tranche[] };
}

export interface SubscriptionRules {
  catalog: Catalog;
  kindOf(offerId: string): OfferKind;
  now(): number;
  /** How long a new subscription answers changes 409 800082. */
  readyAfterMs: number;
  /** 0: a change answers 200; more: it answers 202 and shows this much later. */
  updateDelayMs: number;
}

/** The end of a term that starts at `start`, from its ISO 8601 duration (P1M, P1Y, P3Y); a month when there is none. */
function termEnd(start: number, termDuration: string | undefined): number {
  const [, years, months] = /^P(?:(\d+)Y)?(?:(\d+)M)?/.exec(termDuration ?? "") ?? [];
  const end = new Date(start);
  const span = years || months ? 12 * Number(years ?? 0) + Number(months ?? 0) : 1;
  end.setUTCMonth(end.getUTCMonth() + span);
  return end.getTime();
}

const iso = (ms: number) => new Date(ms).toISOString();
const etagOf = (id: string, version: number) => Buffer.from(JSON.stringify({ id, version })).toString("base64");
const link = (uri: string) => ({ uri, method: "GET", headers: [] });
const key = (customerId: string, id: string) => `${customerId.toLowerCase()}/${id.toLowerCase()}`;

const NOT_FOUND = (id: string) => errorAnswer(404, 20003, `Subscription with ID ${id} not found`);

export class SubscriptionStore {
  private readonly stored = new Map<string, Stored>();

  constructor(private readonly rules: SubscriptionRules) {}

  /** Takes in the subscriptions of the customer's provisioned lines not seen before. */
  sync(orders: readonly PlacedOrder[]): void {
    for (const order of orders) {
      for (const line of order.lineItems) {
        if (!line.subscriptionId) continue;
        const at = key(order.referenceCustomerId ?? "", line.subscriptionId);
        const known = this.stored.get(at);
        if (known) {
          // A cancelled order's subscriptions are gone with it.
          if (order.status === "cancelled") known.subscription.status = "deleted";
          continue;
        }
        this.stored.set(at, this.created(order, line));
      }
    }
  }

  private created(order: PlacedOrder, line: PlacedOrder["lineItems"][number]): Stored {
    const { catalog, readyAfterMs } = this.rules;
    const start = Date.parse(order.creationDate ?? "") || this.rules.now();
    const kind = this.rules.kindOf(line.offerId);
    const product = catalog.productOf(line.offerId);
    const [productId, skuId, availabilityId] = line.offerId.split(":");
    const sku = product?.skus.find((s) => s.id === skuId);
    const name = typeof sku?.title === "string" ? sku.title : line.friendlyName;
    const window = WINDOWS[kind];
    const customerId = order.referenceCustomerId ?? "";
    const end = termEnd(start, line.termDuration);
    const subscription: Subscription = {
      id: line.subscriptionId!,
      offerId: line.offerId,
      ...(name ? { offerName: name, friendlyName: name } : {}),
      productType: (product?.productType as Subscription["productType"]) ?? {
        id: kind === "new-commerce" ? "OnlineServicesNCE" : kind === "azure-plan" ? "Azure" : "Software",
        displayName: kind === "new-commerce" ? "OnlineServicesNCE" : kind === "azure-plan" ? "Azure" : "Software",
      },
      quantity: line.quantity ?? 0,
      unitType: "Licenses",
      hasPurchasableAddons: false,
      creationDate: iso(start),
      effectiveStartDate: iso(start),
      commitmentEndDate: iso(end),
      commitmentEndDateTime: iso(end - 1_000),
      ...(window === undefined ? {} : { cancellationAllowedUntilDate: iso(start + window) }),
      status: order.status === "cancelled" ? "deleted" : "active",
      autoRenewEnabled: kind !== "azure-plan",
      isTrial: false,
      billingType: "license",
      ...(order.billingCycle ? { billingCycle: order.billingCycle } : {}),
      ...(line.termDuration ? { termDuration: line.termDuration } : {}),
      renewalTermDuration: "",
      isMicrosoftProduct: true,
      partnerId: line.partnerIdOnRecord ?? "",
      attentionNeeded: false,
      actionTaken: false,
      contractType: "subscription",
      orderId: order.id,
      links: {
        ...(productId && skuId && availabilityId
          ? {
              product: link(`/products/${productId}?country=US`),
              sku: link(`/products/${productId}/skus/${skuId}?country=US`),
              availability: link(`/products/${productId}/skus/${skuId}/availabilities/${availabilityId}?country=US`),
            }
          : {}),
        self: link(`/customers/${customerId}/subscriptions/${line.subscriptionId}`),
      },
      attributes: { objectType: "Subscription" },
    };
    const tranches = kind === "new-commerce" ? [{ quantity: subscription.quantity ?? 0, until: start + window! }] : [];
    return { subscription, kind, tranches, version: 1, readyAt: this.rules.now() + readyAfterMs };
  }

  /** The stored subscription, its pending change applied and its terms renewed as of now. */
  private current(customerId: string, id: string): Stored | undefined {
    const stored = this.stored.get(key(customerId, id));
    if (!stored) return undefined;
    const now = this.rules.now();
    if (stored.pending && stored.pending.at <= now) {
      stored.subscription = stored.pending.after;
      stored.tranches = stored.pending.tranches;
      stored.version += 1;
      delete stored.pending;
    }
    this.renew(stored, now);
    return stored;
  }

  /** Every term that has ended since: renewed (seats refundable again for 7 days) when auto-renew is on, else expired. */
  private renew(stored: Stored, now: number): void {
    const s = stored.subscription;
    for (let i = 0; i < MAX_RENEWALS; i++) {
      const end = Date.parse(s.commitmentEndDate ?? "");
      if (!(end <= now) || (s.status !== "active" && s.status !== "suspended")) return;
      if (!s.autoRenewEnabled) {
        s.status = "expired";
        return;
      }
      const next = termEnd(end, s.termDuration);
      s.commitmentEndDate = iso(next);
      s.commitmentEndDateTime = iso(next - 1_000);
      const window = WINDOWS[stored.kind];
      if (window !== undefined) s.cancellationAllowedUntilDate = iso(end + window);
      if (stored.kind === "new-commerce") stored.tranches = [{ quantity: s.quantity ?? 0, until: end + window! }];
      stored.version += 1;
    }
  }

  /** The subscription as a read answers it: its ETag, and the seats still removable now. */
  private shown(stored: Stored): Subscription {
    const now = this.rules.now();
    const open = stored.tranches.filter((t) => t.until > now);
    const { subscription } = stored;
    return {
      ...structuredClone(subscription),
      ...(stored.kind === "new-commerce"
        ? {
            refundableQuantity: {
              totalQuantity: open.reduce((sum, t) => sum + t.quantity, 0),
              details: open.map((t) => ({ quantity: t.quantity, allowedUntilDateTime: iso(t.until) })),
            },
          }
        : {}),
      attributes: { etag: etagOf(subscription.id, stored.version), objectType: "Subscription" },
    };
  }

  get(customerId: string, id: string): Answer {
    const stored = this.current(customerId, id);
    return stored ? { status: 200, body: this.shown(stored) } : NOT_FOUND(id);
  }

  /** The customer's subscriptions that `keep` takes, as reads answer them. */
  list(customerId: string, keep: (s: Subscription) => boolean): Subscription[] {
    const prefix = `${customerId.toLowerCase()}/`;
    return [...this.stored.keys()]
      .filter((k) => k.startsWith(prefix))
      .map((k) => this.current(customerId, k.slice(prefix.length))!)
      .map((stored) => this.shown(stored))
      .filter(keep);
  }

  /**
   * updateSubscription as the service answers it: `body` is the whole resource (D70). Returns the
   * answer, and the subscription before and after when it changed (for the audit log).
   */
  update(
    customerId: string,
    id: string,
    body: Subscription,
    ifMatch: string | undefined,
  ): { answer: Answer; before?: Subscription; after?: Subscription } {
    const stored = this.current(customerId, id);
    if (!stored) return { answer: NOT_FOUND(id) };
    const now = this.rules.now();
    const before = this.shown(stored);
    if (ifMatch !== undefined && ifMatch.replace(/^"|"$/g, "") !== before.attributes?.etag)
      return { answer: errorAnswer(400, 2055, "Etag is no longer valid") };
    if (now < stored.readyAt)
      return { answer: errorAnswer(409, 800082, "Subscription is not ready to be updated. Try again after sometime") };
    if (stored.pending)
      return {
        answer: errorAnswer(
          409,
          900278,
          "There is a pending operation on this subscription. Please try again after 24 hours",
        ),
      };
    const refusal = this.refusal(stored, body, now);
    if (refusal) return { answer: refusal };
    const { after, tranches } = this.applied(stored, body, now);
    if (this.rules.updateDelayMs > 0) {
      stored.pending = { after, tranches, at: now + this.rules.updateDelayMs };
      const self = `/customers/${customerId}/subscriptions/${stored.subscription.id}`;
      return { answer: { status: 202, body: undefined, headers: { Location: self } }, before, after };
    }
    stored.subscription = after;
    stored.tranches = tranches;
    stored.version += 1;
    return { answer: { status: 200, body: this.shown(stored) }, before, after: this.shown(stored) };
  }

  /** The documented refusal of this change, if any (error-codes; the cancellation and seat windows). */
  private refusal(stored: Stored, body: Subscription, now: number): Answer | undefined {
    const s = stored.subscription;
    const status = body.status ?? s.status;
    if (s.status === "deleted") return errorAnswer(400, 2011, "Subscription with deleted status can't be updated");
    if (s.status === "expired")
      return errorAnswer(400, 900277, "This subscription is being expired; no further updates are allowed");
    const quantity = body.quantity ?? s.quantity ?? 0;
    if (s.status === "suspended" && status === "suspended" && quantity !== s.quantity)
      return errorAnswer(400, 800091, "Can't update a subscription with suspended status");
    if (status === "deleted") {
      if (stored.kind !== "new-commerce" && stored.kind !== "marketplace" && stored.kind !== "seat-based-saas")
        return errorAnswer(400, 800096, "Can't update the status for this subscription");
      if (now > Date.parse(s.cancellationAllowedUntilDate ?? ""))
        return errorAnswer(400, 900117, "You have passed your 7-day cancellation window.");
    }
    const sku = this.rules.catalog
      .productOf(s.offerId ?? "")
      ?.skus.find((k) => k.id === (s.offerId ?? "").split(":")[1]);
    const min = typeof sku?.minimumQuantity === "number" ? sku.minimumQuantity : 1;
    const max = typeof sku?.maximumQuantity === "number" ? sku.maximumQuantity : Number.MAX_SAFE_INTEGER;
    if (status !== "deleted" && quantity !== s.quantity && (quantity < min || quantity > max))
      return errorAnswer(400, 2002, "The quantity isn't within the minimum and maximum allowed quantity");
    const removing = (s.quantity ?? 0) - quantity;
    if (removing > 0 && status !== "deleted") {
      if (stored.kind !== "new-commerce") return errorAnswer(400, 800090, "Subscription quantity cannot be decreased.");
      const removable = stored.tranches.filter((t) => t.until > now).reduce((sum, t) => sum + t.quantity, 0);
      if (removing > removable)
        return errorAnswer(400, 900257, "You have passed your 7-day window for reducing seats.");
    }
    return undefined;
  }

  /** The subscription after the change: what the body says, auto-renew off and instructions gone where it is silent. */
  private applied(stored: Stored, body: Subscription, now: number): { after: Subscription; tranches: Tranche[] } {
    const s = stored.subscription;
    const after: Subscription = structuredClone(s);
    const quantity = body.quantity ?? s.quantity ?? 0;
    let tranches = stored.tranches.map((t) => ({ ...t }));
    const change = quantity - (s.quantity ?? 0);
    if (change > 0 && stored.kind === "new-commerce")
      tranches.push({ quantity: change, until: now + NEW_COMMERCE_WINDOW_MS });
    if (change < 0) tranches = removeSeats(tranches, -change, now);
    after.quantity = quantity;
    if (body.friendlyName !== undefined) after.friendlyName = body.friendlyName;
    if (body.partnerId !== undefined) after.partnerId = body.partnerId;
    if (body.billingCycle !== undefined) after.billingCycle = body.billingCycle;
    if (body.termDuration !== undefined) after.termDuration = body.termDuration;
    // "If these attributes are not provided, autoRenewEnabled will inadvertently get set to false
    // or the next term/billing instructions will be deleted" (update-a-subscription-by-id).
    after.autoRenewEnabled = body.autoRenewEnabled === true;
    if (body.scheduledNextTermInstructions) after.scheduledNextTermInstructions = body.scheduledNextTermInstructions;
    else delete after.scheduledNextTermInstructions;
    if (body.nextChargeInstructions) after.nextChargeInstructions = body.nextChargeInstructions;
    else delete after.nextChargeInstructions;
    if (body.status !== undefined) after.status = body.status;
    // "Suspending a new commerce subscription will turn off auto-renew"; billing goes on.
    if (after.status === "suspended" && stored.kind === "new-commerce") after.autoRenewEnabled = false;
    return { after, tranches: after.status === ("deleted" as Subscription["status"]) ? [] : tranches };
  }

  clear(): void {
    this.stored.clear();
  }
}

/** The tranches after removing `count` seats from the open ones, newest first. */
function removeSeats(tranches: Tranche[], count: number, now: number): Tranche[] {
  let left = count;
  for (const tranche of [...tranches].reverse()) {
    if (left === 0 || tranche.until <= now) continue;
    const taken = Math.min(left, tranche.quantity);
    tranche.quantity -= taken;
    left -= taken;
  }
  return tranches.filter((t) => t.quantity > 0);
}
