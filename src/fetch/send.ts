// The client's fetch, beneath openapi-fetch's middleware: ids once per logical call, then the
// attempt loop with a bearer token per attempt, one token refresh on 401, and retries as
// retry-policy.ts decides. Everything a call needs to be repeated safely happens here.
import type { TokenProvider } from "../credential";
import { PartnerCenterError } from "../errors";
import { AttemptTimeoutError, sendAttempt, type FetchLike } from "./attempt";
import { formatAttempt, type Logger } from "./log";
import { canReplay } from "./replay";
import { CORRELATION_ID, REQUEST_ID, assignRequestIds } from "./request-ids";
import { decideRetry, type RetryPolicy } from "./retry-policy";

export interface SenderConfig {
  fetch: FetchLike;
  tokens: TokenProvider;
  policy: RetryPolicy;
  /** Per-attempt timeout in milliseconds; 0 turns it off. */
  timeoutMs: number;
  logger?: Logger;
  now: () => number;
  random: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

function transportError(error: unknown, request: Request): PartnerCenterError {
  const timedOut = error instanceof AttemptTimeoutError;
  const reason = timedOut ? error.message : error instanceof Error ? error.message : String(error);
  return new PartnerCenterError(`${request.method} ${request.url} failed: ${reason}`, {
    code: timedOut ? "TIMEOUT" : "NETWORK_ERROR",
    isRetryable: true,
    requestId: request.headers.get(REQUEST_ID) ?? undefined,
    correlationId: request.headers.get(CORRELATION_ID) ?? undefined,
    method: request.method,
    url: request.url,
    cause: error,
  });
}

/** The fetch openapi-fetch calls: one logical call in, its final answer out. */
export type Sender = (request: Request) => Promise<Response>;

export function createSender(config: SenderConfig): Sender {
  const { tokens, policy, logger, now } = config;

  async function attemptOnce(request: Request, attempt: number, forceRefresh: boolean): Promise<Response> {
    request.headers.set("Authorization", `Bearer ${await tokens.getToken(forceRefresh)}`);
    const started = logger ? now() : 0;
    let outcome: number | string = "network error";
    try {
      const response = await sendAttempt(config.fetch, request, config.timeoutMs);
      outcome = response.status;
      return response;
    } catch (error) {
      if (error instanceof AttemptTimeoutError) outcome = "timeout";
      else if (request.signal.aborted) outcome = "aborted";
      throw error;
    } finally {
      logger?.info(
        formatAttempt({
          method: request.method,
          url: request.url,
          attempt,
          outcome,
          durationMs: now() - started,
          requestId: request.headers.get(REQUEST_ID),
          correlationId: request.headers.get(CORRELATION_ID),
        }),
      );
    }
  }

  return async function send(request: Request): Promise<Response> {
    assignRequestIds(request.headers);
    const replayable = canReplay(request);
    let attempt = 0;
    let refreshed = false;
    for (let retry = 1; ; retry++) {
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await attemptOnce(request, ++attempt, false);
        if (response.status === 401 && tokens.refreshable && !refreshed && replayable) {
          // The token may have been revoked or expired early: one fresh token, one more try.
          refreshed = true;
          response = await attemptOnce(request, ++attempt, true);
        }
      } catch (error) {
        if (request.signal.aborted) throw request.signal.reason;
        if (error instanceof PartnerCenterError) throw error;
        failure = error;
      }
      if (response?.ok) return response;
      const decision = replayable
        ? decideRetry(
            retry,
            { status: response?.status, retryAfter: response?.headers.get("Retry-After") },
            policy,
            now(),
            config.random(),
          )
        : { retry: false as const };
      if (!decision.retry) {
        if (response) return response;
        throw transportError(failure, request);
      }
      // The failed answer's body is not needed: free its connection before waiting.
      await response?.body?.cancel().catch(() => undefined);
      await config.sleep(decision.delayMs, request.signal);
    }
  };
}
