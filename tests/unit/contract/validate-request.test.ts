// validateRequest holds a request to what Partner Center takes: the same binding and checks as
// the client's own, so a request the docs show as working passes and a typo is named.
import { examples, validateRequest } from "../../../src/contract";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";

describe("validateRequest", () => {
  it("takes the docs' own create request, PascalCase keys and all", () => {
    expect(
      validateRequest("createOrder", {
        path: { customer_id: CUSTOMER },
        body: examples.createOrderRequestAzureReservedInstance,
      }),
    ).toEqual({ valid: true, problems: [] });
    expect(
      validateRequest("createOrder", {
        path: { customer_id: CUSTOMER },
        body: { LineItems: [{ LineItemNumber: 0, OfferId: "o", Quantity: 1 }] },
      }).valid,
    ).toBe(true);
  });

  it("names what the service refuses and what is almost certainly a typo", () => {
    const { valid, problems } = validateRequest("createOrder", {
      path: { customer_id: "not-a-guid" },
      body: { lineItems: [{ lineItemNumber: 3, offerId: "o", quantity: 0, partnerIdOnRecrod: "1" }] },
    });
    expect(valid).toBe(false);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        "path.customer_id",
        "body.lineItems[0].lineItemNumber",
        "body.lineItems[0].quantity",
        "body.lineItems[0].partnerIdOnRecrod",
      ]),
    );
    expect(problems.find((p) => p.path === "body.lineItems[0].partnerIdOnRecrod")?.message).toMatch(
      /did you mean partnerIdOnRecord\?/,
    );
  });

  it("names an operation the spec does not have", () => {
    expect(validateRequest("deleteOrder" as never, {}).problems).toEqual([
      { path: "operationId", message: "deleteOrder is not an operation of the spec" },
    ]);
  });
});
