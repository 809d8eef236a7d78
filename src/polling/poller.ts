// pc.orders.pollProvisioning: waits for an order to finish provisioning. Each poll reads the order
// (its status, and the subscription ids once provisioned) and, unless its status already settles
// it, the line items' provisioning states; provisioning-outcome.ts judges them and poll-delay.ts
// says how long to wait next. Polls of one order never overlap, even across pollers. The state is
// text at any time (toString), from which another process resumes without placing anything again.
import type { OrderLineItemProvisioningStatusCollection, PlacedOrder } from "../../generated/schema";
import { abortedError, isPartnerCenterError, PartnerCenterError, PartnerCenterValidationError } from "../errors";
import { observed, publishPoll } from "../diagnostics/diagnostics";
import { parseRetryAfter } from "../pipeline/retry-policy";
import type { CallOptions } from "../options";
import { sleep } from "../internal/async/sleep";
import { getOrderProvisioningStatusRule, getOrderRule } from "../../generated/request-rules";
import { callWith, perClient, type PartnerCenterCore } from "../calls/core-handle";
import type { Operation } from "../rules/rule-types";
import { oneAtATime, type OneAtATime } from "./one-at-a-time";
import { DEFAULT_MAX_WAIT_MS, DEFAULT_POLL_SCHEDULE, nextPollDelay } from "./poll-delay";
import { newSavedPoller, readSavedPoller, waitProblems, type SavedPoller } from "./poller-state";
import { judgeProvisioning, type ProvisioningOutcome } from "./provisioning-outcome";

export interface PollOptions {
  /** The first wait between polls, in ms; waits double from there up to maxIntervalMs. Default 2 000. */
  intervalMs?: number | undefined;
  /** The longest wait between polls, in ms. Default 60 000. */
  maxIntervalMs?: number | undefined;
  /**
   * How long to wait for provisioning, in ms, before the outcome is `timed_out`. Default 30 minutes.
   * A bound: a poll still waiting on pacing or retries is abandoned then (a poll that starts at
   * it gets up to 10 s more), and a wait with no poll answered rejects with TIMEOUT.
   */
  maxWaitMs?: number | undefined;
  /** Ends the wait at once: the poller rejects with ABORTED and the ids of its last request. */
  signal?: AbortSignal | undefined;
  /** What an earlier poller's toString() returned: carry on where it stopped. */
  resumeFrom?: string | undefined;
}

export interface ProvisioningState {
  /** The order as last read. */
  order: PlacedOrder;
  /** Its line items' provisioning states, when read (not when the order's status settles it). */
  provisioning?: OrderLineItemProvisioningStatusCollection;
  done: boolean;
  /** Set when done. */
  outcome?: ProvisioningOutcome;
  /** Statuses the client does not know, never taken as done (`order: <s>`, `line item <n>: <s>`). */
  unrecognised: string[];
  /** Polls made so far, counting those of the poller this one resumed. */
  polls: number;
  /**
   * Why the line items' provisioning states were not read, when the credential may not read them
   * (getOrderProvisioningStatus takes App+User only): the order was judged from itself (D35).
   */
  provisioningUnread?: string;
}

export interface ProvisioningResult {
  order: PlacedOrder;
  provisioning?: OrderLineItemProvisioningStatusCollection;
  outcome: ProvisioningOutcome;
  /** Set when the order was judged from itself alone: see ProvisioningState. */
  provisioningUnread?: string;
}

export interface ProvisioningPoller extends AsyncIterable<ProvisioningState> {
  /** Polls to the end; resolves with the outcome (`timed_out` included), rejects on a failed poll or an abort. */
  pollUntilDone(): Promise<ProvisioningResult>;
  /** The state as JSON, for pollProvisioning(..., { resumeFrom }) in this process or another. */
  toString(): string;
}

type PollRead = "getOrder" | "getOrderProvisioningStatus";

export interface PollerDeps {
  read<T>(
    operationId: PollRead,
    customerId: string,
    orderId: string,
    options: CallOptions,
    onHeaders: (headers: Headers) => void,
  ): Promise<T>;
  oneAtATime: OneAtATime;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  now(): number;
}

const WAITS = ["intervalMs", "maxIntervalMs", "maxWaitMs"] as const;

/** The saved state a poller starts from, or the caller's mistakes (nothing is sent then). */
function startingState(
  customerId: string,
  orderId: string,
  options: PollOptions,
  firstPollAfterMs: number,
  now: number,
): SavedPoller {
  const problems = waitProblems(options as Record<string, unknown>, WAITS);
  const read =
    options.resumeFrom === undefined ? undefined : readSavedPoller(options.resumeFrom, customerId, orderId, now);
  if (Array.isArray(read)) problems.push(...read);
  if (problems.length) throw new PartnerCenterValidationError("pollProvisioning", problems);
  const resumed = read as SavedPoller | undefined;
  const schedule = {
    intervalMs: options.intervalMs ?? resumed?.intervalMs ?? DEFAULT_POLL_SCHEDULE.intervalMs,
    maxIntervalMs: options.maxIntervalMs ?? resumed?.maxIntervalMs ?? DEFAULT_POLL_SCHEDULE.maxIntervalMs,
  };
  if (resumed)
    return {
      ...resumed,
      ...schedule,
      ...(options.maxWaitMs === undefined ? {} : { deadline: now + options.maxWaitMs }),
    };
  return newSavedPoller({
    customerId,
    orderId,
    polls: 0,
    nextPollAt: now + firstPollAfterMs,
    deadline: now + (options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS),
    ...schedule,
    correlationId: crypto.randomUUID(),
  });
}

/** Error 800007, "Unable to retrieve provisioning information": not there yet, so poll again. */
const notYetProvisioning = (error: unknown) =>
  isPartnerCenterError(error) && error.status === 404 && String(error.code) === "800007";

/** How long a poll that starts at the deadline may take (at most maxWaitMs): pollUntilDone settles by maxWaitMs and this. */
const LAST_POLL_GRACE_MS = 10_000;

/** A 403 to getOrderProvisioningStatus: the docs give it to App+User credentials alone, so an App-only one is refused. */
const notForThisCredential = (error: unknown) => isPartnerCenterError(error) && error.status === 403;

/** One poller's run: what it polls, its saved state, and what it has learnt on the way. */
interface PollRun {
  deps: PollerDeps;
  customerId: string;
  orderId: string;
  options: PollOptions;
  saved: SavedPoller;
  lastRequestId?: string;
  /** Once refused for the credential's kind, never asked again: the order alone decides. */
  provisioningUnread?: string;
  last?: ProvisioningState;
}

interface Answered {
  order: PlacedOrder;
  provisioning?: OrderLineItemProvisioningStatusCollection | undefined;
  retryAfterMs: number | undefined;
}

const PROVISIONING_UNREAD =
  "getOrderProvisioningStatus was refused with 403 (it takes App+User credentials, Admin agent or Global admin; an App-only credential is refused): the order is judged from its status and its line items' subscription ids";

/** One poll: the order, then its provisioning unless the order's status settles it. One request at a time per order. */
function pollOnce(run: PollRun, bounded: AbortSignal): Promise<Answered> {
  const { deps, customerId, orderId } = run;
  const ids = () => ({ requestId: (run.lastRequestId = crypto.randomUUID()), correlationId: run.saved.correlationId });
  return deps.oneAtATime(
    `${customerId.toLowerCase()}/${orderId}`,
    async () => {
      let retryAfterMs: number | undefined;
      const onHeaders = (headers: Headers) =>
        (retryAfterMs = parseRetryAfter(headers.get("Retry-After"), deps.now()) ?? retryAfterMs);
      const read = <T>(operationId: PollRead) =>
        deps.read<T>(operationId, customerId, orderId, { signal: bounded, ...ids() }, onHeaders);
      const order = await read<PlacedOrder>("getOrder");
      if (run.provisioningUnread || judgeProvisioning(order).done) return { order, retryAfterMs };
      const provisioning = await read<OrderLineItemProvisioningStatusCollection>("getOrderProvisioningStatus").catch(
        (error: unknown) => {
          if (notYetProvisioning(error)) return undefined;
          if (!notForThisCredential(error)) throw error;
          run.provisioningUnread = PROVISIONING_UNREAD;
          return undefined;
        },
      );
      return { order, provisioning, retryAfterMs };
    },
    bounded,
  );
}

/**
 * One poll, abandoned at the deadline (or, for a poll that starts there, a grace later) however
 * long its calls wait on pacing or retries: undefined when the deadline ended it.
 */
async function boundedPoll(run: PollRun): Promise<Answered | undefined> {
  const { signal, maxWaitMs } = run.options;
  const timer = new AbortController();
  const budget = Math.max(
    run.saved.deadline - run.deps.now(),
    Math.min(LAST_POLL_GRACE_MS, maxWaitMs ?? DEFAULT_MAX_WAIT_MS),
  );
  const clock = setTimeout(() => timer.abort(new Error("maxWaitMs")), budget);
  try {
    return await pollOnce(run, signal ? AbortSignal.any([signal, timer.signal]) : timer.signal);
  } catch (error) {
    if (timer.signal.aborted && !signal?.aborted) return undefined;
    throw error;
  } finally {
    clearTimeout(clock);
  }
}

/** The state after an answered poll, and when to poll next (at the deadline at the latest). */
function stateAfter(run: PollRun, { order, provisioning, retryAfterMs }: Answered): ProvisioningState {
  const { saved, provisioningUnread } = run;
  saved.polls += 1;
  const verdict = judgeProvisioning(order, provisioning, { orderAlone: provisioningUnread !== undefined });
  const now = run.deps.now();
  const timedOut = !verdict.done && now >= saved.deadline;
  saved.nextPollAt = Math.min(now + nextPollDelay(saved.polls, saved, retryAfterMs), saved.deadline);
  return {
    order,
    provisioning,
    done: verdict.done || timedOut,
    outcome: verdict.outcome ?? (timedOut ? "timed_out" : undefined),
    unrecognised: verdict.unrecognised,
    polls: saved.polls,
    ...(provisioningUnread ? { provisioningUnread } : {}),
  };
}

/** The deadline came before any poll was answered: a typed error with the last request's ids. */
const deadlineFirst = (run: PollRun) =>
  new PartnerCenterError(
    `pollProvisioning for order ${run.orderId} reached maxWaitMs before a poll was answered: its calls were still waiting (on the client's pacing, or retries)`,
    { code: "TIMEOUT", isRetryable: true, requestId: run.lastRequestId, correlationId: run.saved.correlationId },
  );

/** A wait the caller's signal ended, between requests: the last request's ids, the signal's reason. */
const abortedWaiting = (run: PollRun, reason: unknown) =>
  abortedError(`pollProvisioning for order ${run.orderId} was aborted by the caller's signal`, {
    requestId: run.lastRequestId,
    correlationId: run.saved.correlationId,
    cause: reason,
  });

/** The polls, one state each, until done; what they fail with is typed. */
async function* polls(run: PollRun): AsyncGenerator<ProvisioningState, void, undefined> {
  const { deps, saved, options } = run;
  for (;;) {
    const wait = saved.nextPollAt - deps.now();
    if (wait > 0) await deps.sleep(wait, options.signal);
    const answered = await boundedPoll(run);
    if (!answered) {
      if (!run.last) throw deadlineFirst(run);
      yield (run.last = { ...run.last, done: true, outcome: "timed_out" });
      return;
    }
    const state = (run.last = stateAfter(run, answered));
    if (observed.poll()) {
      const { polls: count, done, outcome } = state;
      publishPoll({
        customerId: run.customerId,
        orderId: run.orderId,
        polls: count,
        status: state.order.status,
        done,
        outcome,
      });
    }
    yield state;
    if (state.done) return;
  }
}

export function provisioningPoller(
  deps: PollerDeps,
  customerId: string,
  orderId: string,
  options: PollOptions = {},
  firstPollAfterMs = 0,
): ProvisioningPoller {
  const saved = startingState(customerId, orderId, options, firstPollAfterMs, deps.now());
  const run: PollRun = { deps, customerId, orderId, options, saved };
  let failure: unknown;
  const generator = (async function* () {
    try {
      yield* polls(run);
    } catch (error) {
      const { signal } = options;
      failure = signal?.aborted && !isPartnerCenterError(error) ? abortedWaiting(run, signal.reason) : error;
      throw failure;
    }
  })();
  // Without return(): leaving a for-await loop early does not end the poller.
  const iterator: AsyncIterableIterator<ProvisioningState> = {
    next: () => generator.next(),
    [Symbol.asyncIterator]() {
      return this;
    },
  };

  return {
    [Symbol.asyncIterator]: () => iterator,
    async pollUntilDone() {
      let last = run.last;
      for await (const state of iterator) last = state;
      // What the polls threw, as they threw it (a PartnerCenterError, or the caller's abort reason).
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (failure !== undefined) throw failure;
      const { order, provisioning, outcome } = last!;
      const unread = run.provisioningUnread;
      return { order, provisioning, outcome: outcome!, ...(unread ? { provisioningUnread: unread } : {}) };
    },
    toString: () => JSON.stringify(saved),
  };
}

/** How to wait for an order just placed: pollProvisioning's waits, without resuming. */
export type WaitOptions = Pick<PollOptions, "intervalMs" | "maxIntervalMs" | "maxWaitMs" | "signal">;

/**
 * Waits for an order an answer just carried: settled by its status already (held for a purchase
 * order, say), or polled from intervalMs on, since an order just placed is not provisioned yet.
 */
export function waitForProvisioning(
  deps: PollerDeps,
  customerId: string,
  placed: PlacedOrder,
  waits: WaitOptions,
): Promise<ProvisioningResult> {
  const verdict = judgeProvisioning(placed);
  if (verdict.done) return Promise.resolve({ order: placed, outcome: verdict.outcome! });
  return provisioningPoller(
    deps,
    customerId,
    placed.id,
    waits,
    waits.intervalMs ?? DEFAULT_POLL_SCHEDULE.intervalMs,
  ).pollUntilDone();
}

const READS = {
  getOrder: { rule: getOrderRule },
  getOrderProvisioningStatus: { rule: getOrderProvisioningStatusRule },
} satisfies Record<PollRead, Operation>;

/** The poller's reads through a client's calls, one poll at a time per order: one per client, so that its waits share that queue. */
export const pollerDepsOf = /* @__PURE__ */ perClient((client: PartnerCenterCore): PollerDeps => ({
  read: (operationId, customerId, orderId, options, onHeaders) =>
    callWith(client, READS[operationId], { path: { customer_id: customerId, order_id: orderId } }, options, onHeaders),
  oneAtATime: oneAtATime(),
  sleep,
  now: Date.now,
}));
