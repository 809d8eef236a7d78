// The client's fetch, beneath openapi-fetch's middleware: ids once per logical call, then the
// attempt loop with a bearer token per attempt, one token refresh on 401, and retries as
// retry-policy.ts decides. Each attempt reads its whole answer, so a body that stalls or breaks
// off is retried like any failed attempt, under the same MS-RequestId.
import type { TokenProvider } from "../credentials/credential";
import { abortedError, isPartnerCenterError, PartnerCenterError, type ClientErrorCode } from "../errors";
import { reasonOf } from "../internal/printable";
import { redactSecrets, withoutCustomerIds } from "../internal/redact";
import { AttemptTimeoutError, sendAttempt, type AttemptTransport, type Received } from "../transport/attempt";
import { BufferedResponse } from "../internal/fast/buffered-response";
import { certificateAdvice, certificateErrorCode } from "../transport/certificate-errors";
import { observed, publishAttempt, publishWait } from "../diagnostics/diagnostics";
import { failureKind, isFinalFailure } from "../transport/failure-kind";
import { ProxySettingError } from "../transport/node/proxy-setting-error";
import { emit, formatAttempt, pathOf, type Logger } from "../diagnostics/log";
import { ResponseTooLargeError } from "../transport/read-body";
import type { LightRequest } from "../internal/fast/light-request";
import { outgoingFrom, type Outgoing } from "../internal/fast/replay";
import { CORRELATION_ID, REQUEST_ID, assignRequestIds } from "./request-ids";
import type { Pacer, PaceHint } from "../rate-limit/rate-limiter";
import { isInProgress } from "../rules/in-progress";
import { decideRetry, parseRetryAfter, type RetryPolicy } from "./retry-policy";

export interface SenderConfig {
  /** How each attempt's bytes move: node:http, or a fetch. */
  transport: AttemptTransport;
  tokens: TokenProvider;
  policy: RetryPolicy;
  /** Per-attempt timeout in milliseconds, from sending to the answer's last byte; 0 turns it off. */
  timeoutMs: number;
  /** Largest answer read, in bytes. */
  maxResponseBytes: number;
  logger?: Logger;
  /** Paces every attempt of the client's calls; shared by all its senders. */
  limiter?: Pacer;
  /** How much longer than an attempt's timeout a shared slot is held: the token's timeout and a second. */
  leaseSlackMs: number;
  /** Whether log lines and diagnostics messages show customer ids; else a path shows `{customer_id}`. */
  recordCustomerIds: boolean;
  now: () => number;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

function failure(
  code: ClientErrorCode,
  reason: string,
  call: Outgoing,
  fields: { status?: number; cause?: unknown; isRetryable: boolean },
) {
  return new PartnerCenterError(`${call.method} ${call.url} failed: ${reason}`, {
    code,
    requestId: call.headers.get(REQUEST_ID) ?? undefined,
    correlationId: call.headers.get(CORRELATION_ID) ?? undefined,
    method: call.method,
    url: call.url,
    ...fields,
  });
}

/** The caller's signal ended the call: its ids stay on the error, so it can be re-sent safely. */
function aborted(call: Outgoing): PartnerCenterError {
  const reason: unknown = call.signal?.reason;
  const why = reasonOf(reason);
  return abortedError(`${call.method} ${call.url} failed: aborted by the caller's signal: ${why}`, {
    requestId: call.headers.get(REQUEST_ID) ?? undefined,
    correlationId: call.headers.get(CORRELATION_ID) ?? undefined,
    method: call.method,
    url: call.url,
    cause: reason,
  });
}

/** A credential's failure, now that it belongs to a call: the same reason, with the call's ids. */
function withCall(error: PartnerCenterError, call: Outgoing): PartnerCenterError {
  if (error.requestId) return error;
  return failure(error.code as ClientErrorCode, error.message, call, {
    cause: error.cause,
    isRetryable: error.isRetryable ?? false,
  });
}

function transportError(error: unknown, call: Outgoing): PartnerCenterError {
  if (error instanceof ResponseTooLargeError)
    return failure("RESPONSE_TOO_LARGE", error.message, call, { cause: error, isRetryable: false });
  // No cause: the setting's own parse error quotes its value, password and all.
  if (error instanceof ProxySettingError) return failure("NETWORK_ERROR", error.message, call, { isRetryable: false });
  const certificate = certificateErrorCode(error);
  if (certificate) {
    return failure(
      "CERTIFICATE_ERROR",
      `the server's TLS certificate was refused (${certificate}): ${certificateAdvice(certificate)}`,
      call,
      { cause: error, isRetryable: false },
    );
  }
  const timedOut = error instanceof AttemptTimeoutError;
  // A proxy's URL, with its password, may be in a socket's message: redacted like a token.
  const reason = redactSecrets(reasonOf(error));
  return failure(timedOut ? "TIMEOUT" : "NETWORK_ERROR", reason, call, { cause: error, isRetryable: true });
}

/** Whether an answer is 409 800060 (read only for a 409: no other answer's body is parsed here). */
function inProgress(received: Received | undefined): boolean {
  if (received?.status !== 409) return false;
  try {
    return isInProgress(409, JSON.parse(new TextDecoder().decode(received.body)));
  } catch {
    return false;
  }
}

export interface Sender {
  /** One logical call in, its final answer out, read whole. */
  send(call: Outgoing): Promise<Received>;
  /** The same, as the fetch openapi-fetch calls (with the request it built). */
  fetch: (request: Request | LightRequest) => Promise<Response>;
}

/**
 * What pacing may know of a call: the customer its path names, and how long its slot may be held
 * (its attempt's timeout plus leaseSlackMs: the token's fetch and a second) before a store takes it back.
 */
function paceHint(call: Outgoing, timeoutMs: number, leaseSlackMs: number): PaceHint {
  const customer = /\/customers\/([^/?#]+)/.exec(call.url)?.[1];
  return { customerId: customer === undefined ? undefined : customer.toLowerCase(), leaseMs: timeoutMs + leaseSlackMs };
}

export function createSender(config: SenderConfig): Sender {
  const { tokens, policy, logger, now } = config;
  const limits = { timeoutMs: config.timeoutMs, maxResponseBytes: config.maxResponseBytes };

  async function attemptOnce(call: Outgoing, attempt: number, forceRefresh: boolean): Promise<Received> {
    // Its turn first (the ids are already set: a queued call keeps them), then its token.
    const queued = config.limiter && observed.wait() ? performance.now() : undefined;
    const answered = config.limiter
      ? await config.limiter.acquire(call.signal, paceHint(call, limits.timeoutMs, config.leaseSlackMs))
      : undefined;
    if (queued !== undefined) {
      const waited = Math.round(performance.now() - queued);
      if (waited > 0) publishWait({ reason: "pacing", delayMs: waited, requestId: call.headers.get(REQUEST_ID) });
    }
    let started: number | undefined;
    let received: Received | undefined;
    let failed: unknown;
    try {
      call.headers.set("Authorization", `Bearer ${await tokens.getToken(forceRefresh, call.signal)}`);
      started = now();
      received = await sendAttempt(config.transport, call, limits);
      if (received.status === 429) pauseEveryone(received, call);
      return received;
    } catch (error) {
      failed = error;
      throw error;
    } finally {
      answered?.();
      if (call.trace) call.trace.attempts = attempt;
      if (started !== undefined) report(call, attempt, now() - started, received, failed);
    }
  }

  /** What one attempt tells the logger and the attempt channel, built only for whoever listens. */
  function report(
    call: Outgoing,
    attempt: number,
    durationMs: number,
    received: Received | undefined,
    error: unknown,
  ): void {
    const kind = received ? undefined : failureKind(error, call.signal);
    const msCv = received?.headers.get("MS-CV") ?? undefined;
    if (logger) {
      const entry = { ...callFields(call, attempt), status: received?.status, ...kind, durationMs, msCv };
      emit(logger, "info", formatAttempt(entry), entry);
    }
    if (observed.attempt()) {
      publishAttempt({
        method: call.method,
        url: shown(call.url.replace(/\?.*$/, "")),
        requestId: call.headers.get(REQUEST_ID),
        correlationId: call.headers.get(CORRELATION_ID),
        attempt,
        outcome: received?.status ?? kind!.failure,
        durationMs,
        msCv,
        retryAfter: received?.headers.get("Retry-After"),
      });
    }
  }

  /** A 429 holds back every call of the client for its Retry-After, up to the longest wait the client retries after. */
  function pauseEveryone(received: Received, call: Outgoing): void {
    const retryAfterMs = parseRetryAfter(received.headers.get("Retry-After"), Date.now());
    if (retryAfterMs === undefined || !config.limiter) return;
    const pauseMs = Math.min(retryAfterMs, policy.maxRetryAfterMs);
    config.limiter.pause(pauseMs, paceHint(call, limits.timeoutMs, config.leaseSlackMs));
    if (observed.wait())
      publishWait({ reason: "throttled", delayMs: pauseMs, requestId: call.headers.get(REQUEST_ID) });
    if (logger)
      emit(
        logger,
        "info",
        `partner-center: a 429 pauses every call of this client for ${pauseMs} ms (429 Retry-After)`,
        { pauseMs, reason: "429 Retry-After" },
      );
  }

  /** A URL or path as observers see it: customer ids shown only where the client was asked to. */
  const shown = (text: string) => (config.recordCustomerIds ? text : withoutCustomerIds(text));

  /** The fields every line about `call` carries: what it is and its ids, never a header's value else. */
  const callFields = (call: Outgoing, attempt: number) => ({
    method: call.method,
    path: shown(pathOf(call.url)),
    attempt,
    requestId: call.headers.get(REQUEST_ID),
    correlationId: call.headers.get(CORRELATION_ID),
  });

  async function send(call: Outgoing): Promise<Received> {
    assignRequestIds(call.headers);
    const startedAt = now();
    const replayable = call.request === undefined;
    let attempt = 0;
    let refreshed = false;
    for (let retry = 1; ; retry++) {
      let received: Received | undefined;
      let error: unknown;
      try {
        received = await attemptOnce(call, ++attempt, false);
        if (received.status === 401 && tokens.refreshable && !refreshed && replayable) {
          // The token may have been revoked or expired early: one fresh token, one more try.
          refreshed = true;
          received = await attemptOnce(call, ++attempt, true);
        }
      } catch (caught) {
        if (call.signal?.aborted) throw aborted(call);
        if (isPartnerCenterError(caught)) throw withCall(caught, call);
        error = caught;
      }
      if (received?.redirect) {
        throw failure(
          "UNEXPECTED_REDIRECT",
          `the API answered ${received.status} (a redirect), which the client does not follow`,
          call,
          {
            status: received.status,
            isRetryable: false,
          },
        );
      }
      if (received && call.trace) call.trace.status = received.status;
      if (received && received.status < 300) return received;
      const decision =
        replayable && !isFinalFailure(error)
          ? decideRetry(
              retry,
              {
                status: received?.status,
                retryAfter: received?.headers.get("Retry-After"),
                inProgress: inProgress(received),
              },
              policy,
              now(),
              config.random(),
            )
          : { retry: false as const };
      const kind = received ? undefined : failureKind(error, call.signal);
      const what = received
        ? `answered ${received.status}`
        : `failed (${kind!.errorCode ? `${kind!.failure}: ${kind!.errorCode}` : kind!.failure})`;
      const fields = {
        ...callFields(call, attempt),
        status: received?.status,
        ...kind,
        msCv: received?.headers.get("MS-CV") ?? undefined,
      };
      if (!decision.retry) {
        if (logger) {
          const attempts = `${attempt} attempt${attempt === 1 ? "" : "s"}`;
          emit(
            logger,
            "error",
            `partner-center ${call.method} ${fields.path} failed after ${attempts}: ${received?.status ?? what}`,
            { ...fields, totalMs: now() - startedAt },
          );
        }
        if (received) return received;
        throw transportError(error, call);
      }
      if (logger) {
        emit(
          logger,
          "warn",
          `partner-center ${call.method} ${fields.path} ${what}: retrying in ${decision.delayMs} ms (attempt ${attempt} of ${policy.maxRetries + 1})`,
          {
            ...fields,
            delayMs: decision.delayMs,
          },
        );
      }
      if (observed.wait()) {
        const retryAfter = received?.headers.get("Retry-After");
        publishWait({
          reason: retryAfter && parseRetryAfter(retryAfter, Date.now()) !== undefined ? "retry-after" : "backoff",
          delayMs: decision.delayMs,
          requestId: call.headers.get(REQUEST_ID),
        });
      }
      await config.sleep(decision.delayMs, call.signal).catch((reason: unknown) => {
        throw call.signal?.aborted ? aborted(call) : reason;
      });
    }
  }

  return { send, fetch: async (request) => BufferedResponse.from(await send(outgoingFrom(request))) };
}
