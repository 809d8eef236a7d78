// createPartnerCenterCore: the client without its resources, for the per-operation functions
// (createOrder(core, ...)): the same options, checks, ids, auth, timeouts, retries and pacing,
// and nothing a call does not use, so that a bundle carries only the operations it imports.
import type { ClientCore } from "./calls/call";
import { withCore, type PartnerCenterCore } from "./calls/core-handle";
import { createTokenProvider } from "./credentials/credential";
import { sleep } from "./internal/async/sleep";
import type { ClientOptions, ResolvedOptions } from "./options";
import { createSender, type Sender } from "./pipeline/send";
import { leaseSlackMs, pacerFor } from "./rate-limit/pacer-for";
import { resolveOptions } from "./resolve-options";

/** The sender of a client with these options: every call's ids, token, timeout, retries and pacing. */
export function senderFor(resolved: ResolvedOptions): Sender {
  return createSender({
    transport: resolved.transport,
    tokens: createTokenProvider(resolved.credential, resolved.scope, resolved.tokenTimeoutMs),
    policy: resolved.policy,
    timeoutMs: resolved.timeoutMs,
    maxResponseBytes: resolved.maxResponseBytes,
    logger: resolved.logger,
    recordCustomerIds: resolved.recordCustomerIds,
    limiter: pacerFor(resolved),
    leaseSlackMs: leaseSlackMs(resolved),
    now: Date.now,
    random: Math.random,
    sleep,
  });
}

/**
 * A client for the per-operation functions (createOrder, listOrders, createCart, ...), checked as
 * createPartnerCenterClient checks its options. It has no raw methods and no middleware: use
 * createPartnerCenterClient for those (its client works with the same functions).
 */
export function createPartnerCenterCore(options: ClientOptions): PartnerCenterCore {
  const resolved = resolveOptions(options);
  const core: ClientCore = { baseUrl: resolved.baseUrl, baseHeaders: resolved.headers, sender: senderFor(resolved) };
  return withCore({ baseUrl: resolved.baseUrl }, core);
}
