// Request conformance against Prism: every well-formed call the client makes comes back without
// an sl-violations header, and deliberately bad requests get the documented 401 and 400.
import { createPartnerCenterClient, type PartnerCenterClient } from "../../src";
import { CUSTOMER } from "../helpers/scripted-fetch";
import { schemaErrors } from "../helpers/spec";

const ORDER_ID = "Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1";
const ERROR_BODY = { $ref: "#/components/schemas/ErrorResponse" };

function recordingClient(options: { stripAuthorization?: boolean } = {}) {
  const answers: { method: string; status: number; violations: string | null; body: unknown }[] = [];
  const pc = createPartnerCenterClient({
    credential: "contract-token",
    baseUrl: process.env.PRISM_URL!,
    maxRetries: 0,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      if (options.stripAuthorization) request.headers.delete("Authorization");
      const response = await fetch(request);
      const text = await response.clone().text();
      answers.push({
        method: request.method,
        status: response.status,
        violations: response.headers.get("sl-violations"),
        body: text ? JSON.parse(text) : undefined,
      });
      return response;
    },
  });
  return { pc, answers };
}

const wellFormed: [string, (pc: PartnerCenterClient) => Promise<unknown>][] = [
  [
    "orders.create",
    (pc) =>
      pc.orders.create(CUSTOMER, {
        billingCycle: "monthly",
        partnerOnRecordAttestationAccepted: true,
        lineItems: [
          {
            offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P",
            quantity: 1,
            partnerIdOnRecord: "873452",
            additionalPartnerIdsOnRecord: ["4847383"],
          },
          {
            offerId: "DZH318Z09V6F:0001:DZH318Z0BLD3",
            quantity: 1,
            termDuration: "P1Y",
            provisioningContext: { scope: "shared" },
            purchaseCommitment: { amount: 0.05, currency: "usd", grain: "hourly" },
          },
        ],
      }),
  ],
  ["orders.get", (pc) => pc.orders.get(CUSTOMER, ORDER_ID, { includePrice: true })],
  [
    "orders.list",
    async (pc) => {
      const ids = [];
      for await (const order of pc.orders.list(CUSTOMER, {
        billingType: "onetime",
        includePrice: true,
        includeSystemPurchases: true,
        indirectResellerId: "4847383",
      }))
        ids.push(order.id);
      return ids;
    },
  ],
  [
    "orders.update (cancel)",
    (pc) => pc.orders.update(CUSTOMER, ORDER_ID, { id: ORDER_ID, status: "cancelled" }, { ifMatch: "etag" }),
  ],
  [
    "orders.update (add-on)",
    (pc) =>
      pc.orders.update(CUSTOMER, ORDER_ID, {
        lineItems: [{ lineItemNumber: 1, offerId: "o", parentSubscriptionId: "s", quantity: 2 }],
      }),
  ],
  ["orders.getOrderProvisioningStatus", (pc) => pc.orders.getOrderProvisioningStatus(CUSTOMER, ORDER_ID)],
  ["orders.listOrderActivationLinks", (pc) => pc.orders.listOrderActivationLinks(CUSTOMER, ORDER_ID)],
  ["orders.listLineItemActivationLinks", (pc) => pc.orders.listLineItemActivationLinks(CUSTOMER, ORDER_ID, 0)],
  [
    "orders.listSubscriptionActivationLinks",
    (pc) => pc.orders.listSubscriptionActivationLinks(CUSTOMER, "42226ED6-070A-4E0F-B80C-4CDFB3E97AA7"),
  ],
  [
    "follow (provisioningStatus link)",
    async (pc) => pc.follow((await pc.orders.get(CUSTOMER, ORDER_ID)).links!.provisioningStatus!),
  ],
];

describe("well-formed client calls", () => {
  it.each(wellFormed)("%s is accepted by Prism without violations", async (_name, run) => {
    const { pc, answers } = recordingClient();
    await run(pc);
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) {
      expect(answer.violations).toBeNull();
      expect(answer.status).toBeLessThan(300);
    }
  });
});

describe("deliberately bad requests", () => {
  it("without Authorization get the documented 401", async () => {
    const { pc, answers } = recordingClient({ stripAuthorization: true });
    await expect(pc.orders.get(CUSTOMER, ORDER_ID)).rejects.toMatchObject({ status: 401 });
    expect(answers[0]!.violations).toContain("security");
    expect(schemaErrors(ERROR_BODY, answers[0]!.body)).toEqual([]);
  });

  it("with a malformed body, sent past the client's checks through pc.POST, get the documented 400", async () => {
    const { pc, answers } = recordingClient();
    const { error, response } = await pc.POST("/customers/{customer_id}/orders", {
      params: { path: { customer_id: CUSTOMER } },
      body: { LineItems: [{ OfferId: "x", Quantity: "1" }] } as never,
    });
    expect(response.status).toBe(400);
    expect(schemaErrors(ERROR_BODY, error)).toEqual([]);
    expect(JSON.parse(answers[0]!.violations!)).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining("lineItems") })]),
    );
  });

  it("with a customer id that is not a GUID get the documented 400", async () => {
    const { pc } = recordingClient();
    const { response } = await pc.GET("/customers/{customer_id}/orders", {
      params: { path: { customer_id: "not-a-guid" } },
    });
    expect(response.status).toBe(400);
  });

  it("with a billingType outside the enum get the documented 400", async () => {
    const { pc } = recordingClient();
    const { response } = await pc.GET("/customers/{customer_id}/orders", {
      params: { path: { customer_id: CUSTOMER }, query: { billingType: "weekly" as never } },
    });
    expect(response.status).toBe(400);
  });
});
