import { namedExamples, operations, responses, schemaErrors, spec } from "../helpers/spec";

const examples = namedExamples();

describe("named examples in the bundled spec", () => {
  it("exist for every response with a body of every operation", () => {
    // A response without content (updateSubscription's 202: headers only) has nothing to exemplify.
    const missing = responses()
      .filter((r) => r.response.content)
      .filter((r) => !examples.some((e) => e.operationId === r.operationId && e.where === r.status))
      .map((r) => `${r.operationId} ${r.status}`);
    expect(missing).toEqual([]);
  });

  it("leave out only responses that document their headers instead", () => {
    const bodiless = responses().filter((r) => !r.response.content);
    expect(bodiless.map((r) => `${r.operationId} ${r.status}`)).toEqual(["updateSubscription 202"]);
    expect(Object.keys(bodiless[0]!.response.headers)).toContain("Location");
  });

  it("exist for every request body", () => {
    const missing = operations()
      .filter((op) => op.operation.requestBody)
      .filter((op) => !examples.some((e) => e.operationId === op.operationId && e.where === "request"))
      .map((op) => op.operationId);
    expect(missing).toEqual([]);
  });

  it.each(examples.map((e) => [`${e.operationId} ${e.where} ${e.name}`, e] as const))(
    "%s validates against its schema",
    (_title, example) => {
      expect(schemaErrors(example.schema, example.value)).toEqual([]);
    },
  );
});

describe("the example validator", () => {
  const order = { $ref: "#/components/schemas/Order" };

  it("rejects an order whose status is not documented", () => {
    expect(schemaErrors(order, { id: "x", lineItems: [], status: "shipped" })).not.toEqual([]);
  });

  it("rejects a create body with a PascalCase key", () => {
    const create = { $ref: "#/components/schemas/OrderCreate" };
    expect(schemaErrors(create, { LineItems: [{ lineItemNumber: 0, offerId: "o", quantity: 1 }] })).not.toEqual([]);
  });

  it("accepts the error body with a numeric or a string code", () => {
    const error = { $ref: "#/components/schemas/ErrorResponse" };
    expect(schemaErrors(error, { code: 800060, description: "in progress" })).toEqual([]);
    expect(schemaErrors(error, { code: "800060", description: "in progress" })).toEqual([]);
    expect(schemaErrors(error, { code: true, description: "in progress" })).not.toEqual([]);
  });

  it("checks the bundle is OpenAPI 3.1", () => {
    expect(spec.openapi).toBe("3.1.0");
  });

  it("gives the bundle the package's version", () => {
    expect((spec as { info: { version: string } }).info.version).toBe(require("../../package.json").version);
  });
});
