// One task at a time per key: what keeps a provisioning poller (or several pollers of the same
// order) from ever having more than one request in flight for an order. A task waits for the one
// before it; a caller's abort takes its task out of the line without breaking the order of the rest.
import { abortable } from "../internal/async/abortable";

export type OneAtATime = <T>(key: string, task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

export function oneAtATime(): OneAtATime {
  const tails = new Map<string, Promise<void>>();
  return async (key, task, signal) => {
    const before = tails.get(key) ?? Promise.resolve();
    let finished!: () => void;
    const mine = new Promise<void>((resolve) => (finished = resolve));
    const tail = before.then(() => mine);
    tails.set(key, tail);
    try {
      await abortable(before, signal);
      return await task();
    } finally {
      finished();
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
