// The one range check behind every numeric option of the client, the poller and the fake.

/** setTimeout's longest delay: a wait beyond it would fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Whether `value` is a whole number from `min` to `max`. */
export const isWhole = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
