import { join } from "node:path";
import { Worker } from "node:worker_threads";

/**
 * The result of `module`'s default export run in a worker thread with its own heap (see
 * isolated-worker.cjs). With `timeoutMs`, a run still going then (a synchronous loop the event
 * loop cannot interrupt) is terminated and rejected.
 */
export function runIsolated<T>(
  module: string,
  input?: unknown,
  options: { gc?: boolean; timeoutMs?: number } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, "isolated-worker.cjs"), {
      workerData: { module, input, gc: options.gc === true },
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            void worker.terminate();
            reject(new Error(`still running after ${options.timeoutMs} ms`));
          }, options.timeoutMs);
    worker.once("message", (message: { result?: T; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.error) reject(new Error(message.error));
      else resolve(message.result as T);
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
