import { onAbort } from "./on-abort";

/**
 * `promise`, unless `signal` aborts first: then its reason. For waits on code that may not honour
 * a signal itself (a custom fetch, a credential), so that every call still ends when it should.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const stopListening = onAbort(signal, (reason) => {
      promise.catch(() => undefined);
      reject(reason);
    });
    promise.then(
      (value) => {
        stopListening();
        resolve(value);
      },
      (error: unknown) => {
        stopListening();
        reject(error);
      },
    );
  });
}
