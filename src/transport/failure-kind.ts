// What kind of failure ended an attempt that got no answer, named for operators: the decision on
// the error alone, so a log line, a metric and a message say the same thing.
import { AttemptTimeoutError } from "./attempt";
import { causeCode, certificateErrorCode } from "./certificate-errors";
import { ProxySettingError } from "./node/proxy-setting-error";
import { ResponseTooLargeError } from "./read-body";

export interface FailureKind {
  /** `timeout`, `too large`, `aborted`, `certificate`, `proxy setting` or `network error`. */
  failure: string;
  /** The code along the error's cause chain (`ECONNRESET`, `UND_ERR_SOCKET`, an OpenSSL code), when it has one. */
  errorCode?: string;
}

export function failureKind(error: unknown, signal?: AbortSignal): FailureKind {
  const certificate = certificateErrorCode(error);
  if (certificate) return { failure: "certificate", errorCode: certificate };
  if (error instanceof AttemptTimeoutError) return { failure: "timeout" };
  if (error instanceof ResponseTooLargeError) return { failure: "too large" };
  if (error instanceof ProxySettingError) return { failure: "proxy setting" };
  if (signal?.aborted) return { failure: "aborted" };
  const code = causeCode(error);
  return code ? { failure: "network error", errorCode: code } : { failure: "network error" };
}

/** Whether sending again cannot help: the answer was too large, the certificate refused, or the proxy setting unusable. */
export function isFinalFailure(error: unknown): boolean {
  return (
    error instanceof ResponseTooLargeError ||
    error instanceof ProxySettingError ||
    certificateErrorCode(error) !== undefined
  );
}
