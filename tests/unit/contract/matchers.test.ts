// The matchers in Jest (Vitest runs the same in the consumer project of tests/package): pass on a
// documented answer, fail with one block per problem, expected against received.
import { examples, partnerCenterMatchers, type PartnerCenterMatchers } from "../../../src/contract";

declare module "expect" {
  interface Matchers<R> extends PartnerCenterMatchers<R> {}
}
declare global {
  namespace jest {
    interface Matchers<R> extends PartnerCenterMatchers<R> {}
  }
}

expect.extend(partnerCenterMatchers);

describe("partnerCenterMatchers in Jest", () => {
  it("passes a documented answer and a request the service takes", () => {
    expect(examples.getOrder200).toMatchPartnerCenterResponse("getOrder", 200);
    expect({
      path: { customer_id: "b0d70a69-4c42-4b27-b17b-91a835d8686a" },
      body: examples.createOrderRequestAttestation,
    }).toMatchPartnerCenterRequest("createOrder");
  });

  it("fails with each problem as expected against received", () => {
    const broken = {
      ...examples.getOrder200,
      status: "shipped",
      lineItems: [{ ...examples.getOrder200.lineItems[0], quantity: "2" }],
    };
    let message = "";
    try {
      expect(broken).toMatchPartnerCenterResponse("getOrder", 200);
    } catch (error) {
      message = (error as Error).message.replace(/\u001b\[\d+m/g, "");
    }
    expect(message).toContain("expected a 200 answer of getOrder to match the spec; it breaks it in 2 places:");
    expect(message).toContain('  body.lineItems[0].quantity\n  - expected: must be integer\n  + received: "2"');
    expect(message).toMatch(
      / {2}body\.status\n {2}- expected: must be one of "unknown", .*\n {2}\+ received: "shipped"/,
    );
  });

  it("says so under .not", () => {
    expect(() => expect(examples.getOrder200).not.toMatchPartnerCenterResponse("getOrder", 200)).toThrow(
      "expected a 200 answer of getOrder not to match the spec, but it does",
    );
    expect({ id: 1 }).not.toMatchPartnerCenterResponse("getOrder", 200);
  });
});
