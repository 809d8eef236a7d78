import { headerParameterProblems, requestProblems } from "../../../src/validation/request";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const paths = (problems: { path: string }[]) => problems.map((p) => p.path);

describe("requestProblems", () => {
  it("accepts a well-formed createOrder", () => {
    expect(
      requestProblems("createOrder", {
        path: { customer_id: CUSTOMER },
        body: { lineItems: [{ lineItemNumber: 0, offerId: "o", quantity: 1 }] },
      }),
    ).toEqual([]);
  });

  it("requires the path parameters, by the spec's rules", () => {
    expect(paths(requestProblems("getOrder", { path: { customer_id: "nope", order_id: "" } }))).toEqual([
      "path.customer_id",
      "path.order_id",
    ]);
    expect(paths(requestProblems("getOrder", {}))).toEqual(["path.customer_id", "path.order_id"]);
  });

  it("derives the body rules from the spec: at least one line item, positive integer quantities, at most 5 resellers", () => {
    const problems = requestProblems("createOrder", {
      path: { customer_id: CUSTOMER },
      body: { lineItems: [] },
    });
    expect(problems).toEqual([{ path: "body.lineItems", message: "must have at least 1 item" }]);
    const more = requestProblems("createOrder", {
      path: { customer_id: CUSTOMER },
      body: {
        lineItems: [
          { lineItemNumber: 0, offerId: "o", quantity: "2", additionalPartnerIdsOnRecord: ["1", "2", "3", "4", "5", "6"] },
        ],
      },
    });
    expect(paths(more)).toEqual(["body.lineItems[0].quantity", "body.lineItems[0].additionalPartnerIdsOnRecord"]);
  });

  it("checks query parameters and refuses unknown ones", () => {
    expect(
      paths(requestProblems("listOrders", { path: { customer_id: CUSTOMER }, query: { billingType: "one_time", size: 5 } })),
    ).toEqual(["query.billingType", "query.size"]);
  });

  it("checks header values for CR and LF", () => {
    expect(
      requestProblems("updateOrder", {
        path: { customer_id: CUSTOMER, order_id: "o" },
        header: { "If-Match": "etag\r\nX-Evil: 1" },
        body: { status: "cancelled" },
      }),
    ).toEqual([{ path: "header.If-Match", message: "must not contain CR, LF or other control characters" }]);
  });

  it("requires a body where the spec does", () => {
    expect(requestProblems("updateOrder", { path: { customer_id: CUSTOMER, order_id: "o" } })).toEqual([
      { path: "body", message: "is required" },
    ]);
  });
});

describe("headerParameterProblems", () => {
  it("applies the spec's schema for a known header", () => {
    expect(paths(headerParameterProblems("MS-RequestId", "not-a-guid", "options.requestId"))).toEqual(["options.requestId"]);
    expect(headerParameterProblems("ms-requestid", "3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f", "x")).toEqual([]);
  });

  it("checks only the characters of a header the spec does not describe", () => {
    expect(headerParameterProblems("Authorization", "Bearer abc", "x")).toEqual([]);
    expect(paths(headerParameterProblems("Authorization", "Bearer a\nb", "x"))).toEqual(["x"]);
  });
});
