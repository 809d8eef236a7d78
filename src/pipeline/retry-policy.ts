// The retry decisions, as pure functions; http/send.ts is the loop that applies them.
import { parseHttpDate } from "./http-date";

/** Statuses worth another attempt: timeouts, throttling and transient server failures. */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export interface RetryPolicy {
  /** Attempts after the first. */
  maxRetries: number;
  /** First backoff delay; doubles with every retry. */
  baseDelayMs: number;
  /** Upper bound of a backoff delay. */
  maxDelayMs: number;
  /** The longest Retry-After the client waits out itself; a longer one is left to the caller. */
  maxRetryAfterMs: number;
}

/**
 * Defaults: 3 retries (Azure, Octokit and the .NET SDK all use 3); backoff from 500 ms doubling
 * to at most 8 s with equal jitter (the .NET SDK waits 0.5 s, 1.5 s, 3.5 s); Retry-After honoured
 * up to 60 s, which covers the throttling docs' example of 57 s.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * Retry-After as milliseconds from `now`, read exactly as RFC 9110 defines it: delay-seconds or an
 * HTTP-date (a past date means 0). A delay too long to hold is read as the longest there is, so it
 * is left to the caller like any wait past maxRetryAfterMs. Undefined when absent or anything else.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER);
  const date = parseHttpDate(text, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with equal jitter: half the delay fixed, half random (Azure's strategy). */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: number): number {
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(delay / 2 + (delay / 2) * random);
}

export interface AttemptOutcome {
  /** Status of the answer, or undefined when the attempt failed without one (network, timeout). */
  status?: number;
  /** The Retry-After header of the answer. */
  retryAfter?: string | null;
  /** The answer is 409 800060 or 800064: an earlier request is still being answered (isInProgress). */
  inProgress?: boolean;
  /** False when the call's body cannot be sent again (a caller's stream). */
  replayable?: boolean;
  /** The failure is one no retry cures: a refused certificate, a bad proxy setting, an answer too large. */
  final?: boolean;
}

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

/**
 * Whether to try again after the `attempt`-th attempt (1-based) and how long to wait first.
 * Network errors and attempt timeouts are retried like 5xx: MS-RequestId makes the repeat safe.
 */
export function decideRetry(
  attempt: number,
  outcome: AttemptOutcome,
  policy: RetryPolicy,
  now: number,
  random: number,
): RetryDecision {
  // Out of retries.
  if (attempt > policy.maxRetries) return { retry: false };
  // Nothing to send again, or nothing a second try would change.
  if (outcome.replayable === false || outcome.final) return { retry: false };
  // An answer that says this request is wrong, not that the service is busy.
  if (outcome.status !== undefined && !isRetryableStatus(outcome.status) && !outcome.inProgress)
    return { retry: false };
  // The service said how long to wait: obeyed, unless it is longer than the client waits out.
  const retryAfterMs = parseRetryAfter(outcome.retryAfter, now);
  if (retryAfterMs === undefined) return { retry: true, delayMs: backoffDelayMs(attempt, policy, random) };
  if (retryAfterMs > policy.maxRetryAfterMs) return { retry: false };
  return { retry: true, delayMs: retryAfterMs };
}
