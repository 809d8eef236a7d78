// What openapi-fetch builds a raw call (pc.GET, pc.POST, ...) into while no middleware will see
// it: the parts of a Request the client sends from, checked and normalised as the Request
// constructor does (URL parsing, method rules, header validation, the Content-Type default), but
// without undici's Request, which cost 14 us and an AbortSignal per call and was never sent.
// tests/unit/internal/fast/light-request.test.ts holds it to the real Request.
import type { ReplayBody } from "./outgoing";

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FORBIDDEN = new Set(["CONNECT", "TRACE", "TRACK"]);
const NORMALISED = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);

export class LightRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: ReplayBody | undefined;
  readonly signal: AbortSignal | undefined;

  constructor(input: string | URL, init: RequestInit = {}) {
    if (!URL.canParse(String(input))) throw new TypeError(`Failed to parse URL from ${String(input)}`);
    const url = new URL(String(input));
    if (url.username || url.password)
      throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${url.href}`);
    this.url = url.href;
    const method = init.method ?? "GET";
    if (!TOKEN.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
    const upper = method.toUpperCase();
    if (FORBIDDEN.has(upper)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
    this.method = NORMALISED.has(upper) ? upper : method;
    const body = init.body ?? undefined;
    if (body !== undefined && (this.method === "GET" || this.method === "HEAD"))
      throw new TypeError("Request with GET/HEAD method cannot have body.");
    // openapi-fetch hands over the Headers it merged and never uses again: no copy needed.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    if (!this.headers.has("content-type")) {
      const type =
        typeof body === "string"
          ? "text/plain;charset=UTF-8"
          : body instanceof URLSearchParams
            ? "application/x-www-form-urlencoded;charset=UTF-8"
            : body instanceof Blob && body.type
              ? body.type
              : undefined;
      if (type) this.headers.set("content-type", type);
    }
    this.body = body as ReplayBody | undefined;
    this.signal = init.signal ?? undefined;
  }
}
