// What every handler is given: the fake's state and rules, and the request already bound and
// checked against the spec; and the shapes its answers share.
import type { IncomingHttpHeaders } from "node:http";
import type { PlacedOrder } from "../../../generated/schema";
import type { CredentialKind } from "../../rules/credential-kinds";
import type { BoundRequest } from "../../rules/request";
import type { Refusal } from "../state/cancellation";
import type { CartStore } from "../state/carts";
import type { Catalog } from "../state/catalog";
import type { Prerequisites } from "../state/prerequisites";
import type { OrderStore } from "../state/store";
import type { AuditLog } from "../state/audit-log";
import type { SubscriptionStore } from "../state/subscriptions";
import { errorAnswer, type Answer } from "../wire/answers";

export interface HandlerContext {
  store: OrderStore;
  /** The subscriptions the orders' provisioned lines created, and their changes. */
  subscriptions: SubscriptionStore;
  /** What was done, as listAuditRecords answers it. */
  audit: AuditLog;
  carts: CartStore;
  /** What the catalog reads answer from. */
  catalog: Catalog;
  /** Catalog views and segments the partner may not read (403 400036, 400030), lower case. */
  refusedViews: ReadonlySet<string>;
  refusedSegments: ReadonlySet<string>;
  /** Agreements, qualifications, resellers' MPA, restricted inventory. */
  prerequisites: Prerequisites;
  /** The fake's clock. */
  now: () => number;
  /** Orders per listOrders page. */
  pageSize: number;
  /** Told of every order created (counted, and written to the audit log). */
  onCreate(customerId: string, order: PlacedOrder, correlationId?: string): void;
  /** Why the service would refuse to cancel an order, if it would. */
  refuseCancel(customerId: string, order: PlacedOrder): Refusal | undefined;
  /** Whether an order is old enough to appear in listOrders (the service's list delay). */
  listed(order: PlacedOrder): boolean;
  /** How long placing an order takes before createOrder answers, in milliseconds. */
  placementDelayMs: number;
  /** Offers whose lines need `attestationAccepted: true`. */
  attestationOffers: ReadonlySet<string>;
}

/** One request as a handler sees it. */
export interface HandlerRequest extends BoundRequest {
  customerId: string;
  /** The order its path names, when it names one that exists. */
  order: PlacedOrder | undefined;
  url: URL;
  headers: IncomingHttpHeaders;
  kind: CredentialKind;
}

export type Handler = (ctx: HandlerContext, request: HandlerRequest) => Answer | Promise<Answer>;

export const NOT_FOUND = errorAnswer(404, 20000, "Order ID not found.");

/** The request's MS-CorrelationId, as the audit log records it. */
export function correlationIdOf(headers: IncomingHttpHeaders): string | undefined {
  const id = headers["ms-correlationid"];
  return typeof id === "string" ? id : undefined;
}

/** A collection answer, as the service shapes every list. */
export const collection = (items: readonly unknown[], extra: Record<string, unknown> = {}): Answer => ({
  status: 200,
  body: { totalCount: items.length, items, ...extra, attributes: { objectType: "Collection" } },
});
