// What the three seed documents (REST reference pages for update and list, the create-order
// developer page) say, transcribed by hand, checked against the bundled spec. These pin the
// sources rather than the spec, so a field dropped from the spec fails here.
import { namedExamples, operations, resolve, schemaErrors, spec } from "../helpers/spec";

const schemas = spec.components.schemas as Record<string, { properties?: Record<string, any> }>;
const propertiesOf = (name: string) => Object.keys(schemas[name]?.properties ?? {});

const SEED_MODELS: Record<string, string[]> = {
  Order: [
    "alternateId",
    "attributes",
    "billingCycle",
    "client",
    "creationDate",
    "currencyCode",
    "currencySymbol",
    "id",
    "lineItems",
    "links",
    "referenceCustomerId",
    "status",
    "totalPrice",
    "transactionType",
    "partnerOnRecordAttestationAccepted",
  ],
  OrderLineItem: [
    "attestationAccepted",
    "customTermEndDate",
    "friendlyName",
    "lineItemNumber",
    "links",
    "offerId",
    "parentSubscriptionId",
    "partnerIdOnRecord",
    "pricing",
    "promotionId",
    "provisioningContext",
    "purchaseCommitment",
    "quantity",
    "renewsTo",
    "subscriptionId",
    "termDuration",
    "transactionType",
    "additionalPartnerIdsOnRecord",
  ],
  Link: ["body", "headers", "method", "uri"],
  KeyValuePair: ["key", "value"],
  ResourceAttributes: ["etag", "objectType"],
  ClientContext: ["deviceFamily", "marketplaceCountry", "name"],
  OrderLineItemLinks: ["activationLinks", "availability", "product", "provisioningStatus", "sku", "subscription"],
  OrderLinks: ["patchOperation", "provisioningStatus", "self"],
  Pricing: ["discountedPrice", "extendedPrice", "listPrice", "price", "proratedPrice"],
  PurchaseCommitment: ["amount", "currency", "grain"],
  RenewsTo: ["termDuration"],
  OrderCollection: ["attributes", "items", "links", "totalCount"],
  ResourceLinks: ["next", "previous", "self"],
};

describe("the seeds' models", () => {
  it.each(Object.entries(SEED_MODELS))("%s has every property the seeds document", (model, properties) => {
    expect(propertiesOf(model)).toEqual(expect.arrayContaining(properties));
  });

  it("billingCycle carries every documented value, biennial included", () => {
    expect((schemas.BillingCycle as any).enum).toEqual(
      expect.arrayContaining(["unknown", "monthly", "annual", "none", "one_time", "triennial", "biennial"]),
    );
  });

  it("status carries every documented value in snake case", () => {
    expect((schemas.OrderStatus as any).enum).toEqual(
      expect.arrayContaining([
        "unknown",
        "completed",
        "pending",
        "pending_po_upload",
        "po_upload_complete",
        "cancelled",
        "partial_success",
        "po_review_rejected",
        "suspended",
        "pending_review",
        "error",
      ]),
    );
  });
});

describe("the seeds' operations", () => {
  const byId = Object.fromEntries(operations().map((op) => [op.operationId, op]));
  const parameterNames = (id: string) => {
    const op = byId[id]!;
    const item = (spec.paths as any)[op.path];
    return [...(item.parameters ?? []), ...(op.operation.parameters ?? [])].map((p: any) => resolve<any>(p).name);
  };

  it.each([
    ["updateOrder", "PATCH", "/customers/{customer_id}/orders/{order_id}", 200],
    ["listOrders", "GET", "/customers/{customer_id}/orders", 200],
    ["createOrder", "POST", "/customers/{customer_id}/orders", 201],
  ] as const)("%s is %s %s answering %i, 400, 401, 403, 404 and 500", (id, method, path, success) => {
    const op = byId[id]!;
    expect([op.method, op.path]).toEqual([method, path]);
    expect(Object.keys(op.operation.responses)).toEqual(
      expect.arrayContaining([String(success), "400", "401", "403", "404", "500"]),
    );
  });

  it.each(["updateOrder", "listOrders", "createOrder"])(
    "%s takes the ms-correlationid, ms-cv and ms-requestid headers",
    (id) => {
      expect(parameterNames(id)).toEqual(expect.arrayContaining(["MS-CorrelationId", "MS-CV", "MS-RequestId"]));
    },
  );

  it("listOrders takes billingType, include_price, include_system_purchases and indirect_reseller_id", () => {
    expect(parameterNames("listOrders")).toEqual(
      expect.arrayContaining(["billingType", "include_price", "include_system_purchases", "indirect_reseller_id"]),
    );
  });

  it("updateOrder takes the whole Order as its body, as the update seed's request body table lists it", () => {
    expect(byId.updateOrder!.operation.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Order",
    });
  });

  it("createOrder takes the Order model, with the line items the create seed marks required", () => {
    const schema = resolve<any>(byId.createOrder!.operation.requestBody.content["application/json"].schema);
    expect(schema.allOf).toEqual([{ $ref: "#/components/schemas/Order" }]);
    expect(schema.required).toEqual(["lineItems"]);
    expect(schema.properties.lineItems.items.required).toEqual(["quantity"]);
    expect(resolve<any>({ $ref: "#/components/schemas/OrderLineItem" }).required).toEqual([
      "lineItemNumber",
      "offerId",
    ]);
  });

  it("marks read-only what the create seed calls read-only, except what a patch sends back", () => {
    const order = schemas.Order!.properties!;
    expect(["currencyCode", "creationDate", "links"].filter((p) => order[p].readOnly !== true)).toEqual([]);
    // The seed's table calls status read-only on create, but a cancel patch sets it.
    expect(order.status.readOnly).toBeUndefined();
    expect(schemas.OrderLineItem!.properties!.links.readOnly).toBe(true);
  });

  it("requires a bearer token on every operation", () => {
    expect(spec.security).toEqual([{ bearerAuth: [] }]);
    expect(operations().filter((op) => op.operation.security)).toEqual([]);
  });

  it("puts the version in the server URL, defaulting to 1", () => {
    expect(spec.servers[0]).toMatchObject({
      url: "https://api.partnercenter.microsoft.com/v{version}",
      variables: { version: { default: "1" } },
    });
  });
});

describe("the create-order seed's examples", () => {
  const example = (name: string) => namedExamples().find((e) => e.name === name)!;
  const camel = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(camel)
      : value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k[0]!.toLowerCase() + k.slice(1), camel(v)]))
        : value;

  it("keeps the attestation request, written in camelCase", () => {
    const seed = {
      PartnerOnRecordAttestationAccepted: true,
      lineItems: [
        {
          offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P",
          quantity: 1,
          lineItemNumber: 0,
          PartnerIdOnRecord: "873452",
          AdditionalPartnerIdsOnRecord: ["4847383", "873452"],
        },
      ],
      billingCycle: "monthly",
    };
    expect(example("createOrderRequestAttestation").value).toEqual(camel(seed));
  });

  it("keeps the reserved-instance request without the read-only CurrencyCode", () => {
    const value = example("createOrderRequestAzureReservedInstance").value as any;
    expect(value).toMatchObject({ billingCycle: "one_time", lineItems: [{ lineItemNumber: 0, quantity: 1 }] });
    expect(value.lineItems[0].provisioningContext).toEqual({
      subscriptionId: "cccc2c2c-dd3d-ee4e-ff5f-aaaaaa6a6a6a",
      scope: "shared",
      duration: "1Year",
    });
    expect(value).not.toHaveProperty("currencyCode");
  });

  it.each(["createOrder201", "createOrder201Attestation"])("keeps the %s response and it validates", (name) => {
    const e = example(name);
    expect(e.where).toBe(201);
    expect(schemaErrors(e.schema, e.value)).toEqual([]);
  });

  it("answers the seed's request with the seed's order id", () => {
    expect(example("createOrder201").value).toMatchObject({
      id: "Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1",
      status: "pending",
    });
  });
});
