import { numberLineItems } from "../../../src/validation/line-items";

const item = (n?: number) => ({ offerId: "o", quantity: 1, ...(n === undefined ? {} : { lineItemNumber: n }) });

describe("numberLineItems", () => {
  it("numbers line items 0..n-1 when the caller left every number out", () => {
    const { items, problems } = numberLineItems([item(), item(), item()]);
    expect(items.map((i) => i.lineItemNumber)).toEqual([0, 1, 2]);
    expect(problems).toEqual([]);
  });

  it("does not change the caller's objects", () => {
    const input = [item()];
    numberLineItems(input);
    expect(input[0]).not.toHaveProperty("lineItemNumber");
  });

  it("keeps numbers the caller gave, 0 included, in any order", () => {
    const { items, problems } = numberLineItems([item(1), item(0)]);
    expect(items.map((i) => i.lineItemNumber)).toEqual([1, 0]);
    expect(problems).toEqual([]);
  });

  it("treats 0 as a number, not as missing", () => {
    expect(numberLineItems([item(0)]).problems).toEqual([]);
    expect(numberLineItems([item(0), item()]).problems).toEqual([
      {
        path: "body.lineItems[1].lineItemNumber",
        message: "is missing: number every line item 0..n-1, or none and the client numbers them",
      },
    ]);
  });

  it("refuses duplicates", () => {
    expect(numberLineItems([item(0), item(0)]).problems).toEqual([
      { path: "body.lineItems[1].lineItemNumber", message: "repeats the number 0 of lineItems[0]" },
    ]);
  });

  it("refuses numbers outside 0..n-1", () => {
    expect(numberLineItems([item(0), item(2)]).problems).toEqual([
      {
        path: "body.lineItems[1].lineItemNumber",
        message: "must be between 0 and 1 (line item numbers run 0..n-1), got 2",
      },
    ]);
  });
});
