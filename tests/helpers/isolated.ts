import { join } from "node:path";
import { Worker } from "node:worker_threads";

/** The result of `module`'s default export run in a worker thread with its own heap (see isolated-worker.cjs). */
export function runIsolated<T>(module: string, input?: unknown, options: { gc?: boolean } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, "isolated-worker.cjs"), {
      workerData: { module, input, gc: options.gc === true },
    });
    worker.once("message", (message: { result?: T; error?: string }) => {
      void worker.terminate();
      if (message.error) reject(new Error(message.error));
      else resolve(message.result as T);
    });
    worker.once("error", reject);
  });
}
