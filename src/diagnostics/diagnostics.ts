// What the client tells observers, on node:diagnostics_channel: a tracing channel around each
// public method's call and plain channels for its attempts, its waits and its polls. Nothing is
// built unless someone subscribed (hasSubscribers), so an unobserved call costs a property read.
// partner-center-orders/otel turns them into OpenTelemetry spans and metrics; any other observer
// may subscribe too. The browser and edge build has no-ops instead (diagnostics.browser.ts).
import type { Channel, TracingChannel } from "node:diagnostics_channel";
import { CHANNELS } from "./channels";

/** One public method's call: the context its tracing channel's events carry. */
export interface CallContext {
  operationId: string;
  method: string;
  requestId: string;
  correlationId: string;
  customerId?: string;
  orderId?: string;
  /** Attempts made, set as the call goes. */
  attempts: number;
  /** The final answer's status, when one came. */
  status?: number;
}

/** One attempt, published when it ends. */
export interface AttemptMessage {
  method: string;
  /** The URL without its query. */
  url: string;
  requestId: string | null;
  correlationId: string | null;
  /** 1 for the first attempt, 2 for the first resend, ... */
  attempt: number;
  /** The answer's status, or the kind of failure. */
  outcome: number | string;
  durationMs: number;
  /** The answer's MS-CV, for Microsoft support. */
  msCv?: string | null;
  retryAfter?: string | null;
}

/** A wait: a backoff before a retry, a 429's pause, or pacing. */
export interface WaitMessage {
  reason: "backoff" | "retry-after" | "throttled" | "pacing";
  delayMs: number;
  requestId?: string | null;
}

/** One poll of a provisioning poller. */
export interface PollMessage {
  customerId: string;
  orderId: string;
  polls: number;
  status?: string;
  done: boolean;
  outcome?: string;
}

export { CHANNELS } from "./channels";

type DiagnosticsChannel = typeof import("node:diagnostics_channel");
const dc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(
  "node:diagnostics_channel",
) as DiagnosticsChannel | undefined;

const callChannel: TracingChannel<CallContext, CallContext> | undefined = dc?.tracingChannel?.(CHANNELS.call);
const plain = (name: string): Channel | undefined => dc?.channel(name);
const attemptChannel = plain(CHANNELS.attempt);
const waitChannel = plain(CHANNELS.wait);
const pollChannel = plain(CHANNELS.poll);

/** Whether anyone listens to calls: only then is a context built. */
export const tracingCalls = (): boolean => callChannel?.hasSubscribers === true;

/** `run` traced on the call channel with `context` (start, end, asyncStart, asyncEnd, error). */
export function traceCall<T>(context: CallContext, run: () => Promise<T>): Promise<T> {
  return callChannel!.tracePromise(run, context);
}

/** Whether anyone listens: checked before a message is built, so an unobserved call builds none. */
export const observed = {
  attempt: (): boolean => attemptChannel?.hasSubscribers === true,
  wait: (): boolean => waitChannel?.hasSubscribers === true,
  poll: (): boolean => pollChannel?.hasSubscribers === true,
};

export const publishAttempt = (message: AttemptMessage): void => attemptChannel?.publish(message);
export const publishWait = (message: WaitMessage): void => waitChannel?.publish(message);
export const publishPoll = (message: PollMessage): void => pollChannel?.publish(message);
