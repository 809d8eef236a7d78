import { DEFAULT_POLL_SCHEDULE, nextPollDelay } from "../../../src/polling/poll-delay";

describe("nextPollDelay", () => {
  it("starts at intervalMs and doubles up to maxIntervalMs (2 s to 60 s by default)", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 40].map((poll) => nextPollDelay(poll, DEFAULT_POLL_SCHEDULE))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it("waits as long as the answer's Retry-After says instead", () => {
    expect(nextPollDelay(1, DEFAULT_POLL_SCHEDULE, 90_000)).toBe(90_000);
    expect(nextPollDelay(6, DEFAULT_POLL_SCHEDULE, 500)).toBe(500);
  });
});
