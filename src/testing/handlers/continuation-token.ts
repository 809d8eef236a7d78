// A continuation token as the fake gives them (listOrders' next links, listAuditRecords'
// continuationToken): where the next page starts, opaque to the client, and anything else refused.

export const encodeToken = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString("base64url");

/** The position a token holds, or undefined when it is not one the fake gave. */
export function decodeToken(token: string): number | undefined {
  try {
    const { offset } = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { offset?: unknown };
    return typeof offset === "number" && Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}
