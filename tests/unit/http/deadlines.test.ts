import { DeadlineQueue, deadline } from "../../../src/http/deadlines";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("deadline", () => {
  it("fires after its time, in the order the deadlines were set", async () => {
    const fired: number[] = [];
    deadline(30, () => fired.push(1));
    await wait(5);
    deadline(30, () => fired.push(2));
    await wait(15);
    expect(fired).toEqual([]);
    await wait(40);
    expect(fired).toEqual([1, 2]);
  });

  it("does not fire once cleared, and a cleared deadline ahead does not hold back the next", async () => {
    const fired: string[] = [];
    const first = deadline(40, () => fired.push("first"));
    deadline(40, () => fired.push("second"));
    first.clear();
    await wait(80);
    expect(fired).toEqual(["second"]);
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
    global.setTimeout = ((fn: () => void, ms: number) => (timer = original(fn, ms) as never)) as unknown as typeof setTimeout;
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
