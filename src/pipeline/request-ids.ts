export const REQUEST_ID = "MS-RequestId";
export const CORRELATION_ID = "MS-CorrelationId";

/**
 * Gives a logical call its ids unless the caller chose them: MS-RequestId is the idempotency
 * key and must stay the same on every retry of the call, so it is set once, before the retry
 * loop, on the headers every attempt is built from. MS-CorrelationId is new for every call.
 */
export function assignRequestIds(headers: Headers): void {
  if (!headers.has(REQUEST_ID)) headers.set(REQUEST_ID, crypto.randomUUID());
  if (!headers.has(CORRELATION_ID)) headers.set(CORRELATION_ID, crypto.randomUUID());
}
