import { join } from "node:path";
import { classify, diffReport, gate, lastReleased, releaseCommit } from "../../scripts/spec-diff.cjs";

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

describe("the release spec:diff compares with by default", () => {
  it("is the newest version the CHANGELOG does not mark unreleased", () => {
    expect(lastReleased("# Changelog\n\n## 2.0.0 (unreleased)\n\n- x\n\n## 1.0.0 (2026-11-21)\n\n## 0.1.0\n")).toBe(
      "1.0.0",
    );
    expect(lastReleased("## 0.1.0 (Unreleased)\n")).toBeUndefined();
  });

  const history = [
    { commit: "e", version: "2.0.0" },
    { commit: "d", version: "2.0.0" },
    { commit: "c", version: "1.0.0" },
    { commit: "b", version: "1.0.0" },
    { commit: "a", version: "0.1.0" },
  ];

  it("is the last commit before package.json left the released version", () => {
    expect(releaseCommit(history, "1.0.0")).toBe("d^");
  });

  it("is the newest commit at the released version when nothing has left it yet", () => {
    expect(releaseCommit(history.slice(2), "1.0.0")).toBe("c");
  });

  it("is not found for a version package.json never had", () => {
    expect(releaseCommit(history, "3.0.0")).toBeUndefined();
  });
});
