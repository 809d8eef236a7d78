// sharedStore(store): a RateLimitStore of your own, ready for createPartnerCenterCore's
// rateLimit.store. Only a bundle that calls it (or redisRateLimitStore) carries the shared limiter.
import { PartnerCenterValidationError } from "../errors";
import { isRateLimitStore, type RateLimitStore } from "./rate-limit-store";
import { SHARED_PACER, type SharedPacerFactory } from "./shared-pacer";
import { SharedRateLimiter } from "./shared-rate-limiter";

export const createSharedRateLimiter: SharedPacerFactory = (pacing) => new SharedRateLimiter(pacing);

/**
 * `store`, carrying the pacing that shares it: what createPartnerCenterCore needs of a store of
 * your own (a store from redisRateLimitStore already is one; createPartnerCenterClient takes any).
 */
export function sharedStore(store: RateLimitStore): RateLimitStore {
  if (!isRateLimitStore(store))
    throw new PartnerCenterValidationError("sharedStore", [
      { path: "store", message: "must be a RateLimitStore (admit, settle and pause)" },
    ]);
  const shared = {
    admit: (request) => store.admit(request),
    settle: (request) => store.settle(request),
    pause: (ms, request) => store.pause(ms, request),
    [SHARED_PACER]: createSharedRateLimiter,
  } satisfies RateLimitStore & { [SHARED_PACER]: SharedPacerFactory };
  return shared;
}
