// The fake's carts, as Partner Center's behave: line items grouped into order groups, one order
// each at checkout; a checkout that is idempotent (a cart checked out before answers the first
// result and places nothing, D43); 409 800064 for a checkout that overlaps another of the same
// cart; expiry 7 days after creation (404 800008, D41); per-offer cart errors set on the line items
// at create and update, which make the checkout refuse the cart (400 800009, D46); and per-offer
// failures while an order is created, whose groups the checkout lists in `orderErrors`.
import type { PurchaseLine } from "./purchase-rules";
import type { Cart, CartCheckoutResult, CartLineItem, PlacedOrder } from "../../../generated/schema";
import { enumKey } from "../../rules/bind";
import { errorAnswer, type Answer } from "../wire/answers";
import type { NewOrder, OrderStore } from "./store";

/** An error of an offer's lines: a code (a CartErrorCode for `cartErrors`) and its description. */
export interface CartErrorPlan {
  code: number;
  description: string;
}

export interface CartRules {
  /** How long a cart lives after it is created, in milliseconds. */
  lifetimeMs: number;
  /** Why the service would refuse to place these lines, if it would (the catalog and the prerequisites). */
  refusePurchase(customerId: string, lines: PurchaseLine[]): Answer | undefined;
  /** How long a checkout takes after its orders are placed before it answers, in milliseconds. */
  checkoutDelayMs: number;
  /** Errors set on the lines of these offers. */
  errors: ReadonlyMap<string, CartErrorPlan>;
  /** Errors of these offers' orders at checkout: their groups are not placed but listed in orderErrors. */
  checkoutErrors: ReadonlyMap<string, CartErrorPlan>;
  /** Offers whose lines need `attestationAccepted: true` (CartErrorCode 10012 otherwise). */
  attestationOffers: ReadonlySet<string>;
  /** Told of every order a checkout places. */
  onCreate(customerId: string, order: PlacedOrder, correlationId?: string): void;
  now(): number;
}

/** A cart as the fake keeps it: the service's own fields, read-only to a client, are its to change. */
type KeptCart = { -readonly [K in keyof Cart]: Cart[K] } & { id: string; lineItems: CartLineItem[] };

interface StoredCart {
  cart: KeptCart;
  created: number;
  /** The first successful checkout's answer, given again to every later checkout. */
  result?: CartCheckoutResult;
  /** Set while a checkout of this cart is being answered. */
  checkingOut: boolean;
}

/** 409 800064: another request is checking this cart out (error-codes). */
export const cartInProgress = (cartId: string): Answer =>
  errorAnswer(409, 800064, `Cart ${cartId} is being processed by another request.`);

/** The fake's answer when a cart is not there: never created, or expired. */
const notFound = (): Answer => errorAnswer(404, 800008, "Unable to retrieve cart id.");
const link = (uri: string) => ({ uri, method: "GET", headers: [] as { key: string; value: string }[] });

export class CartStore {
  // Cart ids are the caller's data: a Map, keyed by customer and lower-cased GUID.
  private readonly carts = new Map<string, StoredCart>();

  constructor(
    private readonly orders: OrderStore,
    private readonly rules: CartRules,
  ) {}

  private key(customerId: string, cartId: string): string {
    return `${customerId.toLowerCase()}/${cartId.toLowerCase()}`;
  }

  /** The cart, unless it was never created or has expired. */
  private find(customerId: string, cartId: string): StoredCart | undefined {
    const stored = this.carts.get(this.key(customerId, cartId));
    if (stored && this.rules.now() - stored.created >= this.rules.lifetimeMs) {
      this.carts.delete(this.key(customerId, cartId));
      return undefined;
    }
    return stored;
  }

  create(customerId: string, body: Cart): Answer {
    const id = crypto.randomUUID();
    const now = this.rules.now();
    const cart = {
      id,
      creationTimestamp: new Date(now).toISOString(),
      lastModifiedTimestamp: new Date(now).toISOString(),
      expirationTimestamp: new Date(now + this.rules.lifetimeMs).toISOString(),
      lastModifiedUser: "00000000-0000-4000-8000-00000000fa4e",
      status: "Active",
      lineItems: this.lines(body.lineItems ?? []),
      ...(body.partnerOnRecordAttestationAccepted === undefined
        ? {}
        : { partnerOnRecordAttestationAccepted: body.partnerOnRecordAttestationAccepted }),
      links: { self: link(`/customers/${customerId}/carts/${id}`) },
      attributes: { objectType: "Cart" },
    };
    this.carts.set(this.key(customerId, id), { cart, created: now, checkingOut: false });
    return { status: 201, body: cart };
  }

  get(customerId: string, cartId: string): Answer {
    const stored = this.find(customerId, cartId);
    return stored ? { status: 200, body: stored.cart } : notFound();
  }

  update(customerId: string, cartId: string, body: Cart): Answer {
    const stored = this.find(customerId, cartId);
    if (!stored) return notFound();
    if (stored.result || stored.checkingOut) {
      return errorAnswer(400, 800065, `Can't update cart ${stored.cart.id}: it was already submitted.`);
    }
    stored.cart.lineItems = this.lines(body.lineItems ?? []);
    stored.cart.lastModifiedTimestamp = new Date(this.rules.now()).toISOString();
    if (body.partnerOnRecordAttestationAccepted !== undefined)
      stored.cart.partnerOnRecordAttestationAccepted = body.partnerOnRecordAttestationAccepted;
    return { status: 200, body: stored.cart };
  }

  /**
   * Refuses a cart with a line in error (400 800009); else places one order per order group, each
   * that does not fail (`checkoutErrors`), and answers after `checkoutDelayMs`. Meanwhile another
   * checkout of the cart is answered 409 800064; afterwards, the first result. A checkout that
   * placed nothing is not kept: the call can be made again, as the docs say.
   */
  /** `correlationId` is the request's, for the audit records of the orders it places. */
  async checkout(customerId: string, cartId: string, correlationId?: string): Promise<Answer> {
    const stored = this.find(customerId, cartId);
    if (!stored) return notFound();
    if (stored.checkingOut) return cartInProgress(stored.cart.id);
    if (stored.result) return { status: 201, body: stored.result };
    // A line in error refuses the cart whole, before anything is placed (D46).
    const inError = stored.cart.lineItems.filter((line) => line.error);
    if (inError.length) {
      return errorAnswer(
        400,
        800009,
        "Error in cart item(s).",
        inError.map((line) =>
          `lineItems[${line.id}]: ${line.error?.errorCode} ${line.error?.errorDescription ?? ""}`.trim(),
        ),
      );
    }
    const refused = this.rules.refusePurchase(customerId, stored.cart.lineItems.map(purchaseLineOf));
    if (refused) return refused;
    stored.checkingOut = true;
    try {
      const result = this.place(customerId, stored, correlationId);
      if (result.orders?.length) {
        stored.result = result;
        stored.cart.status = "Ordered";
      }
      if (this.rules.checkoutDelayMs > 0)
        await new Promise((resolve) => setTimeout(resolve, this.rules.checkoutDelayMs));
      return { status: 201, body: result };
    } finally {
      stored.checkingOut = false;
    }
  }

  private place(customerId: string, stored: StoredCart, correlationId: string | undefined): CartCheckoutResult {
    const groups = new Map<string, CartLineItem[]>();
    for (const line of stored.cart.lineItems) {
      const group = line.orderGroup ?? "0";
      groups.set(group, [...(groups.get(group) ?? []), line]);
    }
    const orders: PlacedOrder[] = [];
    const orderErrors: NonNullable<CartCheckoutResult["orderErrors"]> = [];
    for (const [group, lines] of groups) {
      const failed = lines.map((line) => this.rules.checkoutErrors.get(line.catalogItemId ?? "")).find(Boolean);
      if (failed) {
        orderErrors.push({ orderGroupId: group, code: failed.code, description: failed.description });
        continue;
      }
      const order = this.orders.create(customerId, orderOf(lines));
      orders.push(order);
      this.rules.onCreate(customerId, order, correlationId);
    }
    return { orders, orderErrors, attributes: { objectType: "CartCheckoutResult" } };
  }

  /** The lines as the service keeps them: numbered, priced in USD, grouped, with their errors. */
  private lines(items: CartLineItem[]): CartLineItem[] {
    // Lines of one billing cycle go into one order unless the caller grouped them, as the docs'
    // answers group a cart's one-time items together.
    const cycles: string[] = [];
    return items.map((item, i) => {
      const cycle = enumKey(item.billingCycle ?? "");
      if (!cycles.includes(cycle)) cycles.push(cycle);
      const error = this.errorFor(item);
      return {
        ...item,
        id: item.id ?? i,
        currencyCode: "USD",
        orderGroup: item.orderGroup ?? String(cycles.indexOf(cycle)),
        ...(error ? { error } : {}),
      };
    });
  }

  private errorFor(item: CartLineItem): CartLineItem["error"] {
    const planned = this.rules.errors.get(item.catalogItemId ?? "");
    if (planned) return { errorCode: planned.code, errorDescription: planned.description };
    if (this.rules.attestationOffers.has(item.catalogItemId ?? "") && item.attestationAccepted !== true) {
      return { errorCode: 10012, errorDescription: `Attestation must be accepted for ${item.catalogItemId}.` };
    }
    return undefined;
  }

  clear(): void {
    this.carts.clear();
  }
}

/** The order a group of cart lines becomes. */
function orderOf(lines: CartLineItem[]): NewOrder {
  return {
    billingCycle: lines[0]!.billingCycle,
    lineItems: lines.map((line, lineItemNumber) => ({
      lineItemNumber,
      offerId: line.catalogItemId!,
      quantity: line.quantity ?? 1,
      ...pick(line, [
        "friendlyName",
        "termDuration",
        "provisioningContext",
        "renewsTo",
        "promotionId",
        "customTermEndDate",
        "attestationAccepted",
        "purchaseCommitment",
        "additionalPartnerIdsOnRecord",
      ]),
    })),
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/** A cart line as a purchase is checked: its offer and its transaction reseller, if any. */
function purchaseLineOf(line: CartLineItem): PurchaseLine {
  const reseller = line.participants?.find((p) => p.key === "transaction_reseller")?.value;
  return { offerId: line.catalogItemId ?? "", resellerId: reseller };
}
