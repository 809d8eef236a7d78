import { closest, editDistance } from "../../../src/validation/suggest";

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
