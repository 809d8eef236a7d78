import { join } from "node:path";
import { classify, diffReport, gate } from "../../scripts/spec-diff.cjs";

const FIXTURES = join(__dirname, "..", "fixtures", "spec-diff");
const against = (name: string) => classify(diffReport(join(FIXTURES, "base.yaml"), join(FIXTURES, `${name}.yaml`)));

describe("spec:diff", () => {
  it.each([
    ["a removed property", "removed-property", /Property `status` of `Order` was removed/],
    ["a narrowed enum", "narrowed-enum", /Enum values "cancelled" removed/],
    ["a narrowed parameter enum", "narrowed-parameter-enum", /onetime/],
    ["a new required parameter", "new-required-parameter", /Required `size` query parameter was added/],
  ])("calls %s breaking", (_what, fixture, message) => {
    const { breaking } = against(fixture);
    expect(breaking).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ["a new optional property", "new-optional-property"],
    ["a new operation", "new-operation"],
  ])("calls %s not breaking", (_what, fixture) => {
    const { breaking, nonBreaking } = against(fixture);
    expect(breaking).toEqual([]);
    expect(nonBreaking.length).toBeGreaterThan(0);
  });

  it("finds nothing between a spec and itself", () => {
    expect(against("base")).toEqual({ breaking: [], nonBreaking: [] });
  });
});

describe("the breaking-change gate", () => {
  it("passes when nothing breaks", () => {
    expect(gate({ breaking: [], baseVersion: "1.2.0", headVersion: "1.2.0" }).ok).toBe(true);
  });

  it("fails a breaking change without a new major version", () => {
    expect(gate({ breaking: ["x"], baseVersion: "1.2.0", headVersion: "1.3.0" })).toEqual({
      ok: false,
      reason: "breaking changes need a new major version (package.json is 1.3.0, was 1.2.0)",
    });
  });

  it("passes a breaking change that comes with a new major version", () => {
    expect(gate({ breaking: ["x"], baseVersion: "1.2.0", headVersion: "2.0.0" }).ok).toBe(true);
  });
});
