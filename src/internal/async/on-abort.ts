// Waiting on a caller's signal without adding a listener per wait: a service's shutdown signal is
// often shared by every call it makes, and Node warns past ten listeners on one signal (and each
// costs a few microseconds). One listener per signal calls every wait registered on it, and is
// removed when the last wait is done.
type Stop = (reason: unknown) => void;

const fanOuts = new WeakMap<AbortSignal, { stops: Set<{ stop: Stop }>; listener: () => void }>();

/** Calls `stop` with the signal's reason when `signal` aborts; returns the function that stops listening. */
export function onAbort(signal: AbortSignal, stop: Stop): () => void {
  let fanOut = fanOuts.get(signal);
  if (!fanOut) {
    const stops = new Set<{ stop: Stop }>();
    const listener = () => {
      fanOuts.delete(signal);
      for (const entry of [...stops]) entry.stop(signal.reason);
    };
    fanOut = { stops, listener };
    fanOuts.set(signal, fanOut);
    signal.addEventListener("abort", listener, { once: true });
  }
  const entry = { stop };
  const { stops, listener } = fanOut;
  stops.add(entry);
  return () => {
    if (!stops.delete(entry) || stops.size) return;
    if (fanOuts.get(signal)?.stops === stops) fanOuts.delete(signal);
    signal.removeEventListener("abort", listener);
  };
}
