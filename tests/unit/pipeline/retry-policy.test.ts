import {
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  decideRetry,
  isRetryableStatus,
  parseRetryAfter,
} from "../../../src/pipeline/retry-policy";

const NOW = Date.parse("2026-11-21T12:00:00Z");
const policy = DEFAULT_RETRY_POLICY;

describe("isRetryableStatus", () => {
  it.each([408, 429, 500, 502, 503, 504])("retries %i", (status) => {
    expect(isRetryableStatus(status)).toBe(true);
  });

  it.each([200, 201, 400, 401, 403, 404, 409, 412, 417, 501, 505])("does not retry %i", (status) => {
    expect(isRetryableStatus(status)).toBe(false);
  });
});

describe("parseRetryAfter", () => {
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("57", NOW)).toBe(57_000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
  });

  it("reads an HTTP-date as the time left until it", () => {
    expect(parseRetryAfter("Sat, 21 Nov 2026 12:00:30 GMT", NOW)).toBe(30_000);
  });

  it("treats an HTTP-date in the past as no wait", () => {
    expect(parseRetryAfter("Sat, 21 Nov 2026 11:00:00 GMT", NOW)).toBe(0);
  });

  it("reads the two obsolete HTTP-date forms RFC 9110 says a recipient must accept", () => {
    expect(parseRetryAfter("Saturday, 21-Nov-26 12:00:30 GMT", NOW)).toBe(30_000);
    expect(parseRetryAfter("Sat Nov 21 12:00:30 2026", NOW)).toBe(30_000);
    expect(parseRetryAfter("Sat Nov  1 12:00:30 2026", NOW)).toBe(0);
  });

  it("reads a delay too long to count as longer than any wait the client takes", () => {
    expect(parseRetryAfter("99999999999999999999", NOW)).toBeGreaterThan(DEFAULT_RETRY_POLICY.maxRetryAfterMs);
    expect(decideRetry(1, { status: 503, retryAfter: "99999999999999999999" }, policy, NOW, 0.5)).toEqual({
      retry: false,
    });
  });

  it.each([
    null,
    undefined,
    "",
    "-5",
    "1.5",
    "soon",
    "57s",
    "soon 5",
    "x 1",
    "5 x",
    "Sat, 21 Nov 2026 12:00:30",
    "Sat, 21 Nov 2026 12:00:30 GMT junk",
    "2026-11-21T12:00:30Z",
    "Sat, 31 Feb 2026 12:00:30 GMT",
    "Sat, 21 Nov 2026 25:00:30 GMT",
  ])("ignores %p", (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});

describe("backoffDelayMs", () => {
  it("doubles from the base delay, between half and all of it", () => {
    expect(backoffDelayMs(1, policy, 0)).toBe(250);
    expect(backoffDelayMs(1, policy, 1)).toBe(500);
    expect(backoffDelayMs(2, policy, 0)).toBe(500);
    expect(backoffDelayMs(3, policy, 1)).toBe(2_000);
  });

  it("never exceeds the cap", () => {
    expect(backoffDelayMs(30, policy, 1)).toBe(policy.maxDelayMs);
  });
});

describe("decideRetry", () => {
  it("retries a 503 with backoff", () => {
    expect(decideRetry(1, { status: 503 }, policy, NOW, 1)).toEqual({ retry: true, delayMs: 500 });
  });

  it("retries a failure without a status (network error, timeout)", () => {
    expect(decideRetry(2, {}, policy, NOW, 0)).toEqual({ retry: true, delayMs: 500 });
  });

  it("waits exactly what Retry-After asks", () => {
    expect(decideRetry(1, { status: 429, retryAfter: "7" }, policy, NOW, 0.5)).toEqual({ retry: true, delayMs: 7_000 });
  });

  it("falls back to backoff when Retry-After is unusable", () => {
    expect(decideRetry(1, { status: 429, retryAfter: "-1" }, policy, NOW, 1)).toEqual({ retry: true, delayMs: 500 });
  });

  it("leaves a Retry-After longer than it waits out to the caller", () => {
    expect(decideRetry(1, { status: 429, retryAfter: "3600" }, policy, NOW, 0)).toEqual({ retry: false });
  });

  it("does not retry a 409: the order may be in progress", () => {
    expect(decideRetry(1, { status: 409 }, policy, NOW, 0)).toEqual({ retry: false });
  });

  it("does not retry a call whose body cannot be sent again (a caller's stream)", () => {
    expect(decideRetry(1, { status: 503, replayable: false }, policy, NOW, 0)).toEqual({ retry: false });
    expect(decideRetry(1, { replayable: false }, policy, NOW, 0)).toEqual({ retry: false });
  });

  it("does not retry a failure no retry cures (a refused certificate, a bad proxy setting, an answer too large)", () => {
    expect(decideRetry(1, { final: true }, policy, NOW, 0)).toEqual({ retry: false });
  });

  it("retries a 409 800060 or 800064, which says an earlier request is still being answered", () => {
    expect(decideRetry(1, { status: 409, inProgress: true }, policy, NOW, 1)).toEqual({ retry: true, delayMs: 500 });
  });

  it("stops after maxRetries retries", () => {
    expect(decideRetry(3, { status: 500 }, policy, NOW, 0).retry).toBe(true);
    expect(decideRetry(4, { status: 500 }, policy, NOW, 0).retry).toBe(false);
  });
});
