// The sender as the fetch openapi-fetch calls (with the request it built), for a client with
// openapi-fetch's methods and middleware; a core without them never carries this path.
import { BufferedResponse } from "../internal/fast/buffered-response";
import type { LightRequest } from "../internal/fast/light-request";
import { outgoingFrom } from "../internal/fast/outgoing";
import type { Sender } from "./send";

/** `sender` as a fetch; with `timeoutMs`, for calls with a per-attempt timeout of their own. */
export function senderFetch(
  sender: Sender,
  timeoutMs?: number,
): (request: Request | LightRequest) => Promise<Response> {
  if (timeoutMs === undefined)
    return async (request) => BufferedResponse.from(await sender.send(outgoingFrom(request)));
  return async (request) => BufferedResponse.from(await sender.send({ ...outgoingFrom(request), timeoutMs }));
}
