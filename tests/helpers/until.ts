// Waiting in tests for something another process or server does: a condition polled every 5 ms,
// bounded by a timeout, so that a drill that goes wrong fails instead of hanging.
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting ${timeoutMs} ms`);
    await sleep(5);
  }
}
