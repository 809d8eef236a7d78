// Median, min and max of repeated measurements; benchmarks report these, never a single run.

export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), runs: sorted.length };
}

/** Calls per second of `call`, run `count` times one after another. */
export async function throughput(call, count) {
  const started = performance.now();
  for (let i = 0; i < count; i++) await call();
  return count / ((performance.now() - started) / 1000);
}

/**
 * Throughput of every variant over `rounds` alternating rounds (the order rotates each round,
 * so no variant always runs first on a machine shared with others), and each variant's ratio
 * to `baseline` and to each of `against`, taken round by round.
 */
export async function compare(variants, { baseline, against = [], rounds, count, warmup }) {
  const names = Object.keys(variants);
  const bases = [baseline, ...against];
  for (const name of names) await throughput(variants[name], warmup);
  const rates = Object.fromEntries(names.map((n) => [n, []]));
  // Variant names are the bench's own: a Map of Maps all the same.
  const ratios = new Map(names.map((n) => [n, new Map(bases.map((b) => [b, []]))]));
  for (let round = 0; round < rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    const inRound = new Map();
    for (const name of order) inRound.set(name, await throughput(variants[name], count));
    for (const name of names) {
      rates[name].push(inRound.get(name));
      for (const base of bases)
        ratios
          .get(name)
          .get(base)
          .push(inRound.get(name) / inRound.get(base));
    }
  }
  return Object.fromEntries(
    names.map((n) => [
      n,
      {
        opsPerSecond: summary(rates[n]),
        ratio: summary(ratios.get(n).get(baseline)),
        against: Object.fromEntries(against.map((b) => [b, summary(ratios.get(n).get(b))])),
      },
    ]),
  );
}
