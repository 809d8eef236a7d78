// How a store brings the pacing that shares it (sharedStore, redisRateLimitStore): the core builds
// a SharedRateLimiter only through a store that carries its factory, so that a bundle with no store
// leaves the shared limiter out; createPartnerCenterClient supplies it for any store.
import type { Pacer } from "./rate-limiter";
import type { RateLimitStore } from "./rate-limit-store";
import type { SharedPacing } from "./shared-rate-limiter";

/** Where a store carries its pacer's factory. Symbol.for: each CommonJS entry bundles its own copy of this module. */
export const SHARED_PACER: unique symbol = Symbol.for("partner-center-orders.sharedPacer");

export type SharedPacerFactory = (pacing: SharedPacing) => Pacer;

/** The factory a store carries, if it carries one. */
export function sharedPacerOf(store: RateLimitStore): SharedPacerFactory | undefined {
  const factory = (store as { [SHARED_PACER]?: unknown })[SHARED_PACER];
  return typeof factory === "function" ? (factory as SharedPacerFactory) : undefined;
}
