// partner-center-orders/otel: the client's diagnostics channels as OpenTelemetry spans and
// metrics. One span per public method's call, `PartnerCenter.Orders.<operationId>` (kind CLIENT),
// with the request and correlation ids and the order id as attributes, the customer id only when
// asked (it identifies a tenant), an event for each attempt and each wait, and `error.type` on
// failure. No span per attempt: OpenTelemetry's HTTP instrumentation already makes those.
// Metrics: operation duration, retries, throttling and pacing waits. @opentelemetry/api is an
// optional peer dependency: only this entry needs it.
import {
  metrics,
  SpanKind,
  SpanStatusCode,
  trace,
  type Meter,
  type MeterProvider,
  type Span,
  type Tracer,
  type TracerProvider,
} from "@opentelemetry/api";
import { subscribe, tracingChannel, unsubscribe } from "node:diagnostics_channel";
import { CHANNELS } from "../diagnostics/channels";
import type { AttemptMessage, CallContext, WaitMessage } from "../diagnostics/diagnostics";
import { isPartnerCenterError } from "../errors";
import { redactSecrets, withoutCustomerIds } from "../internal/redact";
import { version } from "../../package.json";

export interface OpenTelemetryOptions {
  /** Default: the global tracer provider. */
  tracerProvider?: TracerProvider | undefined;
  /** Default: the global meter provider. */
  meterProvider?: MeterProvider | undefined;
  /** Put customer ids on spans and metrics (`partner_center.customer.id`); off by default, since they identify a tenant. */
  recordCustomerIds?: boolean | undefined;
}

const SCOPE = "partner-center-orders";

/**
 * Seconds. The SDK's default buckets are milliseconds-sized for values recorded in seconds (every
 * call would land in the first); these span a 5 ms loopback call to a 10 minute poll or pacing wait.
 */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

// A subscriber's throw would reach the process as an uncaught exception (diagnostics_channel
// rethrows it on the next tick): an observer that breaks loses its own data, never the call's.
function guarded<A extends unknown[]>(handler: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      handler(...args);
    } catch {
      // The tracer's or meter's failure is theirs.
    }
  };
}

function guardedAll<T extends Record<string, (message: object) => void>>(handlers: T): T {
  return Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, guarded(handler)])) as T;
}

type Instruments = ReturnType<typeof instrumentsOf>;

function instrumentsOf(meter: Meter) {
  const seconds = (description: string) => ({
    unit: "s",
    description,
    advice: { explicitBucketBoundaries: DURATION_BUCKETS },
  });
  return {
    duration: meter.createHistogram(
      "partner_center.client.operation.duration",
      seconds("Duration of a client method's call, retries included."),
    ),
    retries: meter.createCounter("partner_center.client.retries", { description: "Attempts after the first." }),
    throttled: meter.createCounter("partner_center.client.throttled", { description: "Answers 429 (throttled)." }),
    paced: meter.createHistogram(
      "partner_center.client.rate_limit.wait.duration",
      seconds("Time a call waited its turn under the client's pacing."),
    ),
  };
}

/** `error.type`: the client's error code (or status), else the error's name. */
function errorTypeOf(error: unknown): string | undefined {
  if (error === undefined) return undefined;
  if (isPartnerCenterError(error)) return String(error.code ?? error.status ?? "PartnerCenterError");
  return error instanceof Error ? error.name : "Error";
}

/** What spans and metrics may say of a call: customer ids only when asked, never a secret. */
function describer(recordCustomerIds: boolean | undefined) {
  const customer = (context: CallContext) =>
    recordCustomerIds && context.customerId ? { "partner_center.customer.id": context.customerId } : {};
  return {
    span: (context: CallContext) => ({
      "partner_center.operation": context.operationId,
      "http.request.method": context.method,
      "partner_center.request_id": context.requestId,
      "partner_center.correlation_id": context.correlationId,
      ...(context.orderId ? { "partner_center.order.id": context.orderId } : {}),
      ...customer(context),
    }),
    metric: (context: CallContext) => ({ "partner_center.operation": context.operationId, ...customer(context) }),
    // The one place a span's text is built from an error's: no secret, and no customer id unless asked.
    statusMessage: (message: string, context: CallContext) => {
      const safe = redactSecrets(String(message));
      return recordCustomerIds ? safe : withoutCustomerIds(safe, context.customerId);
    },
  };
}

/** One span per call, from the call channel's start to its asyncEnd. */
function callSpans(tracer: Tracer, instruments: Instruments, options: OpenTelemetryOptions) {
  // Contexts and request ids are the client's objects and strings: WeakMap and Map, never object keys.
  const spans = new WeakMap<CallContext, { span: Span; started: number }>();
  const byRequestId = new Map<string, Span>();
  const describe = describer(options.recordCustomerIds);

  const finish = (context: CallContext, error?: unknown) => {
    const entry = spans.get(context);
    if (!entry) return;
    spans.delete(context);
    byRequestId.delete(context.requestId);
    const { span, started } = entry;
    span.setAttribute("partner_center.attempts", context.attempts);
    if (context.status !== undefined) span.setAttribute("http.response.status_code", context.status);
    const errorType = errorTypeOf(error);
    if (errorType) {
      span.setAttribute("error.type", errorType);
      const message = error instanceof Error ? describe.statusMessage(error.message, context) : undefined;
      span.setStatus({ code: SpanStatusCode.ERROR, message });
    }
    span.end();
    const attributes = { ...describe.metric(context), ...(errorType ? { "error.type": errorType } : {}) };
    instruments.duration.record((performance.now() - started) / 1000, attributes);
  };

  // tracePromise publishes start and end, then asyncStart and asyncEnd once the call settles, with
  // `error` set on the context (and published first) when it failed.
  const handlers = guardedAll({
    start(message: object) {
      const context = message as CallContext;
      const span = tracer.startSpan(`PartnerCenter.Orders.${context.operationId}`, {
        kind: SpanKind.CLIENT,
        attributes: describe.span(context),
      });
      spans.set(context, { span, started: performance.now() });
      byRequestId.set(context.requestId, span);
    },
    end() {},
    asyncStart() {},
    asyncEnd(message: object) {
      const context = message as CallContext & { error?: unknown };
      finish(context, context.error);
    },
    error() {},
  });
  return {
    handlers,
    spanOf: (requestId: string | null | undefined) => (requestId ? byRequestId.get(requestId) : undefined),
  };
}

/** Attempts and waits as events on their call's span, and as the retry, throttling and pacing metrics. */
function eventRecorders(spanOf: (requestId: string | null | undefined) => Span | undefined, instruments: Instruments) {
  const onAttempt = guarded((message: unknown) => {
    const attempt = message as AttemptMessage;
    spanOf(attempt.requestId)?.addEvent("attempt", {
      "partner_center.attempt": attempt.attempt,
      "partner_center.outcome": String(attempt.outcome),
      "partner_center.duration_ms": attempt.durationMs,
      ...(attempt.msCv ? { "partner_center.ms_cv": attempt.msCv } : {}),
      ...(attempt.retryAfter ? { "http.response.header.retry-after": attempt.retryAfter } : {}),
    });
    if (attempt.attempt > 1) instruments.retries.add(1, { "http.request.method": attempt.method });
    if (attempt.outcome === 429) instruments.throttled.add(1, { "http.request.method": attempt.method });
  });
  const onWait = guarded((message: unknown) => {
    const wait = message as WaitMessage;
    spanOf(wait.requestId)?.addEvent(
      wait.reason === "pacing" ? "rate limit wait" : wait.reason === "throttled" ? "throttled" : "retry wait",
      { "partner_center.wait.reason": wait.reason, "partner_center.wait.ms": wait.delayMs },
    );
    if (wait.reason === "pacing") instruments.paced.record(wait.delayMs / 1000);
  });
  return { onAttempt, onWait };
}

/** Turns the client's diagnostics into spans and metrics; returns the function that turns that off again. */
export function enableOpenTelemetry(options: OpenTelemetryOptions = {}): () => void {
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(SCOPE, version);
  const meter = (options.meterProvider ?? metrics.getMeterProvider()).getMeter(SCOPE, version);
  const instruments = instrumentsOf(meter);
  const { handlers, spanOf } = callSpans(tracer, instruments, options);
  const { onAttempt, onWait } = eventRecorders(spanOf, instruments);

  const calls = tracingChannel(CHANNELS.call);
  calls.subscribe(handlers);
  subscribe(CHANNELS.attempt, onAttempt);
  subscribe(CHANNELS.wait, onWait);
  let enabled = true;
  return () => {
    if (!enabled) return;
    enabled = false;
    calls.unsubscribe(handlers);
    unsubscribe(CHANNELS.attempt, onAttempt);
    unsubscribe(CHANNELS.wait, onWait);
  };
}
