// Attempts through a fetch: the caller's own, or the platform's where node:http is not there (a
// browser, an edge runtime). The attempt's signal ends the fetch and its body; a redirect is
// answered, not followed.
import type { AttemptTransport } from "./attempt";
import { readBody } from "./read-body";
import { LightHeaders } from "../internal/fast/light-headers";
import type { Outgoing } from "../internal/fast/outgoing";

export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;

/** How a call's headers are handed to a fetch. */
type HeadersFor = (headers: Headers) => RequestInit["headers"];

/** What to hand fetch for one attempt of `call`; redirects are never followed. */
export function fetchArguments(
  call: Outgoing,
  signal: AbortSignal,
  headersFor: HeadersFor = (headers) => headers,
): [string | Request, RequestInit] {
  if (call.request) return [call.request, { signal, redirect: "manual" }];
  const headers = headersFor(call.headers);
  return [call.url, { method: call.method, headers, body: call.body, signal, redirect: "manual" }];
}

/** A caller's fetch gets Headers it may read and change; the platform's, a plain record, which it copies fastest. */
export function fetchTransport(fetch: FetchLike, headersFor?: HeadersFor): AttemptTransport {
  return async (call, attempt, maxResponseBytes) => {
    const [input, init] = fetchArguments(call, attempt.signal, headersFor);
    const response = await attempt.race(fetch(input, init));
    const redirect = response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);
    const body = redirect ? new Uint8Array(0) : await readBody(response, maxResponseBytes, attempt);
    if (redirect) await response.body?.cancel().catch(() => undefined);
    return { status: response.status, statusText: response.statusText, headers: response.headers, body, redirect };
  };
}

/** The platform's own fetch, looked up at each call so that a polyfill installed later is used. */
export const platformFetchTransport = (): AttemptTransport =>
  fetchTransport((input, init) => globalThis.fetch(input, init), asRecord);

/** The client's own headers as a plain record: a Headers-like object is copied through its sorted iterator. */
const asRecord: HeadersFor = (headers) => (headers instanceof LightHeaders ? headers.record() : headers);
