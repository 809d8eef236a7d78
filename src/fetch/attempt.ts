// One attempt: fetch with its own timeout, linked to the caller's signal. The timeout covers the
// wait for the answer, which is where a hung connection shows; once the headers are in, the body
// is read under the caller's signal (and undici's own body timeout), so no timer outlives the
// attempt and the answer is handed on as fetch made it.
import { fetchArguments } from "./replay";

/** Thrown when an attempt outlives its timeout; the retry loop treats it like a network error. */
export class AttemptTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`attempt timed out after ${timeoutMs} ms`);
    this.name = "AttemptTimeoutError";
  }
}

export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;

/**
 * Sends `request` once. `timeoutMs` of 0 means no attempt timeout. Rejects with the caller's
 * abort reason if the caller aborts, with AttemptTimeoutError on timeout, else as fetch does.
 */
export async function sendAttempt(fetch: FetchLike, request: Request, timeoutMs: number): Promise<Response> {
  const caller = request.signal;
  if (caller.aborted) throw caller.reason;
  const controller = new AbortController();
  // The listener stays: it aborts a body still being read. It lives as long as this call's Request.
  caller.addEventListener("abort", () => controller.abort(caller.reason), { once: true });
  const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(new AttemptTimeoutError(timeoutMs)), timeoutMs) : undefined;
  try {
    const [input, init] = fetchArguments(request, controller.signal);
    return await fetch(input, init);
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
  }
}
