// A call through openapi-fetch, while middleware is registered: the middleware sees a Request and
// a Response, and the client's sender is openapi-fetch's fetch. Only a client with openapi-fetch's
// methods (createPartnerCenterClient) has this route; a core sends directly.
import { senderFetch } from "../pipeline/sender-fetch";
import type { Sender } from "../pipeline/send";
import type { MiddlewareRoute, ReadyCall } from "./call";
import { toFormData } from "./form-data";
import { acceptedAnswer } from "./accepted-answer";
import { errorFromResponse, successBody } from "./read-answer";

/** openapi-fetch's `request`, untyped so that operationIds and links can name any path. */
export type RawRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export function throughMiddleware(request: RawRequest, sender: Sender, active: () => boolean): MiddlewareRoute {
  return {
    active,
    async exchange<T>({ method, path, params, call, options, meta, url }: ReadyCall): Promise<T> {
      const { data, error, response } = await request(method.toLowerCase(), path, {
        params,
        body: call.body,
        bodySerializer: call.multipart ? toFormData : undefined,
        parseAs: call.answer ? "blob" : "text",
        signal: options.signal,
        fetch: senderFetch(sender, options.timeoutMs),
      });
      const head = { status: response.status, headers: response.headers, url: response.url || url };
      if (!response.ok) throw errorFromResponse(head, error, meta);
      call.onHeaders?.(response.headers);
      if (response.status === 202 && call.acceptedWithoutBody) return acceptedAnswer(response.headers) as T;
      return data instanceof Blob ? (data as T) : successBody<T>(head, data, meta);
    },
  };
}
