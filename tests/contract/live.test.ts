// The contract checks against a real Partner Center endpoint, through `prism proxy --errors`,
// which validates every request and answer against the spec: any violation fails the test.
// Read-only operations by default; creating and cancelling an order only with
// PARTNER_CENTER_LIVE_WRITES=sandbox, meant for an integration-sandbox account.
import { startPrism, type RunningPrism } from "../../scripts/prism.cjs";
import { createPartnerCenterClient, isPartnerCenterError, type PartnerCenterClient, type PlacedOrder } from "../../src";
import { liveSettings } from "../helpers/live";
import { documentedResponse, schemaErrors } from "../helpers/spec";

const settings = liveSettings();

interface Answer {
  method: string;
  path: string;
  status: number;
  violations: string | null;
  body: unknown;
}

/** The spec's schema for an answer. */
const documentedSchema = (answer: Answer) =>
  documentedResponse(answer.method, answer.path, answer.status)?.response.content?.["application/json"]?.schema;

if (typeof settings === "string") {
  describe("live contract", () => {
    it.skip(settings, () => undefined);
  });
} else {
  describe(`live contract against ${settings.baseUrl}`, () => {
    let proxy: RunningPrism;
    let pc: PartnerCenterClient;
    const answers: Answer[] = [];
    const customerId = settings.customerId;

    beforeAll(async () => {
      proxy = await startPrism({ upstream: settings.baseUrl });
      pc = createPartnerCenterClient({
        credential: settings.credential,
        baseUrl: proxy.url,
        maxRetries: 1,
        applicationName: "partner-center-orders contract suite",
        fetch: async (input, init) => {
          const request = new Request(input, init);
          const response = await fetch(request);
          const text = await response.clone().text();
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            // kept as text: the schema check reports it
          }
          answers.push({
            method: request.method,
            path: new URL(request.url).pathname,
            status: response.status,
            violations: response.headers.get("sl-violations"),
            body,
          });
          return response;
        },
      });
    }, 60_000);

    afterAll(() => proxy?.stop());

    afterEach(() => {
      for (const answer of answers.splice(0)) {
        expect({ answer: `${answer.method} ${answer.path} ${answer.status}`, violations: answer.violations }).toEqual({
          answer: `${answer.method} ${answer.path} ${answer.status}`,
          violations: null,
        });
        const schema = documentedSchema(answer);
        expect(schema ? schemaErrors(schema, answer.body) : [`${answer.status} is not documented`]).toEqual([]);
      }
    });

    const needsCustomer = customerId ? it : it.skip;
    let first: PlacedOrder | undefined;

    needsCustomer("listOrders answers a documented collection", async () => {
      for await (const order of pc.orders.list(customerId!)) {
        first ??= order;
      }
    });

    // A documented error answer (a 404 for an order without activation links, say) is fine:
    // afterEach validates it like any other answer. Anything else fails.
    const answered = (error: unknown) => {
      if (!isPartnerCenterError(error) || error.status === undefined) throw error;
    };

    needsCustomer("getOrder, its provisioning status and activation links answer as documented", async () => {
      expect(first).toBeDefined(); // PARTNER_CENTER_CUSTOMER_ID must name a customer with at least one order
      await pc.orders.get(customerId!, first!.id, { includePrice: true });
      await pc.orders.getOrderProvisioningStatus(customerId!, first!.id).catch(answered);
      await pc.orders.listOrderActivationLinks(customerId!, first!.id).catch(answered);
      await pc.orders.listLineItemActivationLinks(customerId!, first!.id, 0).catch(answered);
    });

    const writes = settings.writes && customerId && settings.offerId ? it : it.skip;
    writes("createOrder then a cancel patch (integration sandbox only)", async () => {
      const order = await pc.orders.create(customerId!, { lineItems: [{ offerId: settings.offerId!, quantity: 1 }] });
      await pc.orders.update(customerId!, order.id, { id: order.id, status: "cancelled" });
    });
  });
}
