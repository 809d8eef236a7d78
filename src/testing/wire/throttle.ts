// The fake's rate limit (rateLimit: { requestsPerMinute, windowMs }): at most so many requests
// arrive in any window, as Partner Center limits the Order resource to 500 a minute per tenant;
// past it the answer is 429 with Retry-After and the documented throttling body. Refused requests
// do not count.

export class Throttle {
  private readonly arrivals: number[] = [];
  private head = 0;

  constructor(
    private readonly allowance: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Counts a request that may go and returns undefined; else the whole seconds until one may. */
  check(): number | undefined {
    const now = this.now();
    while (this.head < this.arrivals.length && this.arrivals[this.head]! <= now - this.windowMs) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.arrivals.length) {
      this.arrivals.splice(0, this.head);
      this.head = 0;
    }
    if (this.arrivals.length - this.head < this.allowance) {
      this.arrivals.push(now);
      return undefined;
    }
    return Math.max(1, Math.ceil((this.arrivals[this.head]! + this.windowMs - now) / 1000));
  }

  clear(): void {
    this.arrivals.length = 0;
    this.head = 0;
  }
}
