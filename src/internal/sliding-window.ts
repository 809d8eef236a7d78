// The times of events still inside a sliding window, oldest first: the client's limiter counts
// answers in it, the fake's throttle arrivals. Times leave once `windowMs` old; the array is
// compacted now and then, so a long run holds only what is in the window, in amortised O(1).
export class SlidingWindow {
  private readonly times: number[] = [];
  private head = 0;

  constructor(private readonly windowMs: number) {}

  /** Drops the times that have left the window by `now`, and answers how many are left. */
  trim(now: number): number {
    while (this.head < this.times.length && this.times[this.head]! <= now - this.windowMs) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  /** Adds a time, no earlier than the last one added. */
  add(time: number): void {
    this.times.push(time);
  }

  /** The oldest time still in the window, as of the last trim. */
  get oldest(): number | undefined {
    return this.times[this.head];
  }

  clear(): void {
    this.times.length = 0;
    this.head = 0;
  }
}
