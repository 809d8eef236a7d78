// The request rules are generated from the spec; a spec keyword the binder does not implement must
// stop the build, so that a spec change can never turn a client-side check off unnoticed.
import spec from "../../generated/openapi.json";

type Spec = Record<string, any>;
const load = () => import("../../scripts/request-rules.mjs") as Promise<{ buildRequestRules(spec: unknown): string }>;

/** The bundled spec with `OrderLineItem.quantity` changed by `patch`. */
function withQuantity(patch: Record<string, unknown>): Spec {
  const copy = structuredClone(spec) as Spec;
  Object.assign(copy.components.schemas.OrderLineItem.properties.quantity, patch);
  return copy;
}

describe("buildRequestRules", () => {
  it("builds the rules of the bundled spec", async () => {
    const { buildRequestRules } = await load();
    expect(buildRequestRules(spec)).toContain('"createOrder"');
  });

  it.each([
    ["anyOf", { anyOf: [{ minimum: 1 }, { maximum: 9 }] }],
    ["not", { not: { const: 3 } }],
    ["exclusiveMinimum", { exclusiveMinimum: 0 }],
    ["multipleOf", { multipleOf: 2 }],
    ["if", { if: { minimum: 5 }, then: { maximum: 10 } }],
    ["uniqueItems", { uniqueItems: true }],
    ["dependentRequired", { dependentRequired: {} }],
  ])("fails, naming the schema and the keyword, when a request schema uses %s", async (keyword, patch) => {
    const { buildRequestRules } = await load();
    expect(() => buildRequestRules(withQuantity(patch))).toThrow(
      new RegExp(
        `request schema OrderLineItem\\.quantity uses \`${keyword}\`, which src/rules/bind\\.ts does not implement`,
      ),
    );
  });

  it("fails on a format the binder does not check", async () => {
    const { buildRequestRules } = await load();
    expect(() => buildRequestRules(withQuantity({ format: "int64" }))).toThrow(
      /OrderLineItem\.quantity uses `format` "int64"/,
    );
  });

  it("fails when allOf members set one keyword two ways it cannot merge", async () => {
    const { buildRequestRules } = await load();
    const copy = structuredClone(spec) as Spec;
    copy.components.schemas.OrderCreate.properties.lineItems.items.properties.termDuration.pattern = "^P1Y$";
    copy.components.schemas.OrderLineItem.properties.termDuration.pattern = "^P1M$";
    expect(() => buildRequestRules(copy)).toThrow(/uses `allOf` with two different `pattern`/);
  });

  it("ignores keywords inside read-only fields, which are never sent", async () => {
    const { buildRequestRules } = await load();
    const copy = structuredClone(spec) as Spec;
    copy.components.schemas.Order.properties.totalPrice.multipleOf = 0.01;
    expect(() => buildRequestRules(copy)).not.toThrow();
  });
});
