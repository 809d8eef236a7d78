import type { ValidationProblem } from "../../../src/errors";
import { bindValue } from "../../../src/rules/bind";
import type { RuleSchema } from "../../../src/rules/rule-types";

function bind(value: unknown, schema: RuleSchema) {
  const problems: ValidationProblem[] = [];
  const bound = bindValue(value, schema, "v", { problems });
  return { bound, problems: problems.map((p) => `${p.path} ${p.message}`) };
}
const check = (value: unknown, schema: RuleSchema) => bind(value, schema).problems;

const LINE: RuleSchema = {
  type: "object",
  required: ["offerId"],
  properties: {
    offerId: { type: "string", minLength: 1 },
    quantity: { type: "integer", minimum: 1 },
    partnerIdOnRecord: { type: "string" },
    provisioningContext: { type: "object", additionalProperties: { type: "string" } },
    links: { readOnly: true },
  },
};

describe("bindValue", () => {
  describe("keys, as ASP.NET binds them", () => {
    it("matches keys in any casing and writes them in the spec's camelCase", () => {
      expect(bind({ OfferId: "o", QUANTITY: 2 }, LINE)).toEqual({ bound: { offerId: "o", quantity: 2 }, problems: [] });
    });

    it("keeps the keys of a map as they are: they are data", () => {
      const { bound } = bind({ offerId: "o", ProvisioningContext: { SubscriptionId: "s", scope: "shared" } }, LINE);
      expect(bound).toEqual({ offerId: "o", provisioningContext: { SubscriptionId: "s", scope: "shared" } });
    });

    it("treats null as not set: dropped, and missing when required", () => {
      expect(bind({ offerId: "o", PartnerIdOnRecord: null, quantity: null }, LINE).bound).toEqual({ offerId: "o" });
      expect(check({ OfferId: null }, LINE)).toEqual(["v.offerId is required"]);
    });

    it("drops read-only fields unread, whatever they hold", () => {
      expect(bind({ offerId: "o", Links: { self: 42, nonsense: true } }, LINE)).toEqual({
        bound: { offerId: "o" },
        problems: [],
      });
    });

    it("refuses a key set twice in two casings", () => {
      expect(check({ offerId: "a", OfferId: "b" }, LINE)).toEqual([
        "v.OfferId sets offerId again, already set as offerId: send it once",
      ]);
    });

    it("refuses an unknown key as a typo, suggesting the closest property", () => {
      expect(check({ offerId: "o", partnerIdOnRecrod: "1" }, LINE)).toEqual([
        "v.partnerIdOnRecrod is not a known property, so the service would ignore it; did you mean partnerIdOnRecord?",
      ]);
      expect(check({ offerId: "o", quantitty: 1 }, LINE)).toEqual([
        "v.quantitty is not a known property, so the service would ignore it; did you mean quantity?",
      ]);
      expect(check({ offerId: "o", discount: 10 }, LINE)).toEqual([
        "v.discount is not a known property, so the service would ignore it",
      ]);
    });

    it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
      "refuses %s as unknown: only own properties of the model count",
      (key) => {
        const value = JSON.parse(`{"offerId": "o", "${key}": {"polluted": true}}`);
        const { bound, problems } = bind(value, LINE);
        expect(problems).toEqual([expect.stringMatching(new RegExp(`^v\\.${key} is not a known property`))]);
        expect(Object.getPrototypeOf(bound)).toBe(Object.prototype);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      },
    );

    it("keeps a map key named __proto__ as an own entry, never as a prototype", () => {
      const value = JSON.parse('{"offerId": "o", "provisioningContext": {"__proto__": "x"}}');
      const { bound } = bind(value, LINE) as { bound: { provisioningContext: Record<string, unknown> } };
      expect(Object.keys(bound.provisioningContext)).toEqual(["__proto__"]);
      expect(Object.getPrototypeOf(bound.provisioningContext)).toBe(Object.prototype);
    });
  });

  describe("values", () => {
    const CYCLE: RuleSchema = {
      type: "string",
      enum: ["monthly", "annual", "one_time", "Monthly", "Annual", "OneTime"],
    };

    it("matches enum values in any casing, with or without underscores, and writes the first spelling", () => {
      expect(["Annual", "ANNUAL", "OneTime", "onetime", "ONE_TIME"].map((v) => bind(v, CYCLE).bound)).toEqual([
        "annual",
        "annual",
        "one_time",
        "one_time",
        "one_time",
      ]);
    });

    it("refuses an undocumented enum value, listing the values and suggesting the closest", () => {
      expect(check("montly", CYCLE)).toEqual([
        'v must be one of "monthly", "annual", "one_time" (in any casing), got "montly"; did you mean monthly?',
      ]);
      expect(check("weekly", CYCLE)).toEqual([
        'v must be one of "monthly", "annual", "one_time" (in any casing), got "weekly"',
      ]);
    });

    it("checks types, telling integers from numbers, and unions of types", () => {
      expect(check(1.5, { type: "integer" })).toEqual(["v must be an integer, got 1.5"]);
      expect(check("1", { type: "integer" })).toEqual(['v must be an integer, got "1"']);
      expect(check([], { type: "object" })).toEqual(["v must be an object, got an array of 0 items"]);
      expect(check(1.5, { type: ["string", "number"] })).toEqual([]);
      expect(check(true, { type: ["string", "number"] })).toEqual(["v must be a string or a number, got true"]);
    });

    it("applies string keywords to strings only", () => {
      const price: RuleSchema = { type: ["string", "number"], pattern: "^\\d+(\\.\\d+)?$", minimum: 0 };
      expect(check("156.87", price)).toEqual([]);
      expect(check(156.87, price)).toEqual([]);
      expect(check("cheap", price)).toEqual(['v must match ^\\d+(\\.\\d+)?$, got "cheap"']);
      expect(check(-1, price)).toEqual(["v must be at least 0, got -1"]);
    });

    it("checks bounds, lengths and int32", () => {
      expect(check(0, { type: "integer", minimum: 1 })).toEqual(["v must be at least 1, got 0"]);
      expect(check(2 ** 31, { type: "integer", format: "int32" })).toEqual([`v must fit in 32 bits, got ${2 ** 31}`]);
      expect(check("", { type: "string", minLength: 1 })).toEqual(["v must not be empty"]);
      expect(check("abcd", { type: "string", maxLength: 3 })).toEqual(["v must be at most 3 characters long"]);
    });

    it.each([
      ["uuid", "b0d70a69-4C42-4b27-b17b-91a835d8686a", "not-a-guid"],
      ["date-time", "2018-03-15T22:30:02.085152Z", "2023-05-18TT21:22:26Z"],
      ["uri", "https://onedrive.com/x", "onedrive.com/x"],
    ])("checks the %s format", (format, good, bad) => {
      expect(check(good, { type: "string", format })).toEqual([]);
      expect(check(bad, { type: "string", format })).toEqual([`v must be a ${format}, got "${bad}"`]);
    });

    it("checks arrays and binds every item", () => {
      const schema: RuleSchema = { type: "array", minItems: 1, maxItems: 2, items: LINE };
      expect(check([], schema)).toEqual(["v must have at least 1 item"]);
      expect(bind([{ OfferId: "a" }, { offerId: "b" }], schema).bound).toEqual([{ offerId: "a" }, { offerId: "b" }]);
      expect(check([{ offerId: "a" }, { offerId: "b" }, 3], schema)).toEqual([
        "v must have at most 2 items, got 3",
        "v[2] must be an object, got 3",
      ]);
    });

    it("follows a reference to a named schema", () => {
      const named: RuleSchema = { type: "integer", minimum: 0 };
      expect(check(-1, { ref: () => named })).toEqual(["v must be at least 0, got -1"]);
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
});
