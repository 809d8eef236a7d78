// One attempt: fetch with its own timeout, linked to the caller's signal, covering everything from
// sending to the last byte of the answer, which is read here. A redirect is never followed: the
// API does not redirect, and a redirect must not carry an order (or a token) somewhere else.
import { abortable } from "./abortable";
import { readBody } from "./read-body";
import type { Outgoing } from "./replay";

/** Thrown when an attempt outlives its timeout; the retry loop treats it like a network error. */
export class AttemptTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`attempt timed out after ${timeoutMs} ms`);
    this.name = "AttemptTimeoutError";
  }
}

export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;

/** An answer read whole. */
export interface Received {
  status: number;
  statusText: string;
  headers: Headers;
  body: Uint8Array;
  /** A 3xx (or a browser's opaque redirect), not followed. */
  redirect: boolean;
}

export interface AttemptLimits {
  /** 0 means no attempt timeout. */
  timeoutMs: number;
  maxResponseBytes: number;
}

/** What to hand fetch for one attempt of `call`; redirects are never followed. */
export function fetchArguments(call: Outgoing, signal: AbortSignal): [string | Request, RequestInit] {
  if (call.request) return [call.request, { signal, redirect: "manual" }];
  return [call.url, { method: call.method, headers: call.headers, body: call.body, signal, redirect: "manual" }];
}

/**
 * Sends `call` once and reads its answer. Rejects with the caller's abort reason if the caller
 * aborts, with AttemptTimeoutError on timeout, with ResponseTooLargeError past the cap, else as
 * fetch or the body stream does.
 */
export async function sendAttempt(fetch: FetchLike, call: Outgoing, limits: AttemptLimits): Promise<Received> {
  const caller = call.signal;
  if (caller?.aborted) throw caller.reason;
  const controller = new AbortController();
  const onAbort = () => controller.abort(caller!.reason);
  caller?.addEventListener("abort", onAbort, { once: true });
  const timeoutMs = limits.timeoutMs;
  const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(new AttemptTimeoutError(timeoutMs)), timeoutMs) : undefined;
  try {
    const [input, init] = fetchArguments(call, controller.signal);
    const response = await abortable(fetch(input, init), controller.signal);
    const redirect = response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);
    const body = redirect ? new Uint8Array(0) : await readBody(response, limits.maxResponseBytes, controller.signal);
    if (redirect) await response.body?.cancel().catch(() => undefined);
    return { status: response.status, statusText: response.statusText, headers: response.headers, body, redirect };
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener("abort", onAbort);
  }
}
