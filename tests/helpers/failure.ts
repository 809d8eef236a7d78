// The PartnerCenterError a call rejects with, for tests that assert on it; anything else (a
// resolved call, another kind of error) fails the test, saying what came instead.
import { isPartnerCenterError, type PartnerCenterError } from "../../src";

export async function failure(promise: Promise<unknown>): Promise<PartnerCenterError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isPartnerCenterError(error)) throw new Error(`expected a PartnerCenterError, got ${String(error)}`);
  return error;
}
