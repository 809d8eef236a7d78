// What the per-operation functions take (createOrder(pc, ...), listOrders(pc, ...)): a client
// made by createPartnerCenterCore or createPartnerCenterClient. Its insides (the ClientCore) are
// kept beside it, not on it, so that the handle's type says nothing a caller could misuse, and a
// look-alike object is refused (as a rejection, where the function returns a promise).
import { PartnerCenterValidationError } from "../errors";
import type { CallOptions } from "../options";
import type { RequestParts } from "../rules/bind-request";
import type { Operation } from "../rules/rule-types";
import { callOperation, type ClientCore } from "./call";

declare const brand: unique symbol;

/** A client for the per-operation functions: what createPartnerCenterCore or createPartnerCenterClient returns. */
export interface PartnerCenterCore {
  /** The API root every path is relative to. */
  readonly baseUrl: string;
  readonly [brand]: "PartnerCenterCore";
}

const cores = new WeakMap<object, ClientCore>();

/** `handle`, made a PartnerCenterCore for `core`. */
export function withCore<T extends object>(handle: T, core: ClientCore): T & PartnerCenterCore {
  cores.set(handle, core);
  return handle as T & PartnerCenterCore;
}

/** The ClientCore behind a handle, or a validation error naming what was given instead. */
export function coreOf(handle: PartnerCenterCore, operationId: string): ClientCore {
  const core = typeof handle === "object" && handle !== null ? cores.get(handle) : undefined;
  if (core) return core;
  throw new PartnerCenterValidationError(operationId, [
    { path: "client", message: "must be a client made by createPartnerCenterCore or createPartnerCenterClient" },
  ]);
}

/** Per-client state of a module (a poller's queue, the idempotency keys sent): made once per client (its core or its handle), on first use. */
export function perClient<K extends object, T>(make: (key: K) => T): (key: K) => T {
  const made = new WeakMap<K, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
}

/** Calls `operation` on the client behind `client` (see callOperation); a rejection, never a throw. */
export async function callWith<T>(
  client: PartnerCenterCore,
  operation: Operation,
  request: RequestParts,
  options: CallOptions = {},
  onHeaders?: (headers: Headers) => void,
): Promise<T> {
  return callOperation<T>(coreOf(client, operation.rule.operationId), operation, request, options, onHeaders);
}
