/**
 * Competition ranking (1, 2, 2, 4) of `ids` by `key` descending. Equal keys share a rank, so
 * rank on the *reported* (rounded) totals to avoid float noise splitting ties.
 * Writes ranks into `out[id]`; returns ids in ranked order (ties by input order, stable).
 */
export function competitionRank(ids: number[], key: ArrayLike<number>, out: Int32Array): number[] {
  const sorted = [...ids].sort((a, b) => key[b]! - key[a]!);
  let prev = Number.NaN;
  let rank = 0;
  for (let i = 0; i < sorted.length; i++) {
    const id = sorted[i]!;
    const k = key[id]!;
    if (k !== prev) {
      rank = i + 1;
      prev = k;
    }
    out[id] = rank;
  }
  return sorted;
}
