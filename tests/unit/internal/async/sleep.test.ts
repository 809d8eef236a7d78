import { sleep } from "../../../../src/internal/async/sleep";

describe("sleep", () => {
  it("resolves after the delay", async () => {
    const started = Date.now();
    await sleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it("rejects with the reason as soon as the signal aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error("cancelled"));
    await expect(pending).rejects.toThrow("cancelled");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("rejects at once on a signal that already aborted", async () => {
    await expect(sleep(10_000, AbortSignal.abort(new Error("early")))).rejects.toThrow("early");
  });
});
