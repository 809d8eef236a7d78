// Request bodies are single-use streams, and a Request handed to fetch is streamed out with
// chunked encoding. openapi-fetch builds each Request from an already serialised body (a JSON
// string or FormData), so the client keeps that value and sends every attempt from it: the same
// bytes on each retry, with a known length, and no Request.clone() teeing a stream.

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

/** Whether the request can be sent more than once: it has no body, or the client kept the body. */
export function canReplay(request: Request): boolean {
  return request.body === null || (request as Partial<ReplayableRequest>)[REPLAY] !== undefined;
}

/** What to pass to fetch for one attempt of `request`, aborted by `signal`. */
export function fetchArguments(request: Request, signal: AbortSignal): [string | Request, RequestInit] {
  if (!canReplay(request)) return [request, { signal }];
  const body = (request as Partial<ReplayableRequest>)[REPLAY];
  // FormData gets a new multipart boundary each time it is serialised, so its own Content-Type.
  if (body instanceof FormData) request.headers.delete("content-type");
  return [request.url, { method: request.method, headers: request.headers, body: body ?? undefined, signal, redirect: request.redirect }];
}
