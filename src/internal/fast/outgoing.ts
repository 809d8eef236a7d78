// What one logical call sends, kept so that every attempt sends the same bytes. The client's own
// calls build it directly; a call that goes through openapi-fetch (a raw pc.GET, or any call once
// middleware is registered) arrives as what openapi-fetch built: a LightRequest while no
// middleware sees it, else a Request, whose serialised body openapi-fetch gave to its
// constructor: ReplayableRequest keeps that value, so no attempt tees or re-reads a stream.
import { LightRequest } from "./light-request";

export type ReplayBody = string | FormData | URLSearchParams | Blob | ArrayBuffer;

export interface Outgoing {
  method: string;
  url: string;
  /** The call's headers; the ids and each attempt's token are set on them. */
  headers: Headers;
  body?: ReplayBody;
  /** A Request whose body could be read only once: sent as is, never retried. */
  request?: Request;
  /** The caller's signal, covering the whole call. */
  signal?: AbortSignal;
  /** Told how many attempts the call made and its final status, when someone traces it. */
  trace?: { attempts: number; status?: number };
  /** This call's per-attempt timeout, in milliseconds, when it is not the client's. */
  timeoutMs?: number | undefined;
}

const KEPT = Symbol("keptBody");

/** A Request that remembers the body it was built from. Passed to openapi-fetch as `Request`. */
export class ReplayableRequest extends Request {
  readonly [KEPT]: ReplayBody | null | undefined;

  constructor(input: Request | string | URL, init?: RequestInit) {
    super(input, init);
    this[KEPT] = init?.body as ReplayBody | null | undefined;
  }
}

/** The call a request describes; replayable when it has no body or the client kept the one it has. */
export function outgoingFrom(request: Request | LightRequest): Outgoing {
  if (request instanceof LightRequest) {
    if (request.body instanceof FormData) request.headers.delete("content-type");
    return {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
    };
  }
  const kept = (request as Partial<ReplayableRequest>)[KEPT];
  const signal = request.signal;
  if (request.body !== null && (kept === undefined || kept === null)) {
    return { method: request.method, url: request.url, headers: request.headers, request, signal };
  }
  // FormData gets a new multipart boundary each time it is serialised, so its own Content-Type.
  if (kept instanceof FormData) request.headers.delete("content-type");
  return { method: request.method, url: request.url, headers: request.headers, body: kept ?? undefined, signal };
}
