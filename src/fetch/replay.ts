// Request bodies are single-use streams. openapi-fetch builds each Request from an already
// serialised body (a JSON string or FormData), so the client keeps that value and builds a new
// Request from it only when an attempt is repeated; Request.clone() on every call would tee the
// stream and halve throughput.

type ReplayBody = string | FormData | URLSearchParams | Blob | ArrayBuffer | null | undefined;

const REPLAY = Symbol("replayBody");

/** A Request that remembers the body it was built from. Passed to openapi-fetch as `Request`. */
export class ReplayableRequest extends Request {
  readonly [REPLAY]: ReplayBody;

  constructor(input: Request | string | URL, init?: RequestInit) {
    super(input, init);
    this[REPLAY] = init?.body as ReplayBody;
  }
}

/** Whether the request can be sent again: it has no body, or the client kept the body. */
export function canReplay(request: Request): boolean {
  return request.body === null || (request as Partial<ReplayableRequest>)[REPLAY] !== undefined;
}

/**
 * The request to send as the `attempt`-th attempt (1-based): the original when it has no body
 * to consume, else a fresh copy with the same URL, method, headers and body. Check canReplay first.
 */
export function requestForAttempt(original: Request, attempt: number): Request {
  if (attempt === 1 || original.body === null) return original;
  const body = (original as ReplayableRequest)[REPLAY];
  const headers = new Headers(original.headers);
  // A FormData body gets a new multipart boundary each time it is serialised.
  if (body instanceof FormData) headers.delete("content-type");
  return new Request(original.url, {
    method: original.method,
    headers,
    body,
    signal: original.signal,
    redirect: original.redirect,
  });
}
