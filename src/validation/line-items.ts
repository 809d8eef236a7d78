// Line-item numbering, which JSON Schema cannot express: the numbers of an order's line items
// are unique and run 0..n-1 (error 800071 otherwise). A caller may leave them all out.
import type { ValidationProblem } from "../errors";

type Numbered = { lineItemNumber?: unknown };

/**
 * The line items with numbers 0..n-1 assigned when the caller left every number out (0 is a
 * valid number, so "left out" means undefined), plus the problems with the numbers given.
 * Does not touch the caller's objects.
 */
export function numberLineItems<T extends Numbered>(items: readonly T[]): { items: T[]; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const given = items.filter((item) => item?.lineItemNumber !== undefined).length;
  if (given === 0) {
    return { items: items.map((item, i) => ({ ...item, lineItemNumber: i })), problems };
  }
  const seen = new Map<unknown, number>();
  items.forEach((item, i) => {
    const at = `body.lineItems[${i}].lineItemNumber`;
    const n = item?.lineItemNumber;
    if (n === undefined) {
      problems.push({ path: at, message: "is missing: number every line item 0..n-1, or none and the client numbers them" });
      return;
    }
    if (Number.isInteger(n) && ((n as number) < 0 || (n as number) >= items.length)) {
      problems.push({ path: at, message: `must be between 0 and ${items.length - 1} (line item numbers run 0..n-1), got ${n}` });
    }
    const first = seen.get(n);
    if (first !== undefined) problems.push({ path: at, message: `repeats the number ${n} of lineItems[${first}]` });
    else seen.set(n, i);
  });
  return { items: [...items], problems };
}
