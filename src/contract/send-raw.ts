// The contract checks' way of sending: the client's raw methods, so a request goes with the
// client's token, ids, timeout and pacing, but unchecked (a generated request may be meant to be
// refused), and the answer comes back as it was: status, headers and text.
import type { PartnerCenterClient } from "../client";
import type { Answer, SendRaw } from "./fuzz";

type RawRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export function rawSender(pc: PartnerCenterClient): SendRaw {
  const request = pc.request as unknown as RawRequest;
  return async (method, path, parts): Promise<Answer> => {
    const { data, error, response } = await request(method.toLowerCase(), path, {
      params: { path: parts.path, query: parts.query, header: parts.header },
      body: parts.body,
      parseAs: "text",
    });
    // openapi-fetch hands an error body back parsed when it is JSON.
    const text =
      typeof data === "string"
        ? data
        : typeof error === "string"
          ? error
          : error === undefined
            ? ""
            : JSON.stringify(error);
    return { status: response.status, headers: response.headers, text };
  };
}
