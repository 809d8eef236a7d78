// What each operation does to the fake's orders and carts, given a request already bound and
// checked against the spec: the answer Partner Center would give. One file per resource.
import type { IncomingHttpHeaders } from "node:http";
import { asText } from "../../internal/as-text";
import type { CredentialKind } from "../../rules/credential-kinds";
import type { BoundRequest, OperationId } from "../../rules/request";
import type { Answer } from "../wire/answers";
import { CART_HANDLERS } from "./carts";
import { CATALOG_HANDLERS } from "./catalog";
import type { Handler, HandlerContext } from "./context";
import { ORDER_HANDLERS } from "./orders";
import { PREREQUISITE_HANDLERS } from "./prerequisites";
import { SUBSCRIPTION_HANDLERS } from "./subscriptions";
import { AUDIT_HANDLERS } from "./audit-records";

export type { HandlerContext } from "./context";

// Every operation of the spec has one (the compiler checks); looked up in a Map, never on an
// object's prototype.
const TABLE = {
  ...ORDER_HANDLERS,
  ...CART_HANDLERS,
  ...SUBSCRIPTION_HANDLERS,
  ...CATALOG_HANDLERS,
  ...PREREQUISITE_HANDLERS,
  ...AUDIT_HANDLERS,
} satisfies Record<OperationId, Handler>;
const HANDLERS = new Map<string, Handler>(Object.entries(TABLE));

export async function handleOperation(
  ctx: HandlerContext,
  operationId: OperationId,
  request: BoundRequest,
  url: URL,
  headers: IncomingHttpHeaders,
  kind: CredentialKind = "app+user",
): Promise<Answer> {
  const customerId = String(request.path.customer_id);
  const order =
    request.path.order_id === undefined ? undefined : ctx.store.get(customerId, asText(request.path.order_id));
  const handler = HANDLERS.get(operationId)!;
  return handler(ctx, { ...request, customerId, order, url, headers, kind });
}
