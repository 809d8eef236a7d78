import { DeadlineQueue, deadline } from "../../../../src/internal/fast/deadlines";

describe("deadline", () => {
  describe("on Jest's clock, which a busy machine cannot make early or late", () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());
    const queueOf = (ms: number) => new DeadlineQueue(ms, () => Date.now());

    it("fires after its time, in the order the deadlines were set", () => {
      const queue = queueOf(30);
      const fired: number[] = [];
      queue.add(() => fired.push(1));
      jest.advanceTimersByTime(5);
      queue.add(() => fired.push(2));
      jest.advanceTimersByTime(24);
      expect(fired).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(fired).toEqual([1]);
      jest.advanceTimersByTime(4);
      expect(fired).toEqual([1]);
      jest.advanceTimersByTime(1);
      expect(fired).toEqual([1, 2]);
    });

    it("does not fire once cleared, and a cleared deadline ahead does not hold back the next", () => {
      const queue = queueOf(40);
      const fired: string[] = [];
      const first = queue.add(() => fired.push("first"));
      queue.add(() => fired.push("second"));
      first.clear();
      jest.advanceTimersByTime(40);
      expect(fired).toEqual(["second"]);
    });
  });

  it("keeps one timer per timeout length, whatever the number of deadlines", async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const pending = Array.from({ length: 100 }, () => deadline(50, () => undefined));
    expect(process.getActiveResourcesInfo().filter((r) => r === "Timeout").length - before).toBe(1);
    for (const d of pending) d.clear();
  });

  it("lets the process exit while nothing is pending", () => {
    let timer: { hasRef(): boolean } | undefined;
    const original = global.setTimeout;
    const queue = new DeadlineQueue(10_000, () => 0);
    global.setTimeout = ((fn: () => void, ms: number) =>
      (timer = original(fn, ms) as never)) as unknown as typeof setTimeout;
    try {
      const d = queue.add(() => undefined);
      expect(timer!.hasRef()).toBe(true);
      d.clear();
      expect(timer!.hasRef()).toBe(false);
      queue.add(() => undefined).clear();
    } finally {
      global.setTimeout = original;
      clearTimeout(timer as never);
    }
  });
});
