// Reading an answer: the parsed body of a success, or a PartnerCenterError built from whatever
// the service sent (an ApiFault, the 429 body, an HTML gateway page, nothing at all).
import { PartnerCenterError } from "../errors";
import { printable } from "../internal/printable";
import { isRetryableStatus, parseRetryAfter } from "../pipeline/retry-policy";
import { isInProgress } from "../rules/in-progress";

/** Longest excerpt of a body kept on an error. */
const EXCERPT = 1024;

/** What an answer is read by: a Response, or an answer the client has already read whole. */
export interface AnswerHead {
  status: number;
  headers: Headers;
  /** Where the answer came from, when known. */
  url?: string;
}

export interface CallMeta {
  method: string;
  /** The path called, for when the answer does not say its URL (a custom fetch's Response may not). */
  path?: string;
  requestId?: string;
  correlationId?: string;
  /** The client's API root, to hint at a wrong one when an answer suggests it. */
  baseUrl?: string;
  /** The operation answers a bare JSON array, not an object. */
  array?: boolean | undefined;
}

const VERSIONED = /\/v\d+\/?$/;

/** A hint for a 404 that is not Partner Center's: the commonest cause is a baseUrl without /v1. */
function baseUrlHint(status: number, isFault: boolean, baseUrl: string | undefined): string {
  if (status !== 404 || isFault || !baseUrl || !URL.canParse(baseUrl) || VERSIONED.test(new URL(baseUrl).pathname))
    return "";
  return `; baseUrl ${baseUrl} does not end in a version such as /v1: Partner Center's API root is https://api.partnercenter.microsoft.com/v1`;
}

/** Partner Center never answers 407: it is the proxy between, refusing the client. */
const PROXY_REFUSED =
  "; the proxy refused the client (407 Proxy Authentication Required), not Partner Center: check the proxy URL's user name and password (the proxy option, or HTTPS_PROXY)";

/** What to do next where an error code's own words do not say (D43). Codes are data: a Map. */
const STALE_CATALOG_ITEM =
  "; availability ids are reissued: read the SKU's availabilities again (pc.catalog.listAvailabilities or listCustomerAvailabilities) and buy the current catalogItemId (D57, D66)";
const CODE_HINTS: ReadonlyMap<string, string> = new Map([
  ["400019", STALE_CATALOG_ITEM],
  [
    "900278",
    "; another change of this subscription is still pending and the service says to try again after 24 hours: the client does not retry it (isSubscriptionPendingError)",
  ],
  [
    "800065",
    "; the cart was already checked out: read the customer's orders (pc.orders.list, or getOrder for the ids you kept) instead of checking it out again",
  ],
]);

/** The error body's `data` strings (which lines of a cart are in error, say), the first few, cut. */
function dataSummary(data: unknown): string {
  if (!Array.isArray(data)) return "";
  const texts = data.slice(0, 5).filter((entry): entry is string => typeof entry === "string" && entry !== "");
  return texts.length
    ? `: ${texts.map((text) => printable(text, 200)).join("; ")}${data.length > 5 ? `; and ${data.length - 5} more` : ""}`
    : "";
}

const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text);
/** A string field of the server's error body: cut, its control characters escaped. */
const stringOr = (value: unknown) => (typeof value === "string" ? printable(value, EXCERPT) : undefined);
/** An error code is a number or a short word; a string one is cut shorter still. */
const codeOf = (value: unknown) =>
  typeof value === "number" ? value : typeof value === "string" ? printable(value, 100) : undefined;

function parsePayload(payload: unknown): unknown {
  if (typeof payload !== "string") return payload;
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}

/** A PartnerCenterError for a non-2xx answer. `payload` is the body as text or already parsed. */
export function errorFromResponse(response: AnswerHead, payload: unknown, meta: CallMeta): PartnerCenterError {
  const url = response.url || meta.path;
  const body = parsePayload(payload);
  const fault =
    body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const code = codeOf(fault.code);
  const description = stringOr(fault.description) ?? stringOr(fault.message);
  const rawText = typeof body === "string" && body !== "" ? excerpt(body) : undefined;
  const status = response.status;
  const summary =
    (description === undefined
      ? rawText
        ? "the answer is not a Partner Center error body"
        : "no error body"
      : printable(description)) + dataSummary(fault.data);
  const hint =
    baseUrlHint(status, code !== undefined, meta.baseUrl) +
    (code === undefined ? "" : (CODE_HINTS.get(String(code)) ?? "")) +
    (status === 407 ? PROXY_REFUSED : "");
  return new PartnerCenterError(
    `${meta.method} ${url} failed with ${status}${code === undefined ? "" : ` (code ${code})`}: ${summary}${hint}`,
    {
      status,
      code,
      description,
      errorName: stringOr(fault.errorName),
      isRetryable:
        typeof fault.isRetryable === "boolean"
          ? fault.isRetryable
          : isRetryableStatus(status) || isInProgress(status, fault),
      data: Array.isArray(fault.data) ? fault.data : undefined,
      source: stringOr(fault.source),
      requestId: meta.requestId ?? response.headers.get("MS-RequestId") ?? undefined,
      correlationId: meta.correlationId ?? response.headers.get("MS-CorrelationId") ?? undefined,
      retryAfterMs: parseRetryAfter(response.headers.get("Retry-After"), Date.now()),
      method: meta.method,
      url,
      body: rawText,
    },
  );
}

/** The JSON body of a 2xx answer, or an INVALID_RESPONSE error when there is none or it is not JSON. */
export function successBody<T>(response: AnswerHead, text: unknown, meta: CallMeta): T {
  const url = response.url || meta.path;
  const invalid = (why: string, cause?: unknown) =>
    new PartnerCenterError(`${meta.method} ${url} answered ${response.status} but ${why}`, {
      status: response.status,
      code: "INVALID_RESPONSE",
      isRetryable: false,
      requestId: meta.requestId,
      correlationId: meta.correlationId,
      method: meta.method,
      url,
      body: typeof text === "string" && text !== "" ? excerpt(text) : undefined,
      cause,
    });
  if (typeof text !== "string" || text.trim() === "") throw invalid("the body is empty");
  const type = response.headers.get("Content-Type");
  if (type && !/json/i.test(type)) throw invalid(`the body is ${printable(type, 100)}, not JSON`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw invalid("the body is not JSON", error);
  }
  if (meta.array) {
    if (!Array.isArray(body)) throw invalid("the body is not a JSON array");
  } else if (body === null || typeof body !== "object" || Array.isArray(body))
    throw invalid("the body is not a JSON object");
  return body as T;
}
