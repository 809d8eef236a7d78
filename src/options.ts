// The client's options, their defaults, and the checks that refuse a misconfigured client
// before it can send anything.
import { CLOUDS, type Cloud } from "./clouds";
import {
  bareToken,
  DEFAULT_TOKEN_TIMEOUT_MS,
  PARTNER_CENTER_SCOPE,
  tokenProblem,
  type Credential,
} from "./credentials/credential";
import { PartnerCenterValidationError, type ValidationProblem } from "./errors";
import { isRateLimitStore, type RateLimitStore } from "./rate-limit/rate-limit-store";
import type { AttemptTransport } from "./transport/attempt";
import { defaultTransport } from "./transport/default-transport";
import { fetchTransport, type FetchLike } from "./transport/fetch-transport";
import type { Logger } from "./diagnostics/log";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./pipeline/retry-policy";
import { userAgent } from "./internal/user-agent";
import { isWhole, MAX_TIMER_MS } from "./rules/is-whole";
import { headerParameterProblems } from "./rules/request";
import { printableValue } from "./internal/printable";

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
   * `NO_PROXY` say (either case), as curl does. The default transport in Node only.
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

/** The Order resource's documented limit: 500 requests per minute per tenant. */
export const DEFAULT_RATE_LIMIT = 500;

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
    shared?: { store: RateLimitStore; localAllowance: number; storeTimeoutMs: number };
  };
}

const MINUTE = 60_000;

/** The pacing `option` asks for, or the problems with it. */
function rateLimitOf(option: ClientOptions["rateLimit"]): ResolvedOptions["rateLimit"] | ValidationProblem[] {
  if (option === false) return undefined;
  const at = "options.rateLimit";
  const { requestsPerMinute, windowMs = MINUTE } =
    typeof option === "object" && option !== null ? option : { requestsPerMinute: option ?? DEFAULT_RATE_LIMIT };
  if (!isWhole(requestsPerMinute, 1)) {
    return [
      {
        path: typeof option === "object" ? `${at}.requestsPerMinute` : at,
        message: `must be a whole number of requests a minute, at least 1, or false, got ${String(requestsPerMinute)}`,
      },
    ];
  }
  if (!isWhole(windowMs, 1, 3_600_000)) {
    return [
      {
        path: `${at}.windowMs`,
        message: `must be a whole number of milliseconds from 1 to 3 600 000, got ${String(windowMs)}`,
      },
    ];
  }
  const allowance = Math.floor((requestsPerMinute * windowMs) / MINUTE);
  if (allowance < 1)
    return [
      { path: `${at}.windowMs`, message: `must be long enough to hold one request at ${requestsPerMinute} a minute` },
    ];
  if (typeof option !== "object" || option === null || option.store === undefined) return { allowance, windowMs };
  return sharedPacing(option, allowance, windowMs);
}

/** The store's part of the pacing option, or the problems with it. */
function sharedPacing(
  option: RateLimitOption,
  allowance: number,
  windowMs: number,
): ResolvedOptions["rateLimit"] | ValidationProblem[] {
  const at = "options.rateLimit";
  const problems: ValidationProblem[] = [];
  if (!isRateLimitStore(option.store))
    problems.push({
      path: `${at}.store`,
      message:
        "must be a RateLimitStore (admit, settle and pause), such as redisRateLimitStore(redis, { key }) from partner-center-orders/redis",
    });
  const fallback = option.fallbackRequestsPerMinute ?? Math.max(1, Math.floor(option.requestsPerMinute / 4));
  if (!isWhole(fallback, 1) || fallback > option.requestsPerMinute) {
    problems.push({
      path: `${at}.fallbackRequestsPerMinute`,
      message: `must be a whole number from 1 to requestsPerMinute, got ${String(fallback)}`,
    });
  }
  const storeTimeoutMs = option.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  if (!isWhole(storeTimeoutMs, 1, 60_000))
    problems.push({
      path: `${at}.storeTimeoutMs`,
      message: `must be a whole number of milliseconds from 1 to 60 000, got ${String(storeTimeoutMs)}`,
    });
  if (problems.length) return problems;
  const localAllowance = Math.max(1, Math.floor((fallback * windowMs) / MINUTE));
  return { allowance, windowMs, shared: { store: option.store!, localAllowance, storeTimeoutMs } };
}

/**
 * How long an admission may take before the store is set aside: a loopback or same-zone Redis
 * answers in about a millisecond, so 250 ms is a store that is down or stalled, not a slow one.
 */
export const DEFAULT_STORE_TIMEOUT_MS = 250;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Problems with an endpoint a secret is sent to (`at` names the option): absolute, https unless loopback, no credentials, query or fragment. */
export function endpointProblems(value: unknown, at: string): ValidationProblem[] {
  if (typeof value !== "string" || !URL.canParse(value)) return [{ path: at, message: "must be an absolute URL" }];
  const url = new URL(value);
  // node:http would drop them silently and every error would print them: the credential option carries credentials.
  if (url.username || url.password)
    return [{ path: at, message: "must not carry a user name or password; pass the token as credential" }];
  if (url.search || url.hash) return [{ path: at, message: "must not have a query or fragment" }];
  if (url.protocol === "https:") return [];
  if (url.protocol === "http:" && LOOPBACK.test(url.hostname)) return [];
  return [
    { path: at, message: `must use https (http is allowed only for loopback hosts), got ${url.protocol}//${url.host}` },
  ];
}

const PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
const PEM_END = "-----END CERTIFICATE-----";

/** Whether `text` holds a PEM certificate block: two searches, linear in the text (a lazy regex was quadratic). */
const hasPemCertificate = (text: string) => {
  const begin = text.indexOf(PEM_BEGIN);
  return begin !== -1 && text.indexOf(PEM_END, begin + PEM_BEGIN.length + 1) !== -1;
};

export function caProblems(ca: unknown, withFetch: boolean): ValidationProblem[] {
  const at = "options.ca";
  if (!Array.isArray(ca) || ca.length === 0 || ca.some((c) => typeof c !== "string" || !hasPemCertificate(c))) {
    return [{ path: at, message: "must be a PEM certificate (-----BEGIN CERTIFICATE-----), or a list of them" }];
  }
  if (withFetch)
    return [
      {
        path: at,
        message:
          "applies to the default transport, not to a fetch of your own: give your fetch the CA (undici's Agent connect.ca), or set NODE_EXTRA_CA_CERTS",
      },
    ];
  return [];
}

export function proxyProblems(proxy: unknown, withFetch: boolean): ValidationProblem[] {
  const at = "options.proxy";
  if (proxy === false) return [];
  // Never quoted: a proxy URL may carry a password.
  if (typeof proxy !== "string" || !URL.canParse(proxy) || !/^https?:$/.test(new URL(proxy).protocol)) {
    return [{ path: at, message: "must be an http:// or https:// URL, or false" }];
  }
  if (withFetch)
    return [
      {
        path: at,
        message: "applies to the default transport, not to a fetch of your own: give your fetch a proxy dispatcher",
      },
    ];
  return [];
}

export function timeoutProblems(value: unknown, path: string): ValidationProblem[] {
  return value === undefined || isWhole(value, 0, MAX_TIMER_MS)
    ? []
    : [{ path, message: `must be a whole number of milliseconds (0 for none), got ${printableValue(value)}` }];
}

function credentialProblems(credential: unknown): ValidationProblem[] {
  const at = "options.credential";
  if (typeof credential === "string") {
    if (bareToken(credential).trim() === "") return [{ path: at, message: "must not be empty" }];
    const problem = tokenProblem(bareToken(credential));
    return problem ? [{ path: at, message: `is not a token that can be sent: ${problem}` }] : [];
  }
  if (typeof credential === "function") return [];
  if (credential && typeof (credential as { getToken?: unknown }).getToken === "function") return [];
  return [
    { path: at, message: "must be a token string, a function returning one, or an object with getToken(scopes)" },
  ];
}

export function resolveOptions(options: ClientOptions): ResolvedOptions {
  if (!options || typeof options !== "object") {
    throw new PartnerCenterValidationError("createPartnerCenterClient", [
      { path: "options", message: "must be an object with a credential" },
    ]);
  }
  const problems = credentialProblems(options.credential);
  const cloud = options.cloud ?? "global";
  if (!Object.hasOwn(CLOUDS, cloud)) {
    problems.push({
      path: "options.cloud",
      message: `must be one of ${Object.keys(CLOUDS).join(", ")}, got ${String(cloud)}`,
    });
  }
  if (options.baseUrl !== undefined) problems.push(...endpointProblems(options.baseUrl, "options.baseUrl"));
  if (options.maxRetries !== undefined && !isWhole(options.maxRetries, 0, 10)) {
    problems.push({
      path: "options.maxRetries",
      message: `must be a whole number from 0 to 10, got ${String(options.maxRetries)}`,
    });
  }
  problems.push(...timeoutProblems(options.timeoutMs, "options.timeoutMs"));
  if (options.tokenTimeoutMs !== undefined && !isWhole(options.tokenTimeoutMs, 1, MAX_TIMER_MS)) {
    problems.push({
      path: "options.tokenTimeoutMs",
      message: `must be a whole number of milliseconds above 0, got ${String(options.tokenTimeoutMs)}`,
    });
  }
  if (options.maxResponseBytes !== undefined && !isWhole(options.maxResponseBytes, 1)) {
    problems.push({
      path: "options.maxResponseBytes",
      message: `must be a whole number of bytes above 0, got ${String(options.maxResponseBytes)}`,
    });
  }
  for (const [key, value] of Object.entries(options.backoff ?? {})) {
    if (!isWhole(value, 0, 24 * 3600_000))
      problems.push({ path: `options.backoff.${key}`, message: "must be a whole number of milliseconds" });
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    problems.push({ path: "options.fetch", message: "must be a function" });
  }
  const ca = options.ca === undefined ? undefined : typeof options.ca === "string" ? [options.ca] : options.ca;
  if (ca !== undefined) problems.push(...caProblems(ca, options.fetch !== undefined));
  if (options.proxy !== undefined) problems.push(...proxyProblems(options.proxy, options.fetch !== undefined));
  if (options.logger !== undefined && typeof options.logger?.info !== "function") {
    problems.push({ path: "options.logger", message: "must have an info(message) method" });
  }
  if (options.recordCustomerIds !== undefined && typeof options.recordCustomerIds !== "boolean") {
    problems.push({ path: "options.recordCustomerIds", message: "must be true or false" });
  }
  const rateLimit = rateLimitOf(options.rateLimit);
  if (Array.isArray(rateLimit)) problems.push(...rateLimit);
  const headers: Record<string, string> = { Accept: "application/json", "MS-Contract-Version": "v1" };
  for (const [option, header] of [
    ["applicationName", "MS-PartnerCenter-Application"],
    ["locale", "X-Locale"],
  ] as const) {
    const value = options[option];
    if (value === undefined) continue;
    const found = headerParameterProblems(header, value, `options.${option}`);
    problems.push(...found);
    if (!found.length) headers[header] = value;
  }
  if (problems.length) throw new PartnerCenterValidationError("createPartnerCenterClient", problems);
  headers["User-Agent"] = userAgent(headers["MS-PartnerCenter-Application"]);
  return {
    credential: options.credential,
    baseUrl: (options.baseUrl ?? CLOUDS[cloud].baseUrl).replace(/\/+$/, ""),
    policy: {
      ...DEFAULT_RETRY_POLICY,
      ...options.backoff,
      maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
    },
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    tokenTimeoutMs: options.tokenTimeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    transport: options.fetch ? fetchTransport(options.fetch) : defaultTransport({ ca: ca, proxy: options.proxy }),
    headers,
    logger: options.logger,
    recordCustomerIds: options.recordCustomerIds === true,
    scope: options.scope ?? PARTNER_CENTER_SCOPE,
    rateLimit: rateLimit as ResolvedOptions["rateLimit"],
  };
}
