// The fake's rate limit (rateLimit: { requestsPerMinute, windowMs }): at most so many requests
// arrive in any window, as Partner Center limits the Order resource to 500 a minute per tenant;
// past it the answer is 429 with Retry-After and the documented throttling body. Refused requests
// do not count.
import { SlidingWindow } from "../../internal/sliding-window";

export class Throttle {
  private readonly arrivals: SlidingWindow;

  constructor(
    private readonly allowance: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.arrivals = new SlidingWindow(windowMs);
  }

  /** Counts a request that may go and returns undefined; else the whole seconds until one may. */
  check(): number | undefined {
    const now = this.now();
    if (this.arrivals.trim(now) < this.allowance) {
      this.arrivals.add(now);
      return undefined;
    }
    return Math.max(1, Math.ceil((this.arrivals.oldest! + this.windowMs - now) / 1000));
  }

  clear(): void {
    this.arrivals.clear();
  }
}
