// The rateLimit option through the public client: calls past the limit wait instead of drawing a
// 429, a 429's Retry-After holds back every call of the client, a waiting call keeps its
// MS-RequestId, and the caller's signal takes a waiting call out of the line with nothing sent.
import {
  createPartnerCenterClient,
  isPartnerCenterError,
  isPartnerCenterValidationError,
  type ClientOptions,
} from "../../../src";
import { CUSTOMER, ORDER, json, scriptedFetch, type Step } from "../../helpers/scripted-fetch";

beforeEach(() => jest.useFakeTimers({ now: Date.parse("2026-11-21T12:00:00Z") }));
afterEach(() => jest.useRealTimers());

function clientWith(steps: Step[], options: Partial<ClientOptions> = {}) {
  const script = scriptedFetch(...steps);
  const sentAt: number[] = [];
  const pc = createPartnerCenterClient({
    credential: "t",
    baseUrl: "https://pc.test/v1",
    fetch: (input, init) => (sentAt.push(Date.now()), script.fetch(input, init)),
    backoff: { baseDelayMs: 1, maxDelayMs: 2 },
    ...options,
  });
  return { pc, sent: script.sent, sentAt };
}

const get = (pc: ReturnType<typeof clientWith>["pc"], options = {}) => pc.orders.get(CUSTOMER, ORDER.id, options);
const start = Date.parse("2026-11-21T12:00:00Z");

describe("rateLimit", () => {
  it("sends the limit at once and holds the rest until the window has room, instead of drawing a 429", async () => {
    const { pc, sentAt } = clientWith(
      Array.from({ length: 5 }, () => json(200, ORDER)),
      { rateLimit: { requestsPerMinute: 120, windowMs: 1_000 } },
    );
    const calls = Promise.all(Array.from({ length: 5 }, () => get(pc)));
    await jest.advanceTimersByTimeAsync(3_000);
    await calls;
    expect(sentAt.map((t) => t - start)).toEqual([0, 0, 1_000, 1_000, 2_000]);
  });

  it("pauses every call of the client for a 429's Retry-After, not only the one that got it", async () => {
    const steps: Step[] = [
      json(
        429,
        { statusCode: 429, message: "Rate limit is exceeded. Try again in 5 seconds." },
        { "Retry-After": "5" },
      ),
    ];
    const { pc, sent, sentAt } = clientWith([...steps, ...Array.from({ length: 4 }, () => json(200, ORDER))]);
    const first = get(pc);
    await jest.advanceTimersByTimeAsync(10);
    const others = Promise.all([get(pc), get(pc), get(pc)]);
    await jest.advanceTimersByTimeAsync(4_980);
    expect(sent).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(20);
    await Promise.all([first, others]);
    expect(sentAt.slice(1).every((t) => t - start >= 5_000)).toBe(true);
    expect(sent).toHaveLength(5);
  });

  it("keeps a waiting call's MS-RequestId", async () => {
    const { pc, sent } = clientWith([json(200, ORDER), json(200, ORDER)], {
      rateLimit: { requestsPerMinute: 60, windowMs: 1_000 },
    });
    const requestId = "1f0c4e4a-3a43-4b53-9c8f-6f8a1d6a2b10";
    const calls = Promise.all([get(pc), get(pc, { requestId })]);
    await jest.advanceTimersByTimeAsync(2_000);
    await calls;
    expect(sent[1]!.headers["ms-requestid"]).toBe(requestId);
  });

  it("takes a waiting call out of the line when its signal aborts: ABORTED, with its ids, nothing sent", async () => {
    const { pc, sent } = clientWith([json(200, ORDER), json(200, ORDER)], {
      rateLimit: { requestsPerMinute: 60, windowMs: 1_000 },
    });
    const controller = new AbortController();
    const first = get(pc);
    const waiting = get(pc, { signal: controller.signal }).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(100);
    controller.abort(new Error("no longer needed"));
    const error = await waiting;
    expect(isPartnerCenterError(error) && [error.code, typeof error.requestId]).toEqual(["ABORTED", "string"]);
    await first;
    await jest.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(1);
  });

  it("is off with false: every call goes at once", async () => {
    const { pc, sentAt } = clientWith(
      Array.from({ length: 3 }, () => json(200, ORDER)),
      { rateLimit: false },
    );
    await Promise.all([get(pc), get(pc), get(pc)]);
    expect(sentAt.map((t) => t - start)).toEqual([0, 0, 0]);
  });

  it.each([0, -1, 1.5, "500", Number.NaN, { requestsPerMinute: 10, windowMs: 1 }])(
    "refuses %p as a rate limit, naming it",
    (rateLimit) => {
      let error: unknown;
      try {
        createPartnerCenterClient({ credential: "t", rateLimit: rateLimit as never });
      } catch (caught) {
        error = caught;
      }
      expect(isPartnerCenterValidationError(error) && error.problems.map((p) => p.path)).toEqual([
        expect.stringMatching(/^options\.rateLimit/),
      ]);
    },
  );
});
