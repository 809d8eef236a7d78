import {
  examples,
  partnerCenterMatchers,
  validateResponse,
  type PartnerCenterMatchers,
} from "partner-center-orders/contract";

// The matchers' types: on Jest's global expect (@types/jest, ts-jest), and on @jest/globals' expect.
declare global {
  namespace jest {
    interface Matchers<R> extends PartnerCenterMatchers<R> {}
  }
}
declare module "expect" {
  interface Matchers<R> extends PartnerCenterMatchers<R> {}
}
expect.extend(partnerCenterMatchers);

// Your service's own stand-in for Partner Center, e.g. a nock or MSW handler's body.
const mockedOrder = { ...examples.getOrder200, id: "order-under-test", status: "pending" };

test("our mock of getOrder answers as Partner Center documents", () => {
  expect(mockedOrder).toMatchPartnerCenterResponse("getOrder", 200, { "Content-Type": "application/json" });
});

test("a mock that drifted is named, field by field", () => {
  const drifted = { ...mockedOrder, status: "shipped", lineItems: [{ lineItemNumber: 0, offerId: 42, quantity: 1 }] };
  expect(validateResponse("getOrder", 200, drifted).problems).toEqual([
    { path: "body.lineItems[0].offerId", message: "must be string, got 42" },
    {
      path: "body.status",
      message: expect.stringMatching(/^must be one of "unknown", "completed", .+, got "shipped"$/),
    },
  ]);
});
