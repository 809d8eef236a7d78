// One wording for every "must be a whole number" message: what it counts, its range, what else it
// takes, and the value given, quoted as a message quotes outside values.
import { timeoutProblems, wholeNumberMessage, wholeNumberProblems } from "../../../src/rules/is-whole";

describe("wholeNumberMessage", () => {
  it("names the unit, the range and what else the setting takes", () => {
    expect(wholeNumberMessage(-1, { min: 0, max: 10 })).toBe("must be a whole number from 0 to 10, got -1");
    expect(wholeNumberMessage(0.5, { min: 1, unit: "bytes" })).toBe(
      "must be a whole number of bytes, at least 1, got 0.5",
    );
    expect(wholeNumberMessage("x", { min: 1, unit: "requests a minute", or: "or false" })).toBe(
      "must be a whole number of requests a minute, at least 1 or false, got x",
    );
  });

  it("quotes a value from outside as a message does: cut, escaped, or by its kind", () => {
    expect(wholeNumberMessage("1\n2", { min: 0 })).toBe("must be a whole number, at least 0, got 1\\n2");
    expect(wholeNumberMessage({ valueOf: () => 1 }, { min: 0 })).toBe(
      "must be a whole number, at least 0, got (an object)",
    );
    expect(wholeNumberMessage("9".repeat(500), { min: 0 })).toMatch(/got 9{100}… \(500 characters\)$/);
  });
});

describe("wholeNumberProblems", () => {
  it("has none for an unset value or one in range, and one naming the path otherwise", () => {
    expect(wholeNumberProblems(undefined, "options.n", { min: 1 })).toEqual([]);
    expect(wholeNumberProblems(3, "options.n", { min: 1, max: 3 })).toEqual([]);
    expect(wholeNumberProblems(4, "options.n", { min: 1, max: 3 })).toEqual([
      { path: "options.n", message: "must be a whole number from 1 to 3, got 4" },
    ]);
    expect(wholeNumberProblems(2 ** 53, "options.n", { min: 1 })).toHaveLength(1);
  });

  it("takes 0 as no timeout and refuses one a timer cannot wait", () => {
    expect(timeoutProblems(0, "options.timeoutMs")).toEqual([]);
    expect(timeoutProblems(2 ** 31, "options.timeoutMs")).toHaveLength(1);
  });
});
