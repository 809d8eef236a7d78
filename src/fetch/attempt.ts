// One attempt: send with its own timeout, linked to the caller's signal, and read the whole
// body inside that timeout so a stalled body cannot hang the call and no timer outlives it.

/** Thrown when an attempt outlives its timeout; the retry loop treats it like a network error. */
export class AttemptTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`attempt timed out after ${timeoutMs} ms`);
    this.name = "AttemptTimeoutError";
  }
}

// Statuses whose Response may not carry a body (fetch spec "null body status").
const NULL_BODY = new Set([101, 204, 205, 304]);

export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/**
 * Sends `request` once. `timeoutMs` of 0 means no attempt timeout. Rejects with the caller's
 * abort reason if the caller aborts, with AttemptTimeoutError on timeout, else as fetch does.
 */
export async function sendAttempt(fetch: FetchLike, request: Request, timeoutMs: number): Promise<Response> {
  const caller = request.signal;
  const controller = new AbortController();
  const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(new AttemptTimeoutError(timeoutMs)), timeoutMs) : undefined;
  const onAbort = () => controller.abort(caller.reason);
  caller.addEventListener("abort", onAbort, { once: true });
  try {
    if (caller.aborted) throw caller.reason;
    const response = await fetch(request, { signal: controller.signal });
    const body = NULL_BODY.has(response.status) ? null : await response.arrayBuffer();
    const buffered = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    // A Response built from a buffer has no url; keep the request's for error messages.
    Object.defineProperty(buffered, "url", { value: request.url });
    return buffered;
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
    caller.removeEventListener("abort", onAbort);
  }
}
