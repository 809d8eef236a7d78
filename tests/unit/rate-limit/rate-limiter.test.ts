// Pacing: at most `allowance` requests in any window, counted until a window after each answer;
// calls past it wait in order, a 429's pause holds every waiting call, and an abort leaves the line.
import { admissionDelay, RateLimiter } from "../../../src/rate-limit/rate-limiter";

describe("admissionDelay", () => {
  const state = { inFlight: 0, answered: 0, allowance: 3, windowMs: 1_000, pausedUntil: 0 };

  it("lets a request go while the window has room", () => {
    expect(admissionDelay({ ...state, inFlight: 1, answered: 1, oldestAnswered: 500 }, 600)).toBe(0);
  });

  it("waits until the oldest answer leaves the window when it is full", () => {
    expect(admissionDelay({ ...state, inFlight: 1, answered: 2, oldestAnswered: 500 }, 600)).toBe(900);
  });

  it("waits for an answer when every slot is a request in flight", () => {
    expect(admissionDelay({ ...state, inFlight: 3 }, 600)).toBeUndefined();
  });

  it("waits out a pause first, whatever room there is", () => {
    expect(admissionDelay({ ...state, pausedUntil: 2_000 }, 600)).toBe(1_400);
  });
});

describe("RateLimiter", () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  const limiter = (allowance = 2, windowMs = 1_000) => new RateLimiter(allowance, windowMs, () => Date.now());

  /** Which of the calls have been let through so far. */
  function track(calls: Promise<() => void>[]) {
    const through: number[] = [];
    const releases: (() => void)[] = [];
    calls.forEach((call, i) =>
      call.then(
        (release) => (through.push(i), (releases[i] = release)),
        () => undefined,
      ),
    );
    return { through, releases };
  }

  it("lets the allowance through at once and the next one a window after the first answer", async () => {
    const pace = limiter();
    const { through, releases } = track([pace.acquire(), pace.acquire(), pace.acquire()]);
    await jest.advanceTimersByTimeAsync(0);
    expect(through).toEqual([0, 1]);
    await jest.advanceTimersByTimeAsync(300);
    releases[0]!();
    await jest.advanceTimersByTimeAsync(999);
    expect(through).toEqual([0, 1]);
    await jest.advanceTimersByTimeAsync(1);
    expect(through).toEqual([0, 1, 2]);
  });

  it("counts a request until a window after its answer: one in flight for long holds its slot", async () => {
    const pace = limiter(1);
    const { through, releases } = track([pace.acquire(), pace.acquire()]);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(through).toEqual([0]);
    releases[0]!();
    await jest.advanceTimersByTimeAsync(999);
    expect(through).toEqual([0]);
    await jest.advanceTimersByTimeAsync(1);
    expect(through).toEqual([0, 1]);
  });

  it("keeps the calls in the order they came", async () => {
    const pace = limiter(1, 100);
    const { through, releases } = track([pace.acquire(), pace.acquire(), pace.acquire(), pace.acquire()]);
    for (let i = 0; i < 4; i++) {
      await jest.advanceTimersByTimeAsync(100);
      releases[i]?.();
    }
    await jest.advanceTimersByTimeAsync(100);
    expect(through).toEqual([0, 1, 2, 3]);
  });

  it("holds every call back while paused by a 429, then lets them go", async () => {
    const pace = limiter(10);
    pace.pause(2_000);
    const { through } = track([pace.acquire(), pace.acquire(), pace.acquire()]);
    await jest.advanceTimersByTimeAsync(1_999);
    expect(through).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(through).toEqual([0, 1, 2]);
  });

  it("takes an aborted call out of the line, with its reason, and the others carry on", async () => {
    const pace = limiter(1, 100);
    const controller = new AbortController();
    const first = pace.acquire();
    const aborted = pace.acquire(controller.signal);
    const third = pace.acquire();
    const { through, releases } = track([first, third]);
    controller.abort(new Error("gone"));
    await expect(aborted).rejects.toThrow("gone");
    await jest.advanceTimersByTimeAsync(0);
    releases[0]!();
    await jest.advanceTimersByTimeAsync(100);
    expect(through).toEqual([0, 1]);
  });

  it("refuses at once when the signal is already aborted", async () => {
    await expect(limiter().acquire(AbortSignal.abort(new Error("before")))).rejects.toThrow("before");
  });
});
