// The client's options and their defaults: types and constants only. resolve-options.ts checks
// them; each feature's own checks live with the feature (rate-limit/, transport/).
import type { Cloud } from "./clouds";
import type { Credential } from "./credentials/credential";
import type { RateLimitStore } from "./rate-limit/rate-limit-store";
import type { SharedPacerFactory } from "./rate-limit/shared-pacer";
import type { AttemptTransport } from "./transport/attempt";
import type { FetchLike } from "./transport/fetch-transport";
import type { Logger } from "./diagnostics/log";
import type { RetryPolicy } from "./pipeline/retry-policy";

export { DEFAULT_RATE_LIMIT, DEFAULT_STORE_TIMEOUT_MS } from "./rate-limit/rate-limit-options";

/**
 * Per-attempt timeout. Partner Center answers createOrder with 201 `pending` before it
 * provisions anything, so a healthy call takes seconds; 60 s leaves room for a slow one while a
 * hung connection is abandoned and retried (safely, under the same MS-RequestId) within a minute,
 * not after the .NET SDK's 3 minutes.
 */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The largest answer read. The largest documented answer, a page of orders with prices, is tens of
 * kilobytes; 32 MB leaves room for any real page or attachment while a runaway answer cannot
 * exhaust the caller's memory.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export interface ClientOptions {
  /** A token string; a function returning a token (or a promise of one); or an @azure/identity credential. */
  credential: Credential;
  /** Which Partner Center to call. Default "global". */
  cloud?: Cloud | undefined;
  /** API root overriding `cloud`, e.g. a mock's URL. Must be https unless the host is loopback. */
  baseUrl?: string | undefined;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number | undefined;
  /** Backoff tuning; see DEFAULT_RETRY_POLICY. */
  backoff?: Partial<Omit<RetryPolicy, "maxRetries">> | undefined;
  /** Per-attempt timeout in milliseconds, from sending to the last byte of the answer; 0 turns it off. Default 60 000. */
  timeoutMs?: number | undefined;
  /** How long the credential may take to give a token, in milliseconds. Default 30 000. */
  tokenTimeoutMs?: number | undefined;
  /** Largest answer read, in bytes; a larger one fails with RESPONSE_TOO_LARGE. Default 32 MB. */
  maxResponseBytes?: number | undefined;
  /**
   * The fetch to send with. Default: node:http and node:https in Node 20.16 and later (their
   * keep-alive agents; faster than fetch), else globalThis.fetch (browsers, edge runtimes).
   */
  fetch?: FetchLike | undefined;
  /**
   * Certificates (PEM) to trust besides the platform's: a private CA, or a corporate proxy's that
   * inspects TLS. The default transport in Node only: a `fetch` of your own has its own settings.
   */
  ca?: string | readonly string[] | undefined;
  /**
   * The proxy to send through: a URL (`http://user:password@proxy:3128`; its credentials never
   * reach an error or a log), or `false` for none. Default: what `HTTPS_PROXY`, `HTTP_PROXY` and
   * `NO_PROXY` say (either case), as curl does, read once per host at the client's first call
   * there. The default transport in Node only.
   */
  proxy?: string | false | undefined;
  /** Sent as MS-PartnerCenter-Application. */
  applicationName?: string | undefined;
  /** Sent as X-Locale (the service defaults to en-US). */
  locale?: string | undefined;
  /** Receives one line per attempt. */
  logger?: Logger | undefined;
  /**
   * Show customer ids in log lines and in the diagnostics channels' URLs; off by default, since
   * they identify a tenant: a path shows `/customers/{customer_id}/...` instead. (Spans and
   * metrics have the otel entry's own `recordCustomerIds`.)
   */
  recordCustomerIds?: boolean | undefined;
  /** Token scope. Default the Partner Center resource. */
  scope?: string | undefined;
  /**
   * Client-side pacing: requests per minute this client sends at most (a number), the same over
   * another window (`{ requestsPerMinute, windowMs }`), or `false` for none. Calls past it wait
   * their turn instead of drawing a 429, and a 429's Retry-After pauses all of them. Default
   * 500 a minute, Partner Center's documented limit for the Order resource per tenant.
   */
  rateLimit?: number | false | RateLimitOption | undefined;
}

export interface RateLimitOption {
  /** Requests a minute at most: of this client, or with `store` of every process sharing the store. */
  requestsPerMinute: number;
  /** The window the limit is counted over, in milliseconds. Default 60 000. */
  windowMs?: number | undefined;
  /**
   * Shares the limit (and a 429's pause) with every process using the same store:
   * `redisRateLimitStore(redis, { key })` from partner-center-orders/redis, or any RateLimitStore.
   */
  store?: RateLimitStore | undefined;
  /**
   * With `store`: this process's requests a minute while the store does not answer (it errs, or
   * takes longer than storeTimeoutMs). Default a quarter of requestsPerMinute (four workers).
   */
  fallbackRequestsPerMinute?: number | undefined;
  /** With `store`: how long an admission may take before the store is set aside, in ms. Default 250. */
  storeTimeoutMs?: number | undefined;
}

/** Options every method takes for one call. */
export interface CallOptions {
  /** Aborts the call, including a backoff wait. */
  signal?: AbortSignal | undefined;
  /** MS-RequestId to use (a GUID). Pass the same one to re-send a call safely after a restart. */
  requestId?: string | undefined;
  /** MS-CorrelationId to use (a GUID). */
  correlationId?: string | undefined;
  /** Per-attempt timeout for this call, in milliseconds, from sending to the last byte of the answer. */
  timeoutMs?: number | undefined;
}

export interface ResolvedOptions {
  credential: Credential;
  baseUrl: string;
  policy: RetryPolicy;
  timeoutMs: number;
  tokenTimeoutMs: number;
  maxResponseBytes: number;
  transport: AttemptTransport;
  headers: Record<string, string>;
  logger?: Logger;
  recordCustomerIds: boolean;
  scope: string;
  /** Requests allowed per window; undefined when pacing is off. */
  rateLimit?: {
    allowance: number;
    windowMs: number;
    shared?: { store: RateLimitStore; localAllowance: number; storeTimeoutMs: number; pacer: SharedPacerFactory };
  };
}
