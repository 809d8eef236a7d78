// One error class for everything the client rejects with, and a type guard that also works
// across the ESM and CommonJS copies of the package (instanceof does not).
const BRAND = Symbol.for("partner-center-orders.error");
// Node's util.inspect hook, by its registered symbol, so the module has no Node-only import.
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** Codes for failures that carry no Partner Center error body. */
export type ClientErrorCode =
  | "VALIDATION_ERROR"
  | "NETWORK_ERROR"
  | "TIMEOUT"
  | "INVALID_RESPONSE"
  | "RESPONSE_TOO_LARGE"
  | "UNEXPECTED_REDIRECT"
  | "AUTHENTICATION_FAILED"
  /** The server's TLS certificate was refused (untrusted, expired, another host's): not retried. */
  | "CERTIFICATE_ERROR"
  /** The caller's signal ended the call (then `name` is "AbortError" and `cause` the signal's reason). */
  | "ABORTED";

export interface PartnerCenterErrorFields {
  /** HTTP status; undefined when no response arrived (network error, timeout, validation). */
  status?: number;
  /** Partner Center error code (e.g. 800060), or one of the client's own codes. */
  code?: number | string;
  description?: string;
  errorName?: string;
  isRetryable?: boolean;
  data?: unknown[];
  source?: string;
  /** The MS-RequestId of the call: send it again to retry the same call idempotently. */
  requestId?: string;
  correlationId?: string;
  /** How long the service asked to wait (Retry-After), in milliseconds. */
  retryAfterMs?: number;
  method?: string;
  url?: string;
  /** An excerpt of a body that was not a Partner Center error body (an HTML gateway page, say). */
  body?: string;
  cause?: unknown;
}

const FIELDS = [
  "status",
  "code",
  "description",
  "errorName",
  "isRetryable",
  "data",
  "source",
  "requestId",
  "correlationId",
  "retryAfterMs",
  "method",
  "url",
  "body",
] as const;

export class PartnerCenterError extends Error {
  declare readonly status?: number;
  declare readonly code?: number | string;
  declare readonly description?: string;
  declare readonly errorName?: string;
  declare readonly isRetryable?: boolean;
  declare readonly data?: unknown[];
  declare readonly source?: string;
  declare readonly requestId?: string;
  declare readonly correlationId?: string;
  declare readonly retryAfterMs?: number;
  declare readonly method?: string;
  declare readonly url?: string;
  declare readonly body?: string;

  constructor(message: string, fields: PartnerCenterErrorFields = {}) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = "PartnerCenterError";
    for (const key of FIELDS) {
      if (fields[key] !== undefined) Object.defineProperty(this, key, { value: fields[key], enumerable: true });
    }
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Only the documented fields: nothing from the request (headers, token) is ever serialised. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const key of FIELDS) if (this[key] !== undefined) out[key] = this[key];
    return out;
  }

  [INSPECT](): string {
    return `${this.stack ?? this.message}\n${JSON.stringify(this.toJSON(), null, 2)}`;
  }
}

/**
 * The error for a call the caller's signal ended: code ABORTED, named "AbortError" as fetch names
 * its own (so checks on the name keep working), the signal's reason as its cause, and the ids of
 * the call it ended, so that it can be re-sent safely.
 */
export function abortedError(
  message: string,
  fields: Omit<PartnerCenterErrorFields, "code" | "isRetryable">,
): PartnerCenterError {
  const error = new PartnerCenterError(message, { ...fields, code: "ABORTED", isRetryable: false });
  error.name = "AbortError";
  return error;
}

export interface ValidationProblem {
  /** Where the problem is, e.g. `body.lineItems[1].quantity` or `path.customer_id`. */
  path: string;
  message: string;
}

/** The most problems a validation error's message lists; `problems` holds them all. */
const LISTED = 20;

/** A caller's mistake, caught before anything was sent. Lists every problem found. */
export class PartnerCenterValidationError extends PartnerCenterError {
  readonly problems: readonly ValidationProblem[];

  constructor(what: string, problems: readonly ValidationProblem[]) {
    const list = problems
      .slice(0, LISTED)
      .map((p) => `${p.path} ${p.message}`)
      .join("; ");
    const more = problems.length > LISTED ? `; and ${problems.length - LISTED} more (see problems)` : "";
    super(`${what} was not sent: ${problems.length} problem${problems.length === 1 ? "" : "s"}: ${list}${more}`, {
      code: "VALIDATION_ERROR",
      isRetryable: false,
    });
    this.name = "PartnerCenterValidationError";
    this.problems = problems;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), problems: this.problems };
  }
}

/** Never throws, whatever `value` is (a Proxy whose traps throw, say). */
export function isPartnerCenterError(value: unknown): value is PartnerCenterError {
  if (typeof value !== "object" || value === null) return false;
  try {
    return (value as Record<symbol, unknown>)[BRAND] === true;
  } catch {
    return false;
  }
}

export function isPartnerCenterValidationError(value: unknown): value is PartnerCenterValidationError {
  return isPartnerCenterError(value) && value.code === "VALIDATION_ERROR";
}

/**
 * Whether a purchase or an availability read was refused because the availability id it named is
 * no longer the SKU's (404 400019): ids are reissued, so read the availabilities again (D66).
 */
export function isStaleCatalogItemError(value: unknown): value is PartnerCenterError {
  return isPartnerCenterError(value) && value.status === 404 && String(value.code) === "400019";
}

/**
 * Whether a subscription change was refused because another is still pending (409 900278, "try
 * again after 24 hours"): no retry policy waits that out, so the client never retries it (D72).
 */
export function isSubscriptionPendingError(value: unknown): value is PartnerCenterError {
  return isPartnerCenterError(value) && value.status === 409 && String(value.code) === "900278";
}
