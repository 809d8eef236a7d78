import { closest, editDistance, editDistanceWithin } from "../../../src/rules/suggest";

describe("editDistance", () => {
  it("counts an adjacent swap as one edit", () => {
    expect(editDistance("recrod", "record")).toBe(1);
    expect(editDistance("quantitty", "quantity")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});

describe("closest", () => {
  const NAMES = ["lineItems", "billingCycle", "partnerIdOnRecord", "quantity", "id"];

  it("finds the name a key is a typo of, in any casing", () => {
    expect(closest("partnerIdOnRecrod", NAMES)).toBe("partnerIdOnRecord");
    expect(closest("LINEITEM", NAMES)).toBe("lineItems");
    expect(closest("biling_cycle", NAMES)).toBe("billingCycle");
  });

  it("suggests nothing when no name is close", () => {
    expect(closest("discount", NAMES)).toBeUndefined();
    expect(closest("xy", NAMES)).toBeUndefined();
  });
});

describe("closest, given an attacker's key", () => {
  // How long it takes is tests/unit/internal/redact.test.ts's (in a worker, killed at 20 s): Jest's timer cannot stop a synchronous loop.
  it("suggests nothing for a 1,000,000-character key", () => {
    expect(closest("a".repeat(1_000_000), NAMES_FOR_BOUNDS)).toBeUndefined();
    expect(closest(`${"a".repeat(1_000_000)}quantity`, NAMES_FOR_BOUNDS)).toBeUndefined();
  });

  it("gives up on a pair whose lengths differ by more than the distance it would accept", () => {
    expect(editDistanceWithin("a".repeat(10_000), "quantity", 2)).toBe(3);
    expect(editDistanceWithin("quantiy", "quantity", 2)).toBe(1);
    expect(editDistanceWithin("kitten", "sitting", 2)).toBe(3);
  });
});
const NAMES_FOR_BOUNDS = ["lineItems", "billingCycle", "partnerIdOnRecord", "quantity", "id"];
