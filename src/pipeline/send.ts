// The client's fetch, beneath openapi-fetch's middleware: ids once per logical call, then the
// attempt loop: attempt (its turn under pacing, a bearer token, the bytes), decide (retry-policy.ts
// holds every rule), report (attempt-report.ts), wait. One token refresh on a 401. Each attempt
// reads its whole answer, so a body that stalls or breaks off is retried like any failed attempt,
// under the same MS-RequestId. One clock: the injected `now`.
import type { TokenProvider } from "../credentials/credential";
import { observed } from "../diagnostics/diagnostics";
import { isPartnerCenterError } from "../errors";
import type { Logger } from "../diagnostics/log";
import type { Outgoing } from "../internal/fast/outgoing";
import type { Pacer, PaceHint } from "../rate-limit/rate-limiter";
import { isInProgress } from "../rules/in-progress";
import { sendAttempt, type AttemptTransport, type Received } from "../transport/attempt";
import { isFinalFailure } from "../transport/failure-kind";
import { attemptReport, type AttemptReport, type AttemptResult } from "./attempt-report";
import { aborted, redirected, transportError, withCall } from "./call-errors";
import { assignRequestIds } from "./request-ids";
import { decideRetry, parseRetryAfter, type AttemptOutcome, type RetryPolicy } from "./retry-policy";

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

/** Whether an answer is 409 800060 or 800064 (read only for a 409: no other answer's body is parsed here). */
function inProgress(received: Received | undefined): boolean {
  if (received?.status !== 409) return false;
  try {
    return isInProgress(409, JSON.parse(new TextDecoder().decode(received.body)));
  } catch {
    return false;
  }
}

/** What the retry policy is told of an attempt's result. */
function outcomeOf(call: Outgoing, { received, error }: AttemptResult): AttemptOutcome {
  return {
    status: received?.status,
    retryAfter: received?.headers.get("Retry-After"),
    inProgress: inProgress(received),
    replayable: call.request === undefined,
    final: !received && isFinalFailure(error),
  };
}

export interface Sender {
  /** One logical call in, its final answer out, read whole (sender-fetch.ts makes it a fetch). */
  send(call: Outgoing): Promise<Received>;
}

/**
 * What pacing may know of a call: the customer its path names, and how long its slot may be held
 * (its attempt's timeout plus leaseSlackMs: the token's fetch and a second) before a store takes it back.
 */
function paceHint(call: Outgoing, timeoutMs: number, leaseSlackMs: number): PaceHint {
  const customer = /\/customers\/([^/?#]+)/.exec(call.url)?.[1];
  return { customerId: customer === undefined ? undefined : customer.toLowerCase(), leaseMs: timeoutMs + leaseSlackMs };
}

/** A call's per-attempt timeout: its own, or the client's. */
const timeoutOf = (config: SenderConfig, call: Outgoing) => call.timeoutMs ?? config.timeoutMs;

/** One attempt: its turn under pacing, then its token, then the bytes; reported whatever happens. */
async function attemptOnce(
  config: SenderConfig,
  report: AttemptReport,
  call: Outgoing,
  attempt: number,
  forceRefresh: boolean,
): Promise<Received> {
  // Its turn first (the ids are already set: a queued call keeps them), then its token.
  let answered: (() => void) | undefined;
  if (config.limiter) {
    // Timed only for a listener: this runs on every attempt.
    const queued = observed.wait() ? config.now() : undefined;
    answered = await config.limiter.acquire(call.signal, paceHint(call, timeoutOf(config, call), config.leaseSlackMs));
    if (queued !== undefined) report.paced(call, Math.round(config.now() - queued));
  }
  let started: number | undefined;
  const result: AttemptResult = {};
  try {
    call.headers.set("Authorization", `Bearer ${await config.tokens.getToken(forceRefresh, call.signal)}`);
    started = config.now();
    const limits = { timeoutMs: timeoutOf(config, call), maxResponseBytes: config.maxResponseBytes };
    result.received = await sendAttempt(config.transport, call, limits);
    if (result.received.status === 429) pauseEveryone(config, report, result.received, call);
    return result.received;
  } catch (error) {
    result.error = error;
    throw error;
  } finally {
    answered?.();
    if (call.trace) call.trace.attempts = attempt;
    if (started !== undefined) report.attempt(call, attempt, config.now() - started, result);
  }
}

/** A 429 holds back every call of the client for its Retry-After, up to the longest wait the client retries after. */
function pauseEveryone(config: SenderConfig, report: AttemptReport, received: Received, call: Outgoing): void {
  const retryAfterMs = parseRetryAfter(received.headers.get("Retry-After"), config.now());
  if (retryAfterMs === undefined || !config.limiter) return;
  const pauseMs = Math.min(retryAfterMs, config.policy.maxRetryAfterMs);
  config.limiter.pause(pauseMs, paceHint(call, timeoutOf(config, call), config.leaseSlackMs));
  report.paused(call, pauseMs);
}

export function createSender(config: SenderConfig): Sender {
  const { tokens, policy, now } = config;
  const report = attemptReport(config);

  /** The attempt, and the one retry with a fresh token that a 401 earns. */
  async function tryOnce(call: Outgoing, counter: { attempts: number; refreshed: boolean }): Promise<AttemptResult> {
    try {
      let received = await attemptOnce(config, report, call, ++counter.attempts, false);
      if (received.status === 401 && tokens.refreshable && !counter.refreshed && call.request === undefined) {
        // The token may have been revoked or expired early: one fresh token, one more try.
        counter.refreshed = true;
        received = await attemptOnce(config, report, call, ++counter.attempts, true);
      }
      return { received };
    } catch (error) {
      if (call.signal?.aborted) throw aborted(call);
      if (isPartnerCenterError(error)) throw withCall(error, call);
      return { error };
    }
  }

  async function send(call: Outgoing): Promise<Received> {
    assignRequestIds(call.headers);
    const startedAt = now();
    const counter = { attempts: 0, refreshed: false };
    for (let retry = 1; ; retry++) {
      const result = await tryOnce(call, counter);
      const { received } = result;
      if (received?.redirect) throw redirected(received, call);
      if (received && call.trace) call.trace.status = received.status;
      if (received && received.status < 300) return received;
      const decision = decideRetry(retry, outcomeOf(call, result), policy, now(), config.random());
      if (!decision.retry) {
        report.gaveUp(call, counter.attempts, result, now() - startedAt);
        if (received) return received;
        throw transportError(result.error, call);
      }
      report.retrying(call, counter.attempts, result, decision.delayMs, policy.maxRetries + 1);
      await config.sleep(decision.delayMs, call.signal).catch((reason: unknown) => {
        throw call.signal?.aborted ? aborted(call) : reason;
      });
    }
  }

  return { send };
}
