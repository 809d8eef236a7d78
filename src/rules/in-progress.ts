// A fact of the service that the client and the fake both need: which 409s mean "still working".
/** The 409 codes that say an earlier request is still being answered, not that this one is wrong. */
const IN_PROGRESS_CODES = new Set(["800060", "800064", "800082"]);

/**
 * 409 800060, "Your order is in progress": the service is still answering an earlier attempt of
 * this very call (same MS-RequestId), D39. 409 800064, "Cart {0} is being processed by another
 * request": another checkout of the cart is running, and a checkout is idempotent, D43. 409 800082,
 * "Subscription is not ready to be updated. Try again after sometime": it is still provisioning
 * (D72; never 900278, whose "after 24 hours" no retry policy waits out). Each is
 * waited out like a 503 and the same request sent again, which the service answers as the first
 * once it is done; nothing new is placed.
 */
export function isInProgress(status: number, body: unknown): boolean {
  if (status !== 409 || body === null || typeof body !== "object") return false;
  return IN_PROGRESS_CODES.has(String((body as { code?: unknown }).code));
}
