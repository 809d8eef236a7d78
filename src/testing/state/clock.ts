// The fake's "now": the wall clock plus however far a test has moved it (Stripe's test clocks are
// the model). Every rule of the fake that depends on time reads this, so a test reaches a window's
// end by advancing the clock, never by sleeping.

export class FakeClock {
  private offset = 0;

  /** The fake's time, in milliseconds since the epoch. */
  readonly now = (): number => Date.now() + this.offset;

  advance(ms: number): void {
    this.offset += ms;
  }

  reset(): void {
    this.offset = 0;
  }
}

/** Why `ms` cannot move the clock, or undefined: time moves forward, by a finite amount. */
export function advanceProblem(ms: unknown): string | undefined {
  return typeof ms === "number" && Number.isFinite(ms) && ms >= 0
    ? undefined
    : `must be a finite number of milliseconds, 0 or more (time only moves forward), got ${String(ms).slice(0, 40)}`;
}
