// The one range check behind every numeric option of the client, the poller and the fake.
import type { ValidationProblem } from "../errors";
import { printableValue } from "../internal/printable";

/** setTimeout's longest delay: a wait beyond it would fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Whether `value` is a whole number from `min` to `max`. */
export const isWhole = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;

export function timeoutProblems(value: unknown, path: string): ValidationProblem[] {
  return value === undefined || isWhole(value, 0, MAX_TIMER_MS)
    ? []
    : [{ path, message: `must be a whole number of milliseconds (0 for none), got ${printableValue(value)}` }];
}
