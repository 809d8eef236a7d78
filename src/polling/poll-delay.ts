// How long a provisioning poller waits before its next poll: a pure decision. It starts short and
// doubles up to a ceiling, so a quick order is seen quickly and a slow one costs few requests
// (continuous polling is what Partner Center's throttling guidance names as the main cause of
// 429s); a Retry-After on the last answer is the service's own word and wins.

export interface PollSchedule {
  /** The first wait, in milliseconds. */
  intervalMs: number;
  /** The longest wait between polls, in milliseconds. */
  maxIntervalMs: number;
}

export const DEFAULT_POLL_SCHEDULE: PollSchedule = { intervalMs: 2_000, maxIntervalMs: 60_000 };

/** How long a poller waits for provisioning before its outcome is `timed_out`: 30 minutes. */
export const DEFAULT_MAX_WAIT_MS = 30 * 60_000;

/** The wait after poll number `polls` (from 1), unless the answer said otherwise (`retryAfterMs`). */
export function nextPollDelay(polls: number, schedule: PollSchedule, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  return Math.min(schedule.maxIntervalMs, schedule.intervalMs * 2 ** Math.min(polls - 1, 30));
}
