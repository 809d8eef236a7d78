// What operators see: one line per attempt, a warning for each retry (why, and how long it
// waits), a note when a 429 pauses the client, and an error when a call fails for good, each with
// its fields as an object. Levelled loggers are taken as they are (console, pino, winston), and
// one with `info` alone gets every line there. Only the path is logged, and no header but the ids.

/** `console`, a pino or winston logger, or anything with an `info` method. */
// `any`, as console's own `...data: any[]` is: pino's and winston's overloads must fit as they are.
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface Logger {
  info(...args: any[]): void;
  debug?(...args: any[]): void;
  warn?(...args: any[]): void;
  error?(...args: any[]): void;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export type LogLevel = "info" | "warn" | "error";
export type LogFields = Record<string, string | number | null | undefined>;

export interface AttemptLog {
  method: string;
  /** The path as logged: without host or query, and without customer ids unless recordCustomerIds. */
  path: string;
  attempt: number;
  /** Status of the answer, when one came. */
  status?: number | undefined;
  /** The kind of failure when none came: `network error`, `timeout`, `aborted`, `too large`, `certificate`. */
  failure?: string | undefined;
  /** The failure's code from its cause chain (`ECONNRESET`, `UND_ERR_SOCKET`), when it has one. */
  errorCode?: string | undefined;
  durationMs: number;
  requestId: string | null;
  correlationId: string | null;
  /** The answer's MS-CV, for Microsoft support. */
  msCv?: string | undefined;
}

/** A URL's path, without its host (and so any credentials) or its query. */
export const pathOf = (url: string) => url.replace(/^[a-z]+:\/\/[^/]+/i, "").replace(/\?.*$/, "");

/** One line per attempt. Only the path is logged, and no header but the two ids. */
export function formatAttempt(entry: AttemptLog): string {
  const outcome = entry.status ?? (entry.errorCode ? `${entry.failure} (${entry.errorCode})` : entry.failure);
  return (
    `partner-center ${entry.method} ${entry.path} ${outcome} ${entry.durationMs}ms ` +
    `attempt=${entry.attempt} requestId=${entry.requestId} correlationId=${entry.correlationId}`
  );
}

/** pino takes its fields first (`logger.info(fields, message)`); console and winston take the message first. */
function fieldsFirst(logger: Logger): boolean {
  const candidate = logger as { bindings?: unknown; child?: unknown; levels?: unknown };
  return (
    typeof candidate.bindings === "function" &&
    typeof candidate.child === "function" &&
    typeof candidate.levels === "object"
  );
}

/** Writes `message` and its `fields` at `level` (at info where the logger has no such level). A logger's own failure is not the call's. */
export function emit(logger: Logger | undefined, level: LogLevel, message: string, fields: LogFields): void {
  if (!logger) return;
  try {
    // Called with .call(logger) below, so `this` is the logger.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const write = typeof logger[level] === "function" ? logger[level] : logger.info;
    const written: unknown = fieldsFirst(logger)
      ? write.call(logger, fields, message)
      : write.call(logger, message, fields);
    // An async logger's rejection is its own, never an unhandled one in the caller's process.
    if (
      written !== null &&
      typeof written === "object" &&
      typeof (written as PromiseLike<unknown>).then === "function"
    ) {
      (written as PromiseLike<unknown>).then(undefined, () => undefined);
    }
  } catch {
    // Logging must never fail a call.
  }
}
