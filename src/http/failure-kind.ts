// What kind of failure ended an attempt that got no answer, named for operators: the decision on
// the error alone, so a log line, a metric and a message say the same thing.
import { AttemptTimeoutError } from "./attempt";
import { causeCode, certificateErrorCode } from "./certificate-errors";
import { ResponseTooLargeError } from "./read-body";

export interface FailureKind {
  /** `timeout`, `too large`, `aborted`, `certificate` or `network error`. */
  failure: string;
  /** The code along the error's cause chain (`ECONNRESET`, `UND_ERR_SOCKET`, an OpenSSL code), when it has one. */
  errorCode?: string;
}

export function failureKind(error: unknown, signal?: AbortSignal): FailureKind {
  const certificate = certificateErrorCode(error);
  if (certificate) return { failure: "certificate", errorCode: certificate };
  if (error instanceof AttemptTimeoutError) return { failure: "timeout" };
  if (error instanceof ResponseTooLargeError) return { failure: "too large" };
  if (signal?.aborted) return { failure: "aborted" };
  const code = causeCode(error);
  return code ? { failure: "network error", errorCode: code } : { failure: "network error" };
}
