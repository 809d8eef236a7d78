// The client's pacing, from its resolved options: none, this process's own, or shared through a store.
import { sleep } from "../internal/async/sleep";
import type { ResolvedOptions } from "../options";
import { RateLimiter, type Pacer } from "./rate-limiter";

/** How much longer than an attempt's timeout a shared slot is leased: the token's timeout and a second. */
export const leaseSlackMs = ({ tokenTimeoutMs }: Pick<ResolvedOptions, "tokenTimeoutMs">) => tokenTimeoutMs + 1_000;

export function pacerFor(resolved: ResolvedOptions): Pacer | undefined {
  const { rateLimit, logger, timeoutMs } = resolved;
  if (!rateLimit) return undefined;
  if (!rateLimit.shared) return new RateLimiter(rateLimit.allowance, rateLimit.windowMs);
  const { store, localAllowance, storeTimeoutMs, pacer } = rateLimit.shared;
  return pacer({
    store,
    localAllowance,
    storeTimeoutMs,
    allowance: rateLimit.allowance,
    windowMs: rateLimit.windowMs,
    // Set aside for as long as a store that stalled takes to time out a few times: then asked again.
    retryStoreMs: 1_000,
    defaultLeaseMs: timeoutMs + leaseSlackMs(resolved),
    // The longest shared 429 pause a store may name: the longest the client waits one out.
    maxPauseMs: resolved.policy.maxRetryAfterMs,
    logger,
    sleep,
    now: Date.now,
  });
}
