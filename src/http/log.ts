/** Anything with an `info` method, such as `console` or a pino logger. */
export interface Logger {
  info(message: string): void;
}

export interface AttemptLog {
  method: string;
  url: string;
  attempt: number;
  /** Status of the answer, or the kind of failure (`network error`, `timeout`, `aborted`). */
  outcome: number | string;
  durationMs: number;
  requestId: string | null;
  correlationId: string | null;
}

/** One line per attempt. Only the path is logged, and no header but the two ids. */
export function formatAttempt(entry: AttemptLog): string {
  const path = entry.url.replace(/^[a-z]+:\/\/[^/]+/i, "").replace(/\?.*$/, "");
  return (
    `partner-center ${entry.method} ${path} ${entry.outcome} ${entry.durationMs}ms ` +
    `attempt=${entry.attempt} requestId=${entry.requestId} correlationId=${entry.correlationId}`
  );
}
