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
  type MeterProvider,
  type Span,
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

/** Turns the client's diagnostics into spans and metrics; returns the function that turns that off again. */
export function enableOpenTelemetry(options: OpenTelemetryOptions = {}): () => void {
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(SCOPE, version);
  const meter = (options.meterProvider ?? metrics.getMeterProvider()).getMeter(SCOPE, version);
  const duration = meter.createHistogram("partner_center.client.operation.duration", {
    unit: "s",
    description: "Duration of a client method's call, retries included.",
    advice: { explicitBucketBoundaries: DURATION_BUCKETS },
  });
  const retries = meter.createCounter("partner_center.client.retries", { description: "Attempts after the first." });
  const throttled = meter.createCounter("partner_center.client.throttled", { description: "Answers 429 (throttled)." });
  const paced = meter.createHistogram("partner_center.client.rate_limit.wait.duration", {
    unit: "s",
    description: "Time a call waited its turn under the client's pacing.",
    advice: { explicitBucketBoundaries: DURATION_BUCKETS },
  });

  // Contexts and request ids are the client's objects and strings: WeakMap and Map, never object keys.
  const spans = new WeakMap<CallContext, { span: Span; started: number }>();
  const byRequestId = new Map<string, Span>();

  const attributes = (context: CallContext) => ({
    "partner_center.operation": context.operationId,
    "http.request.method": context.method,
    "partner_center.request_id": context.requestId,
    "partner_center.correlation_id": context.correlationId,
    ...(context.orderId ? { "partner_center.order.id": context.orderId } : {}),
    ...(options.recordCustomerIds && context.customerId ? { "partner_center.customer.id": context.customerId } : {}),
  });
  const metricAttributes = (context: CallContext) => ({
    "partner_center.operation": context.operationId,
    ...(options.recordCustomerIds && context.customerId ? { "partner_center.customer.id": context.customerId } : {}),
  });

  // The one place a span's text is built from an error's: no secret, and no customer id unless asked.
  const statusMessage = (message: string, context: CallContext) => {
    const safe = redactSecrets(String(message));
    return options.recordCustomerIds ? safe : withoutCustomerIds(safe, context.customerId);
  };

  const finish = (context: CallContext, error?: unknown) => {
    const entry = spans.get(context);
    if (!entry) return;
    spans.delete(context);
    byRequestId.delete(context.requestId);
    const { span, started } = entry;
    span.setAttribute("partner_center.attempts", context.attempts);
    if (context.status !== undefined) span.setAttribute("http.response.status_code", context.status);
    const errorType =
      error === undefined
        ? undefined
        : isPartnerCenterError(error)
          ? String(error.code ?? error.status ?? "PartnerCenterError")
          : error instanceof Error
            ? error.name
            : "Error";
    if (errorType) {
      span.setAttribute("error.type", errorType);
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? statusMessage(error.message, context) : undefined,
      });
    }
    span.end();
    duration.record((performance.now() - started) / 1000, {
      ...metricAttributes(context),
      ...(errorType ? { "error.type": errorType } : {}),
    });
  };

  // tracePromise publishes start and end, then asyncStart and asyncEnd once the call settles, with
  // `error` set on the context (and published first) when it failed.
  const handlers = guardedAll({
    start(message: object) {
      const context = message as CallContext;
      const span = tracer.startSpan(`PartnerCenter.Orders.${context.operationId}`, {
        kind: SpanKind.CLIENT,
        attributes: attributes(context),
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
  const onAttempt = guarded((message: unknown) => {
    const attempt = message as AttemptMessage;
    const span = attempt.requestId ? byRequestId.get(attempt.requestId) : undefined;
    span?.addEvent("attempt", {
      "partner_center.attempt": attempt.attempt,
      "partner_center.outcome": String(attempt.outcome),
      "partner_center.duration_ms": attempt.durationMs,
      ...(attempt.msCv ? { "partner_center.ms_cv": attempt.msCv } : {}),
      ...(attempt.retryAfter ? { "http.response.header.retry-after": attempt.retryAfter } : {}),
    });
    if (attempt.attempt > 1) retries.add(1, { "http.request.method": attempt.method });
    if (attempt.outcome === 429) throttled.add(1, { "http.request.method": attempt.method });
  });
  const onWait = guarded((message: unknown) => {
    const wait = message as WaitMessage;
    const span = wait.requestId ? byRequestId.get(wait.requestId) : undefined;
    span?.addEvent(
      wait.reason === "pacing" ? "rate limit wait" : wait.reason === "throttled" ? "throttled" : "retry wait",
      { "partner_center.wait.reason": wait.reason, "partner_center.wait.ms": wait.delayMs },
    );
    if (wait.reason === "pacing") paced.record(wait.delayMs / 1000);
  });

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
