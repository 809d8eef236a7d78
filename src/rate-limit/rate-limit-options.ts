// The rateLimit option: what pacing it asks for, or the problems with it, and its defaults.
import type { ValidationProblem } from "../errors";
import type { RateLimitOption, ResolvedOptions } from "../options";
import { wholeNumberProblems } from "../rules/is-whole";
import { isRateLimitStore } from "./rate-limit-store";
import { sharedPacerOf, type SharedPacerFactory } from "./shared-pacer";

/** The Order resource's documented limit: 500 requests per minute per tenant. */
export const DEFAULT_RATE_LIMIT = 500;

const MINUTE = 60_000;

/**
 * The pacing `option` asks for, or the problems with it; a store's pacing is the one it carries,
 * else `sharedPacer` (createPartnerCenterClient's; the core has none, so as to leave it out).
 */
export function rateLimitOf(
  option: RateLimitOption | number | false | undefined,
  sharedPacer?: SharedPacerFactory,
): ResolvedOptions["rateLimit"] | ValidationProblem[] {
  if (option === false) return undefined;
  const at = "options.rateLimit";
  const { requestsPerMinute, windowMs = MINUTE } =
    typeof option === "object" && option !== null ? option : { requestsPerMinute: option ?? DEFAULT_RATE_LIMIT };
  const rate = { min: 1, unit: "requests a minute", or: "or false" };
  const problems = [
    ...wholeNumberProblems(
      requestsPerMinute ?? null,
      typeof option === "object" ? `${at}.requestsPerMinute` : at,
      rate,
    ),
    ...wholeNumberProblems(windowMs, `${at}.windowMs`, { min: 1, max: 3_600_000, unit: "milliseconds" }),
  ];
  if (problems.length) return problems;
  const allowance = Math.floor((requestsPerMinute * windowMs) / MINUTE);
  if (allowance < 1)
    return [
      { path: `${at}.windowMs`, message: `must be long enough to hold one request at ${requestsPerMinute} a minute` },
    ];
  if (typeof option !== "object" || option === null || option.store === undefined) return { allowance, windowMs };
  return sharedPacing(option, allowance, windowMs, sharedPacer);
}

/** The store's part of the pacing option, or the problems with it. */
function sharedPacing(
  option: RateLimitOption,
  allowance: number,
  windowMs: number,
  sharedPacer: SharedPacerFactory | undefined,
): ResolvedOptions["rateLimit"] | ValidationProblem[] {
  const at = "options.rateLimit";
  const problems: ValidationProblem[] = [];
  const pacer = isRateLimitStore(option.store) ? (sharedPacerOf(option.store) ?? sharedPacer) : undefined;
  if (!isRateLimitStore(option.store))
    problems.push({
      path: `${at}.store`,
      message:
        "must be a RateLimitStore (admit, settle and pause), such as redisRateLimitStore(redis, { key }) from partner-center-orders/redis",
    });
  else if (!pacer)
    problems.push({
      path: `${at}.store`,
      message:
        "must be given as sharedStore(store) to createPartnerCenterCore, which leaves the shared limiter out of bundles without one (a store from redisRateLimitStore already is)",
    });
  const fallback = option.fallbackRequestsPerMinute ?? Math.max(1, Math.floor(option.requestsPerMinute / 4));
  const storeTimeoutMs = option.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  problems.push(
    ...wholeNumberProblems(fallback, `${at}.fallbackRequestsPerMinute`, {
      min: 1,
      max: option.requestsPerMinute,
      unit: "requests a minute",
    }),
    ...wholeNumberProblems(storeTimeoutMs, `${at}.storeTimeoutMs`, { min: 1, max: 60_000, unit: "milliseconds" }),
  );
  if (problems.length) return problems;
  const localAllowance = Math.max(1, Math.floor((fallback * windowMs) / MINUTE));
  return { allowance, windowMs, shared: { store: option.store!, localAllowance, storeTimeoutMs, pacer: pacer! } };
}

/**
 * How long an admission may take before the store is set aside: a loopback or same-zone Redis
 * answers in about a millisecond, so 250 ms is a store that is down or stalled, not a slow one.
 */
export const DEFAULT_STORE_TIMEOUT_MS = 250;
