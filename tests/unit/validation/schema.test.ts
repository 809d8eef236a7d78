import type { ValidationProblem } from "../../../src/errors";
import { checkSchema, type RuleSchema } from "../../../src/validation/schema";

function check(value: unknown, schema: RuleSchema, schemas: Record<string, RuleSchema> = {}): string[] {
  const problems: ValidationProblem[] = [];
  checkSchema(value, schema, "v", schemas, problems);
  return problems.map((p) => `${p.path} ${p.message}`);
}

describe("checkSchema", () => {
  it("checks types, telling integers from numbers", () => {
    expect(check(1, { type: "integer" })).toEqual([]);
    expect(check(1.5, { type: "integer" })).toEqual(["v must be an integer, got 1.5"]);
    expect(check(1.5, { type: "number" })).toEqual([]);
    expect(check("1", { type: "integer" })).toEqual(['v must be an integer, got "1"']);
    expect(check(null, { type: "object" })).toEqual(["v must be a object, got null"]);
    expect(check([], { type: "object" })).toEqual(["v must be a object, got []"]);
  });

  it("checks enums and consts", () => {
    expect(check("yearly", { type: "string", enum: ["monthly", "annual"] })).toEqual([
      'v must be one of "monthly", "annual", got "yearly"',
    ]);
    expect(check("x", { const: "cancelled" })).toEqual(['v must be "cancelled"']);
  });

  it("checks bounds, lengths, patterns and int32", () => {
    expect(check(0, { type: "integer", minimum: 1 })).toEqual(["v must be at least 1, got 0"]);
    expect(check(2 ** 31, { type: "integer", format: "int32" })).toEqual([`v must fit in 32 bits, got ${2 ** 31}`]);
    expect(check("", { type: "string", minLength: 1 })).toEqual(["v must not be empty"]);
    expect(check("abcd", { type: "string", maxLength: 3 })).toEqual(["v must be at most 3 characters long"]);
    expect(check("P1X", { type: "string", pattern: "^P\\d+[YMD]$" })).toEqual(['v must match ^P\\d+[YMD]$, got "P1X"']);
  });

  it.each([
    ["uuid", "b0d70a69-4c42-4b27-b17b-91a835d8686a", "not-a-guid"],
    ["date-time", "2018-03-15T22:30:02.085152Z", "2023-05-18TT21:22:26Z"],
    ["uri", "https://onedrive.com/x", "onedrive.com/x"],
  ])("checks the %s format", (format, good, bad) => {
    expect(check(good, { type: "string", format })).toEqual([]);
    expect(check(bad, { type: "string", format })).toEqual([`v must be a ${format}, got "${bad}"`]);
  });

  it("checks arrays and every item", () => {
    const schema: RuleSchema = { type: "array", minItems: 1, maxItems: 2, items: { type: "string" } };
    expect(check([], schema)).toEqual(["v must have at least 1 item"]);
    expect(check(["a", "b", 3], schema)).toEqual(["v must have at most 2 items, got 3", "v[2] must be a string, got 3"]);
  });

  it("checks required and unknown properties, suggesting the camelCase name", () => {
    const schema: RuleSchema = {
      type: "object",
      required: ["lineItems"],
      additionalProperties: false,
      properties: { lineItems: { type: "array" } },
    };
    expect(check({ LineItems: [] }, schema)).toEqual([
      "v.lineItems is required",
      "v.LineItems is not a known property; did you mean lineItems?",
    ]);
  });

  it("ignores properties set to undefined", () => {
    expect(check({ a: undefined }, { type: "object", additionalProperties: false, minProperties: 1 })).toEqual([
      "v must have at least 1 property",
    ]);
  });

  it("checks map values against additionalProperties", () => {
    expect(check({ scope: "shared", n: 3 }, { type: "object", additionalProperties: { type: "string" } })).toEqual([
      "v.n must be a string, got 3",
    ]);
  });

  it("follows $refs by name", () => {
    expect(check(-1, { $ref: "N" }, { N: { type: "integer", minimum: 0 } })).toEqual(["v must be at least 0, got -1"]);
  });

  it("accepts exactly one of oneOf", () => {
    const schema: RuleSchema = { oneOf: [{ type: "integer" }, { type: "string" }] };
    expect(check(1, schema)).toEqual([]);
    expect(check(true, schema)).toEqual(["v must match exactly one allowed shape"]);
  });

  it("takes a Blob for a binary part", () => {
    expect(check(new Blob(["x"]), { type: "string", binary: true })).toEqual([]);
    expect(check(42, { type: "string", binary: true })).toEqual(["v must be a Blob or File"]);
  });
});
