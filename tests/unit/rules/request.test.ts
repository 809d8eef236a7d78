import { parameterMsRequestId } from "../../../generated/request-rules";
import { headerParameterProblems } from "../../../src/rules/bind-request";
import { bindRequest, operationRuleProblems } from "../../../src/rules/request";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const paths = (problems: { path: string }[]) => problems.map((p) => p.path);
const LINE = { lineItemNumber: 0, offerId: "o", quantity: 1 };

describe("bindRequest", () => {
  it("binds a well-formed createOrder to what is sent", () => {
    expect(bindRequest("createOrder", { path: { customer_id: CUSTOMER }, body: { lineItems: [LINE] } })).toEqual({
      path: { customer_id: CUSTOMER },
      query: {},
      header: {},
      body: { lineItems: [LINE] },
      problems: [],
    });
  });

  it("binds the .NET SDK's PascalCase create body, dropping nulls, an enum's unknown and read-only fields", () => {
    const bound = bindRequest("createOrder", {
      path: { customer_id: CUSTOMER },
      body: {
        Id: null,
        ReferenceCustomerId: CUSTOMER,
        BillingCycle: "unknown",
        CurrencySymbol: null,
        CreationDate: null,
        Status: null,
        LineItems: [
          { LineItemNumber: 0, OfferId: "o", Quantity: 2, Pricing: null, Attributes: { ObjectType: "OrderLineItem" } },
        ],
        Attributes: { ObjectType: "Order" },
      },
    });
    expect(bound.problems).toEqual([]);
    expect(bound.body).toEqual({
      referenceCustomerId: CUSTOMER,
      lineItems: [{ lineItemNumber: 0, offerId: "o", quantity: 2 }],
    });
  });

  it("requires the path parameters, by the spec's rules", () => {
    expect(paths(bindRequest("getOrder", { path: { customer_id: "nope", order_id: "" } }).problems)).toEqual([
      "path.customer_id",
      "path.order_id",
    ]);
    expect(paths(bindRequest("getOrder", {}).problems)).toEqual(["path.customer_id", "path.order_id"]);
  });

  it("applies what createOrder adds to the model: at least one line item, each with a quantity of at least 1", () => {
    expect(bindRequest("createOrder", { path: { customer_id: CUSTOMER }, body: { lineItems: [] } }).problems).toEqual([
      { path: "body.lineItems", message: "must have at least 1 item" },
    ]);
    const more = bindRequest("createOrder", {
      path: { customer_id: CUSTOMER },
      body: {
        lineItems: [{ lineItemNumber: 0, offerId: "o", additionalPartnerIdsOnRecord: ["1", "2", "3", "4", "5", "6"] }],
      },
    });
    expect(paths(more.problems)).toEqual([
      "body.lineItems[0].additionalPartnerIdsOnRecord",
      "body.lineItems[0].quantity",
    ]);
  });

  it("takes a patch without line items or quantities, and any documented status", () => {
    const path = { customer_id: CUSTOMER, order_id: "o" };
    expect(bindRequest("updateOrder", { path, body: { id: "o", status: "cancelled" } }).problems).toEqual([]);
    expect(
      bindRequest("updateOrder", { path, body: { lineItems: [{ lineItemNumber: 0, offerId: "x" }] } }).problems,
    ).toEqual([]);
    expect(bindRequest("updateOrder", { path, body: { status: "Completed" } }).body).toEqual({ status: "completed" });
  });

  it("binds query values by member name in any casing, sending the docs' spelling", () => {
    for (const given of ["OneTime", "one_time", "onetime", "ONETIME"]) {
      expect(
        bindRequest("listOrders", { path: { customer_id: CUSTOMER }, query: { billingType: given } }).query,
      ).toEqual({ billingType: "onetime" });
    }
  });

  it("refuses unknown query parameters", () => {
    expect(
      paths(
        bindRequest("listOrders", { path: { customer_id: CUSTOMER }, query: { billingType: "monthly", size: 5 } })
          .problems,
      ),
    ).toEqual(["query.size"]);
  });

  it("checks header values for CR and LF", () => {
    expect(
      bindRequest("updateOrder", {
        path: { customer_id: CUSTOMER, order_id: "o" },
        header: { "If-Match": "etag\r\nX-Evil: 1" },
        body: { status: "cancelled" },
      }).problems,
    ).toEqual([{ path: "header.If-Match", message: "must not contain CR, LF or other control characters" }]);
  });

  it("requires a body where the spec does, null being no body", () => {
    expect(bindRequest("updateOrder", { path: { customer_id: CUSTOMER, order_id: "o" }, body: null }).problems).toEqual(
      [{ path: "body", message: "is required" }],
    );
  });
});

describe("operationRuleProblems", () => {
  it("checks createOrder's line item numbers", () => {
    const bound = bindRequest("createOrder", { path: { customer_id: CUSTOMER }, body: { lineItems: [LINE, LINE] } });
    expect(operationRuleProblems("createOrder", bound)).toEqual([
      { path: "body.lineItems[1].lineItemNumber", message: "repeats the number 0 of lineItems[0]" },
    ]);
  });

  it("refuses a patch whose id names another order, GUIDs compared in any casing", () => {
    const patch = (orderId: string, id: string) =>
      bindRequest("updateOrder", { path: { customer_id: CUSTOMER, order_id: orderId }, body: { Id: id } });
    expect(paths(operationRuleProblems("updateOrder", patch("o", "p")))).toEqual(["body.id"]);
    expect(
      operationRuleProblems(
        "updateOrder",
        patch("CF3B0E37-BE0B-4CDD-B584-D1A97D98A922", "cf3b0e37-be0b-4cdd-b584-d1a97d98a922"),
      ),
    ).toEqual([]);
    expect(paths(operationRuleProblems("updateOrder", patch("Cs_jyTx", "cs_jytx")))).toEqual(["body.id"]);
  });
});

describe("headerParameterProblems", () => {
  it("applies the spec's schema for a known header", () => {
    expect(paths(headerParameterProblems("not-a-guid", "options.requestId", parameterMsRequestId))).toEqual([
      "options.requestId",
    ]);
    expect(headerParameterProblems("3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f", "x", parameterMsRequestId)).toEqual([]);
  });

  it("checks only the characters of a header the spec does not describe", () => {
    expect(headerParameterProblems("Bearer abc", "x")).toEqual([]);
    expect(paths(headerParameterProblems("Bearer a\nb", "x"))).toEqual(["x"]);
  });
});

describe("path parameters that URL normalisation would move", () => {
  it.each([".", "..", "%2e", "%2E%2e", ".%2E"])("refuses an order id of %s, which would leave its segment", (id) => {
    const { problems } = bindRequest("updateOrder", {
      path: { customer_id: CUSTOMER, order_id: id },
      body: { status: "cancelled" },
    });
    expect(problems).toEqual([{ path: "path.order_id", message: expect.stringMatching(/another resource/) }]);
  });

  it("takes ids with dots that stay in their segment", () => {
    expect(bindRequest("getOrder", { path: { customer_id: CUSTOMER, order_id: "a.b" } }).problems).toEqual([]);
    expect(bindRequest("getOrder", { path: { customer_id: CUSTOMER, order_id: "..." } }).problems).toEqual([]);
  });
});

describe("rules the docs state beyond the schemas", () => {
  it("refuses a renewsTo term that is not an ISO 8601 duration, as it does the line's own term", () => {
    const body = (term: string) => ({
      lineItems: [{ ...LINE, termDuration: "P1M", renewsTo: { termDuration: term } }],
    });
    expect(
      paths(bindRequest("createOrder", { path: { customer_id: CUSTOMER }, body: body("1Year") }).problems),
    ).toEqual(["body.lineItems[0].renewsTo.termDuration"]);
    expect(bindRequest("createOrder", { path: { customer_id: CUSTOMER }, body: body("P1Y") }).problems).toEqual([]);
  });

  const upload = (metadata: Record<string, unknown>, tender?: Blob[]) => {
    const parts = {
      path: { customer_id: CUSTOMER, order_id: "o" },
      body: {
        Metadata: { customerPrice: "1", currency: "USD", ...metadata },
        POFiles: [new Blob(["%PDF"])],
        TenderFiles: tender,
      },
    };
    const bound = bindRequest("createOrderAttachments", parts);
    return [...bound.problems, ...operationRuleProblems("createOrderAttachments", bound)];
  };

  it("refuses a purchase order marked part of a tender with neither a tenderLink nor tender files", () => {
    expect(upload({ isPartOfTender: true })).toEqual([
      {
        path: "body.Metadata.tenderLink",
        message: expect.stringMatching(/is required when isPartOfTender is true, unless tender files are attached/),
      },
    ]);
    expect(upload({ IsPartofTender: true })).toHaveLength(1);
  });

  it("takes a tender with a tenderLink, with tender files, or no tender at all", () => {
    expect(upload({ isPartOfTender: true, tenderLink: "https://contoso.test/tender" })).toEqual([]);
    expect(upload({ isPartOfTender: true }, [new Blob(["%PDF"])])).toEqual([]);
    expect(upload({ isPartOfTender: false })).toEqual([]);
    expect(upload({})).toEqual([]);
  });
});
