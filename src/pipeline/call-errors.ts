// The errors a call ends with when it gets no answer to return: each carries the call's method,
// URL and ids, so that a caller can re-send it safely under the same MS-RequestId.
import { abortedError, PartnerCenterError, type ClientErrorCode } from "../errors";
import { reasonOf } from "../internal/printable";
import { redactSecrets } from "../internal/redact";
import type { Outgoing } from "../internal/fast/outgoing";
import { AttemptTimeoutError, type Received } from "../transport/attempt";
import { certificateAdvice, certificateErrorCode } from "../transport/certificate-errors";
import { ProxySettingError } from "../transport/node/proxy-setting-error";
import { ResponseTooLargeError } from "../transport/read-body";
import { CORRELATION_ID, REQUEST_ID } from "./request-ids";

/** The ids a call was sent with, for its errors and its reports. */
export const idsOf = (call: Outgoing) => ({
  requestId: call.headers.get(REQUEST_ID) ?? undefined,
  correlationId: call.headers.get(CORRELATION_ID) ?? undefined,
});

export function callFailure(
  code: ClientErrorCode,
  reason: string,
  call: Outgoing,
  fields: { status?: number; cause?: unknown; isRetryable: boolean },
): PartnerCenterError {
  return new PartnerCenterError(`${call.method} ${call.url} failed: ${reason}`, {
    code,
    ...idsOf(call),
    method: call.method,
    url: call.url,
    ...fields,
  });
}

/** The caller's signal ended the call: its ids stay on the error, so it can be re-sent safely. */
export function aborted(call: Outgoing): PartnerCenterError {
  const reason: unknown = call.signal?.reason;
  return abortedError(`${call.method} ${call.url} failed: aborted by the caller's signal: ${reasonOf(reason)}`, {
    ...idsOf(call),
    method: call.method,
    url: call.url,
    cause: reason,
  });
}

/** A credential's failure, now that it belongs to a call: the same reason, with the call's ids. */
export function withCall(error: PartnerCenterError, call: Outgoing): PartnerCenterError {
  if (error.requestId) return error;
  return callFailure(error.code as ClientErrorCode, error.message, call, {
    cause: error.cause,
    isRetryable: error.isRetryable ?? false,
  });
}

/** A redirect is never followed: the API does not redirect, and the token must not go elsewhere. */
export function redirected(received: Received, call: Outgoing): PartnerCenterError {
  return callFailure(
    "UNEXPECTED_REDIRECT",
    `the API answered ${received.status} (a redirect), which the client does not follow`,
    call,
    { status: received.status, isRetryable: false },
  );
}

/** What an attempt that got no answer failed with, as the call's error. */
export function transportError(error: unknown, call: Outgoing): PartnerCenterError {
  if (error instanceof ResponseTooLargeError)
    return callFailure("RESPONSE_TOO_LARGE", error.message, call, { cause: error, isRetryable: false });
  // No cause: the setting's own parse error quotes its value, password and all.
  if (error instanceof ProxySettingError)
    return callFailure("NETWORK_ERROR", error.message, call, { isRetryable: false });
  const certificate = certificateErrorCode(error);
  if (certificate) {
    return callFailure(
      "CERTIFICATE_ERROR",
      `the server's TLS certificate was refused (${certificate}): ${certificateAdvice(certificate)}`,
      call,
      { cause: error, isRetryable: false },
    );
  }
  const timedOut = error instanceof AttemptTimeoutError;
  // A proxy's URL, with its password, may be in a socket's message: redacted like a token.
  const reason = redactSecrets(reasonOf(error));
  return callFailure(timedOut ? "TIMEOUT" : "NETWORK_ERROR", reason, call, { cause: error, isRetryable: true });
}
