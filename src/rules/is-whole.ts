// The one range check behind every numeric setting of the client, the poller, the fake and the
// contract command, and the one wording of its "must be a whole number" message.
import type { ValidationProblem } from "../errors";
import { printableValue } from "../internal/printable";

/** setTimeout's longest delay: a wait beyond it would fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Whether `value` is a whole number from `min` to `max`. */
export const isWhole = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;

export interface WholeNumberRule {
  min: number;
  /** Default: none but the largest safe integer. */
  max?: number;
  /** What the number counts, for the message: `milliseconds`, `bytes`. */
  unit?: string;
  /** What else the setting takes, for the message: `(0 for none)`, `or false`. */
  or?: string;
}

/** "must be a whole number [of unit] from min to max [or], got value": one wording for every setting. */
export function wholeNumberMessage(value: unknown, rule: WholeNumberRule): string {
  const unit = rule.unit ? ` of ${rule.unit}` : "";
  const range = rule.max === undefined ? `, at least ${rule.min}` : ` from ${rule.min} to ${rule.max}`;
  return `must be a whole number${unit}${range}${rule.or ? ` ${rule.or}` : ""}, got ${printableValue(value)}`;
}

/** The problem with `value` at `path` under `rule`, if any; an unset (undefined) value has none. */
export function wholeNumberProblems(value: unknown, path: string, rule: WholeNumberRule): ValidationProblem[] {
  return value === undefined || isWhole(value, rule.min, rule.max)
    ? []
    : [{ path, message: wholeNumberMessage(value, rule) }];
}

/** A timeout setting: milliseconds a timer can wait, 0 for none. */
export function timeoutProblems(value: unknown, path: string): ValidationProblem[] {
  return wholeNumberProblems(value, path, { min: 0, max: MAX_TIMER_MS, unit: "milliseconds", or: "(0 for none)" });
}
