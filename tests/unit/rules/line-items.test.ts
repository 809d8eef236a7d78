import { lineItemNumberProblems, numberLineItems } from "../../../src/rules/line-items";

const item = (n?: number) => ({ offerId: "o", quantity: 1, ...(n === undefined ? {} : { lineItemNumber: n }) });
const numbers = (items: unknown[]) => items.map((i) => (i as { lineItemNumber?: number }).lineItemNumber);

describe("numberLineItems", () => {
  it("numbers line items 0..n-1 when the caller left every number out", () => {
    expect(numbers(numberLineItems([item(), item(), item()]))).toEqual([0, 1, 2]);
  });

  it("does not change the caller's objects", () => {
    const input = [item()];
    numberLineItems(input);
    expect(input[0]).not.toHaveProperty("lineItemNumber");
  });

  it("keeps numbers the caller gave, 0 included, in any order", () => {
    expect(numbers(numberLineItems([item(1), item(0)]))).toEqual([1, 0]);
    expect(numbers(numberLineItems([item(0), item()]))).toEqual([0, undefined]);
  });

  it("finds a number given in any casing, and counts a null one as not given", () => {
    expect(numberLineItems([{ LineItemNumber: 1 }, { LineItemNumber: 0 }])).toEqual([
      { LineItemNumber: 1 },
      { LineItemNumber: 0 },
    ]);
    expect(numberLineItems([{ LineItemNumber: null }, {}])).toEqual([
      { LineItemNumber: null, lineItemNumber: 0 },
      { lineItemNumber: 1 },
    ]);
    expect(numbers(numberLineItems([{ lineItemNumber: null }, { lineItemNumber: undefined }]))).toEqual([0, 1]);
  });

  it("writes the number first, as the docs' examples do, and keeps every own key (__proto__ included)", () => {
    const [numbered] = numberLineItems([JSON.parse('{"offerId":"o","__proto__":{"quantity":2}}')]);
    expect(Object.keys(numbered as object)).toEqual(["lineItemNumber", "offerId", "__proto__"]);
    expect(Object.getPrototypeOf(numbered)).toBe(Object.prototype);
  });
});

describe("lineItemNumberProblems", () => {
  it("accepts numbers 0..n-1 in any order", () => {
    expect(lineItemNumberProblems([item(1), item(0)])).toEqual([]);
  });

  it("names a missing number, 0 being a number", () => {
    expect(lineItemNumberProblems([item(0), item()])).toEqual([
      {
        path: "body.lineItems[1].lineItemNumber",
        message: "is missing: number every line item 0..n-1 (pc.orders.create numbers them when none is numbered)",
      },
    ]);
  });

  it("refuses duplicates", () => {
    expect(lineItemNumberProblems([item(0), item(0)])).toEqual([
      { path: "body.lineItems[1].lineItemNumber", message: "repeats the number 0 of lineItems[0]" },
    ]);
  });

  it("refuses numbers outside 0..n-1", () => {
    expect(lineItemNumberProblems([item(0), item(2)])).toEqual([
      {
        path: "body.lineItems[1].lineItemNumber",
        message: "must be between 0 and 1 (line item numbers run 0..n-1), got 2",
      },
    ]);
  });
});
