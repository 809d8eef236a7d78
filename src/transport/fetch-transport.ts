// Attempts through a fetch: the caller's own, or the platform's where node:http is not there (a
// browser, an edge runtime). The attempt's signal ends the fetch and its body; a redirect is
// answered, not followed.
import type { AttemptTransport } from "./attempt";
import { readBody } from "./read-body";
import type { Outgoing } from "../internal/fast/outgoing";

export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;

/** What to hand fetch for one attempt of `call`; redirects are never followed. */
export function fetchArguments(call: Outgoing, signal: AbortSignal): [string | Request, RequestInit] {
  if (call.request) return [call.request, { signal, redirect: "manual" }];
  return [call.url, { method: call.method, headers: call.headers, body: call.body, signal, redirect: "manual" }];
}

export function fetchTransport(fetch: FetchLike): AttemptTransport {
  return async (call, attempt, maxResponseBytes) => {
    const [input, init] = fetchArguments(call, attempt.signal);
    const response = await attempt.race(fetch(input, init));
    const redirect = response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);
    const body = redirect ? new Uint8Array(0) : await readBody(response, maxResponseBytes, attempt);
    if (redirect) await response.body?.cancel().catch(() => undefined);
    return { status: response.status, statusText: response.statusText, headers: response.headers, body, redirect };
  };
}

/** The platform's own fetch, looked up at each call so that a polyfill installed later is used. */
export const platformFetchTransport = (): AttemptTransport =>
  fetchTransport((input, init) => globalThis.fetch(input, init));
