// The otel subpath with the real OpenTelemetry SDK (in-memory span exporter, a metric reader):
// one span per method's call with its ids, an event per attempt and wait, error.type on failure,
// customer ids only when asked, the metrics, and nothing after it is turned off.
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { createPartnerCenterClient } from "../../src";
import { enableOpenTelemetry } from "../../src/otel";
import { CHANNELS } from "../../src/diagnostics/channels";
import { startFakePartnerCenter, type FakePartnerCenter } from "../../src/testing";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const LINE = { offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 };

let fake: FakePartnerCenter;
let spans: InMemorySpanExporter;
let tracerProvider: BasicTracerProvider;
let metricExporter: InMemoryMetricExporter;
let reader: PeriodicExportingMetricReader;
let meterProvider: MeterProvider;
let disable: (() => void) | undefined;

beforeEach(async () => {
  fake = await startFakePartnerCenter();
  spans = new InMemorySpanExporter();
  tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 60_000 });
  meterProvider = new MeterProvider({ readers: [reader] });
});
afterEach(async () => {
  disable?.();
  disable = undefined;
  await fake.close();
  await meterProvider.shutdown();
});

const client = () =>
  createPartnerCenterClient({
    credential: "t",
    baseUrl: fake.url,
    rateLimit: false,
    backoff: { baseDelayMs: 1, maxDelayMs: 2 },
  });

async function metricNames(): Promise<Record<string, number>> {
  await reader.forceFlush();
  const out: Record<string, number> = {};
  for (const resource of metricExporter.getMetrics()) {
    for (const scope of resource.scopeMetrics) {
      for (const metric of scope.metrics) {
        out[metric.descriptor.name] = metric.dataPoints.reduce(
          (sum, point) =>
            sum + (typeof point.value === "number" ? point.value : (point.value as { count: number }).count),
          0,
        );
      }
    }
  }
  return out;
}

describe("enableOpenTelemetry", () => {
  it("makes one span per call, named after its operation, with the ids and an event per attempt", async () => {
    disable = enableOpenTelemetry({ tracerProvider, meterProvider });
    const pc = client();
    fake.injectFaults({ type: "status", status: 503 });
    const order = await pc.orders.create(CUSTOMER, { lineItems: [LINE] });
    const [span] = spans.getFinishedSpans();
    expect(spans.getFinishedSpans()).toHaveLength(1);
    expect(span!.name).toBe("PartnerCenter.Orders.createOrder");
    expect(span!.attributes).toMatchObject({
      "partner_center.operation": "createOrder",
      "partner_center.request_id": expect.stringMatching(/^[0-9a-f-]{36}$/),
      "partner_center.attempts": 2,
      "http.response.status_code": 201,
    });
    expect(span!.attributes["partner_center.customer.id"]).toBeUndefined();
    expect(span!.events.map((e) => e.name)).toEqual(["attempt", "retry wait", "attempt"]);
    expect(span!.events[0]!.attributes).toMatchObject({
      "partner_center.outcome": "503",
      "partner_center.ms_cv": "fake.0",
    });
    expect(order.id).toBeDefined();
    const measured = await metricNames();
    expect(measured["partner_center.client.operation.duration"]).toBe(1);
    expect(measured["partner_center.client.retries"]).toBe(1);
  });

  it("records error.type on a failed call, and customer ids only when asked", async () => {
    disable = enableOpenTelemetry({ tracerProvider, meterProvider, recordCustomerIds: true });
    await client()
      .orders.get(CUSTOMER, "no-such-order")
      .catch(() => undefined);
    const [span] = spans.getFinishedSpans();
    expect(span!.attributes).toMatchObject({
      "error.type": "20000",
      "http.response.status_code": 404,
      "partner_center.customer.id": CUSTOMER,
      "partner_center.order.id": "no-such-order",
    });
    expect(span!.status.code).toBe(2);
  });

  it("keeps the customer id out of every span, event and metric unless asked, a failed call's status message included", async () => {
    disable = enableOpenTelemetry({ tracerProvider, meterProvider });
    await client()
      .orders.get(CUSTOMER, "no-such-order")
      .catch(() => undefined);
    fake.injectFaults({ type: "status", status: 503 });
    await client().orders.create(CUSTOMER, { lineItems: [LINE] });
    const [failed] = spans.getFinishedSpans();
    expect(failed!.status.message).toMatch(/^GET \S+\/customers\/\{customer_id\}\/orders\/no-such-order failed/);
    await reader.forceFlush();
    const exported = JSON.stringify({
      spans: spans
        .getFinishedSpans()
        .map((s) => ({ name: s.name, attributes: s.attributes, status: s.status, events: s.events })),
      metrics: metricExporter.getMetrics(),
    });
    expect(exported.toLowerCase()).not.toContain(CUSTOMER);
  });

  it("publishes attempts whose URL names the customer only when the client's recordCustomerIds is set", async () => {
    const seen: { url: string }[] = [];
    const listen = (message: unknown) => seen.push(message as { url: string });
    subscribe(CHANNELS.attempt, listen);
    try {
      await client().orders.create(CUSTOMER, { lineItems: [LINE] });
      await createPartnerCenterClient({
        credential: "t",
        baseUrl: fake.url,
        rateLimit: false,
        recordCustomerIds: true,
      }).orders.create(CUSTOMER, { lineItems: [LINE] });
    } finally {
      unsubscribe(CHANNELS.attempt, listen);
    }
    expect(seen).toHaveLength(2);
    expect(seen[0]!.url).toMatch(/\/customers\/\{customer_id\}\/orders$/);
    expect(seen[1]!.url).toContain(CUSTOMER);
  });

  it("gives its duration histograms buckets from milliseconds to minutes, so a 40 ms call and a 2 minute wait land apart", async () => {
    disable = enableOpenTelemetry({ tracerProvider, meterProvider });
    await client().orders.create(CUSTOMER, { lineItems: [LINE] });
    await reader.forceFlush();
    const metric = metricExporter
      .getMetrics()
      .flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics))
      .find((m) => m.descriptor.name === "partner_center.client.operation.duration")!;
    const boundaries = (metric.dataPoints[0]!.value as { buckets: { boundaries: number[] } }).buckets.boundaries;
    expect(boundaries[0]).toBeLessThanOrEqual(0.01);
    expect(boundaries.at(-1)).toBeGreaterThanOrEqual(120);
    expect(boundaries.filter((b) => b <= 1).length).toBeGreaterThanOrEqual(5);
  });

  it("survives a tracer, a span and a meter that throw: the call succeeds and nothing reaches the process", async () => {
    const boom = () => {
      throw new Error("observer broke");
    };
    const span = { addEvent: boom, setAttribute: boom, setStatus: boom, end: boom };
    const brokenTracer = { getTracer: () => ({ startSpan: () => span }) };
    const brokenMeter = {
      getMeter: () => ({ createHistogram: () => ({ record: boom }), createCounter: () => ({ add: boom }) }),
    };
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.prependListener("uncaughtException", onUncaught);
    try {
      disable = enableOpenTelemetry({ tracerProvider: brokenTracer as never, meterProvider: brokenMeter as never });
      fake.injectFaults({ type: "status", status: 503 });
      await expect(client().orders.create(CUSTOMER, { lineItems: [LINE] })).resolves.toMatchObject({
        id: expect.any(String),
      });
      await client()
        .orders.get(CUSTOMER, "no-such-order")
        .catch(() => undefined);
      disable();
      disable = enableOpenTelemetry({
        tracerProvider: { getTracer: () => ({ startSpan: boom }) } as never,
        meterProvider,
      });
      await expect(client().orders.create(CUSTOMER, { lineItems: [LINE] })).resolves.toMatchObject({
        id: expect.any(String),
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.removeListener("uncaughtException", onUncaught);
    }
    expect(uncaught).toEqual([]);
  });

  it("counts a 429 and its pause", async () => {
    disable = enableOpenTelemetry({ tracerProvider, meterProvider });
    fake.injectFaults({ type: "status", status: 429, retryAfter: "0" });
    await createPartnerCenterClient({
      credential: "t",
      baseUrl: fake.url,
      backoff: { baseDelayMs: 1, maxDelayMs: 2 },
    }).orders.create(CUSTOMER, { lineItems: [LINE] });
    const [span] = spans.getFinishedSpans();
    expect(span!.events.map((e) => e.name)).toContain("throttled");
    expect((await metricNames())["partner_center.client.throttled"]).toBe(1);
  });

  it("stops when turned off, and publishes nothing to build when nobody listens", async () => {
    enableOpenTelemetry({ tracerProvider, meterProvider })();
    await client().orders.create(CUSTOMER, { lineItems: [LINE] });
    expect(spans.getFinishedSpans()).toHaveLength(0);
    const seen: unknown[] = [];
    const listen = (message: unknown) => seen.push(message);
    subscribe(CHANNELS.poll, listen);
    try {
      const order = await client().orders.create(CUSTOMER, { lineItems: [LINE] });
      await client().orders.pollProvisioning(CUSTOMER, order.id, { intervalMs: 1 }).pollUntilDone();
      expect(seen.at(-1)).toMatchObject({ customerId: CUSTOMER, orderId: order.id, done: true, outcome: "fulfilled" });
    } finally {
      unsubscribe(CHANNELS.poll, listen);
    }
  });
});
