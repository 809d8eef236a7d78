// What observing the client costs: the same createOrder (fetch stubbed) with nobody listening on
// its diagnostics channels, with a bare diagnostics_channel subscriber, and with
// partner-center-orders/otel turning every call into a span and metrics (the OpenTelemetry SDK,
// in-memory exporter). Channels are process-wide, so each variant sets the listening it needs when
// its block of calls starts; the ratios are to nobody listening, same round.
import { subscribe, tracingChannel, unsubscribe } from "node:diagnostics_channel";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { MeterProvider } from "@opentelemetry/sdk-metrics";
import { createPartnerCenterClient } from "../dist/index.mjs";
import { enableOpenTelemetry } from "../dist/otel.mjs";
import { UNREACHED } from "./peers.mjs";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const ORDER = {
  id: "Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1",
  status: "pending",
  lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }],
};
const BODY = { lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }] };
const CHANNELS = ["partner-center-orders:attempt", "partner-center-orders:wait", "partner-center-orders:poll"];

export function listenerVariants() {
  const text = JSON.stringify(ORDER);
  const fetch = async () => new Response(text, { status: 201, headers: { "Content-Type": "application/json" } });
  const pc = createPartnerCenterClient({
    credential: "token",
    baseUrl: "https://pc.test/v1",
    fetch,
    rateLimit: UNREACHED,
  });
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const meterProvider = new MeterProvider();
  const noop = () => undefined;
  const calls = tracingChannel("partner-center-orders:call");
  const handlers = { start: noop, end: noop, asyncStart: noop, asyncEnd: noop, error: noop };
  let state = "none";
  let stop = () => undefined;
  const listen = (wanted) => {
    if (state === wanted) return;
    stop();
    if (wanted === "subscriber") {
      calls.subscribe(handlers);
      for (const name of CHANNELS) subscribe(name, noop);
      stop = () => {
        calls.unsubscribe(handlers);
        for (const name of CHANNELS) unsubscribe(name, noop);
      };
    } else if (wanted === "otel") {
      stop = enableOpenTelemetry({ tracerProvider, meterProvider });
    } else {
      stop = () => undefined;
    }
    exporter.reset();
    state = wanted;
  };
  const create = () => pc.orders.create(CUSTOMER, BODY);
  return {
    variants: {
      "nobody listening": () => (listen("none"), create()),
      "a diagnostics_channel subscriber": () => (listen("subscriber"), create()),
      "OpenTelemetry (otel subpath, SDK)": () => (listen("otel"), create()),
    },
    done: () => listen("none"),
  };
}
