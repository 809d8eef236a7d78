// A customer's subscriptions: getSubscription, listSubscriptions (page after page as links.next
// leads, list-pages.ts), updateSubscription (the read sent back whole with the changes applied,
// D70; a 202 followed until the change shows, D72), cancelSubscription (new commerce, within its
// window, D71), and pc.subscriptions, the same bound to one client.
import { getSubscriptionRule, listSubscriptionsRule, updateSubscriptionRule } from "../../generated/request-rules";
import type { Subscription, SubscriptionCollection } from "../../generated/schema";
import { PartnerCenterError, PartnerCenterValidationError } from "../errors";
import { sleep } from "../internal/async/sleep";
import { printable } from "../internal/printable";
import type { CallOptions } from "../options";
import type { Operation } from "../rules/rule-types";
import { wholeNumberProblems } from "../rules/is-whole";
import {
  changeProblems,
  givenChanges,
  isSubscriptionLocation,
  showsChanges,
  withChanges,
  type SubscriptionChanges,
} from "../rules/subscription-changes";
import { bindOperation, operationProblems } from "../rules/bind-request";
import type { ValidationProblem } from "../errors";
import { listSubscriptionsCheck } from "../rules/operation-checks";
import { isAcceptedAnswer } from "../calls/accepted-answer";
import { callOperation } from "../calls/call";
import type { AcceptedAnswer } from "../rules/operation-types";
import { callWith, coreOf, type PartnerCenterCore } from "../calls/core-handle";
import { followLinks } from "../calls/follow";
import { listPages, type ListOptions } from "../calls/list-pages";
import { pathWithQuery } from "../calls/paging";
import { nextPollDelay } from "../polling/poll-delay";
import { boundTo } from "./bound-to";

export type { SubscriptionChanges };

const LIST_SUBSCRIPTIONS: Operation = { rule: listSubscriptionsRule, check: listSubscriptionsCheck };
const GET_SUBSCRIPTION: Operation = { rule: getSubscriptionRule };
const UPDATE_SUBSCRIPTION: Operation = { rule: updateSubscriptionRule };

export interface ListSubscriptionsOptions extends ListOptions {
  /** Only the subscriptions this order created. Not with `mpnId`. */
  orderId?: string | undefined;
  /** Only those of this indirect reseller of record. Not with `orderId`. */
  mpnId?: string | undefined;
  /** Only those of this product type (`OnlineServicesNCE`, `Azure`, `Software`). */
  productType?: string | undefined;
  /** Only those of this product subtype (`SavingsPlan`, `VirtualMachines`). */
  productSubtype?: string | undefined;
}

export interface UpdateSubscriptionOptions extends CallOptions {
  /** Sent as If-Match in place of the read's `attributes.etag`. */
  ifMatch?: string | undefined;
  /** How long to keep reading the subscription after a 202 for the change to show, in ms. Default 5 minutes. */
  acceptedWaitMs?: number | undefined;
}

/** How long updateSubscription reads a subscription after a 202 before giving up. */
export const DEFAULT_ACCEPTED_WAIT_MS = 5 * 60_000;
/** Reads after a 202 start a second apart and double to 15 s: a change usually shows within seconds. */
const ACCEPTED_POLLS = { intervalMs: 1_000, maxIntervalMs: 15_000 };

const readOptions = ({ signal, timeoutMs }: CallOptions): CallOptions => ({ signal, timeoutMs });

/** getSubscription: one of the customer's subscriptions (404 20003 when there is none). */
export async function getSubscription(
  client: PartnerCenterCore,
  customerId: string,
  subscriptionId: string,
  options: CallOptions = {},
): Promise<Subscription> {
  const path = { customer_id: customerId, subscription_id: subscriptionId };
  return callWith<Subscription>(client, GET_SUBSCRIPTION, { path }, options);
}

/**
 * listSubscriptions: the customer's subscriptions, all or those the filters name. No paging is
 * documented, but links.next is followed whenever a page carries one, within `maxPages`.
 */
export async function* listSubscriptions(
  client: PartnerCenterCore,
  customerId: string,
  options: ListSubscriptionsOptions = {},
): AsyncGenerator<Subscription, void, undefined> {
  const core = coreOf(client, "listSubscriptions");
  const { orderId, mpnId, productType, productSubtype, ...listOptions } = options;
  const query = { order_id: orderId, mpn_id: mpnId, product_type: productType, product_subtype: productSubtype };
  const request = { path: { customer_id: customerId }, query };
  const list = {
    operationId: "listSubscriptions",
    subject: orderId === undefined ? `customer ${customerId}` : `order ${orderId}`,
    firstPath: () => pathWithQuery(`/customers/${encodeURIComponent(customerId)}/subscriptions`, query),
    first: (ids: { requestId: string; correlationId: string }) =>
      callOperation<SubscriptionCollection>(core, LIST_SUBSCRIPTIONS, request, { ...listOptions, ...ids }),
  };
  yield* listPages<Subscription>(list, listOptions, followLinks(core), core.baseUrl);
}

/**
 * The subscriptions an order created, each with its `orderId` (listSubscriptions with `order_id`).
 * A line item has one once it is provisioned: wait for the order first (pollProvisioning,
 * createOrderAndWait, checkoutCartAndWait).
 */
export function listSubscriptionsByOrder(
  client: PartnerCenterCore,
  customerId: string,
  orderId: string,
  options: ListOptions = {},
): AsyncGenerator<Subscription, void, undefined> {
  return listSubscriptions(client, customerId, { ...options, orderId });
}

/**
 * updateSubscription: reads the subscription and sends it whole with `changes` applied, its ETag
 * as If-Match when the read carried one, so that a change of seats never turns auto-renew off nor
 * deletes what it renews as (D70). Refused before sending, with the dates: a cancel after
 * `cancellationAllowedUntilDate`, and more seats removed than `refundableQuantity` still allows
 * (D71). A 202 is followed, reading the subscription at its Location until the change shows; 409
 * 800082 (not ready yet) is waited out within the retry policy; 900278 (another change pending,
 * "after 24 hours") is an error isSubscriptionPendingError tells apart (D72).
 */
export async function updateSubscription(
  client: PartnerCenterCore,
  customerId: string,
  subscriptionId: string,
  changes: SubscriptionChanges,
  options: UpdateSubscriptionOptions = {},
): Promise<Subscription> {
  const { ifMatch, acceptedWaitMs = DEFAULT_ACCEPTED_WAIT_MS, ...callOptions } = options;
  const path = { customer_id: customerId, subscription_id: subscriptionId };
  // Nothing is read or sent for changes the PATCH would refuse.
  const checked = checkedChanges(path, changes);
  const early = [
    ...("problems" in checked ? checked.problems : []),
    ...wholeNumberProblems(acceptedWaitMs, "options.acceptedWaitMs", { min: 0, unit: "ms" }),
  ];
  if (early.length) throw new PartnerCenterValidationError("updateSubscription", early);
  const given = (checked as { given: SubscriptionChanges }).given;
  const current = await getSubscription(client, customerId, subscriptionId, readOptions(callOptions));
  const problems = changeProblems(current, given, Date.now());
  if (problems.length) throw new PartnerCenterValidationError("updateSubscription", problems);
  const etag = ifMatch ?? current.attributes?.etag;
  const request = {
    path,
    header: etag === undefined ? {} : { "If-Match": etag },
    body: withChanges(current, given),
  };
  const answer = await callWith<Subscription | AcceptedAnswer>(client, UPDATE_SUBSCRIPTION, request, callOptions);
  if (!isAcceptedAnswer(answer)) return answer;
  return changeApplied(client, { customerId, subscriptionId, changes: given }, answer, {
    ...readOptions(callOptions),
    acceptedWaitMs,
  });
}

/** The changes as set, or why they cannot be: unreadable, or what the PATCH's own rules refuse in them. */
function checkedChanges(
  path: Record<string, unknown>,
  changes: SubscriptionChanges,
): { given: SubscriptionChanges } | { problems: ValidationProblem[] } {
  let given: SubscriptionChanges;
  try {
    given = givenChanges(changes);
  } catch {
    return { problems: [{ path: "changes", message: "must be an object whose fields can be read" }] };
  }
  const bound = bindOperation(updateSubscriptionRule, { path, body: { id: String(path.subscription_id), ...given } });
  const problems = operationProblems(UPDATE_SUBSCRIPTION, bound);
  return problems.length
    ? { problems: problems.map((p) => ({ ...p, path: p.path.replace(/^body/, "changes") })) }
    : { given };
}

/** After a 202: the subscription read at its Location until it shows the change, within the wait. */
async function changeApplied(
  client: PartnerCenterCore,
  target: { customerId: string; subscriptionId: string; changes: SubscriptionChanges },
  answer: AcceptedAnswer,
  options: CallOptions & { acceptedWaitMs: number },
): Promise<Subscription> {
  const { customerId, subscriptionId, changes } = target;
  // A server never steers the client elsewhere: only the subscription's own path is read.
  if (answer.location !== null && !isSubscriptionLocation(answer.location, customerId, subscriptionId)) {
    throw new PartnerCenterError(
      `updateSubscription answered 202 with a Location that is not the subscription's (${printable(answer.location, 200)}): not followed`,
      { status: 202, code: "INVALID_RESPONSE", isRetryable: false, method: "PATCH" },
    );
  }
  const deadline = Date.now() + options.acceptedWaitMs;
  for (let polls = 1; ; polls++) {
    const read = await getSubscription(client, customerId, subscriptionId, readOptions(options));
    if (showsChanges(read, changes)) return read;
    const wait = nextPollDelay(polls, ACCEPTED_POLLS);
    if (Date.now() + wait > deadline) {
      throw new PartnerCenterError(
        `updateSubscription was accepted (202) but the change did not show within ${options.acceptedWaitMs} ms: read subscription ${subscriptionId} later`,
        { status: 202, code: "TIMEOUT", isRetryable: false, method: "PATCH" },
      );
    }
    await sleep(wait, options.signal);
  }
}

/**
 * cancelSubscription: cancels a new-commerce (or marketplace) subscription, `status: deleted`,
 * refused before sending once `cancellationAllowedUntilDate` has passed, with the date (D71). A
 * legacy order is cancelled by suspending its subscriptions instead (updateSubscription with
 * `status: suspended`): the service answers updateOrder 400 800063.
 */
export function cancelSubscription(
  client: PartnerCenterCore,
  customerId: string,
  subscriptionId: string,
  options: UpdateSubscriptionOptions = {},
): Promise<Subscription> {
  return updateSubscription(client, customerId, subscriptionId, { status: "deleted" }, options);
}

/** pc.subscriptions: the functions above, bound to one client. */
export function subscriptionsApi(client: PartnerCenterCore) {
  const on = boundTo(client);
  return {
    /** getSubscription: one of the customer's subscriptions. */
    get: on(getSubscription),
    /** listSubscriptions: the customer's subscriptions, all or those the filters name (async iterator). */
    list: on(listSubscriptions),
    /** The subscriptions an order created (listSubscriptions with `orderId`). */
    listByOrder: on(listSubscriptionsByOrder),
    /** updateSubscription: the subscription sent back whole with the changes applied (see updateSubscription). */
    update: on(updateSubscription),
    /** cancelSubscription: `status: deleted` within the cancellation window (see cancelSubscription). */
    cancel: on(cancelSubscription),
  };
}

export type SubscriptionsApi = ReturnType<typeof subscriptionsApi>;
