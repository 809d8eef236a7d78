// One sliding window behind the client's limiter and the fake's throttle: a time counts until it is
// exactly windowMs old, and a long run keeps counting right across the array's compactions.
import { SlidingWindow } from "../../../src/internal/sliding-window";

describe("SlidingWindow", () => {
  it("counts a time until it is windowMs old, and names the oldest still in it", () => {
    const window = new SlidingWindow(1_000);
    window.add(0);
    window.add(400);
    expect(window.trim(999)).toBe(2);
    expect(window.oldest).toBe(0);
    expect(window.trim(1_000)).toBe(1);
    expect(window.oldest).toBe(400);
    expect(window.trim(1_400)).toBe(0);
    expect(window.oldest).toBeUndefined();
  });

  it("counts right across compactions in a long run", () => {
    const window = new SlidingWindow(100);
    for (let t = 0; t < 50_000; t++) {
      window.add(t);
      expect(window.trim(t)).toBe(Math.min(t + 1, 100));
    }
    expect(window.oldest).toBe(49_900);
  });

  it("forgets everything on clear", () => {
    const window = new SlidingWindow(100);
    window.add(1);
    window.clear();
    expect(window.trim(2)).toBe(0);
  });
});
