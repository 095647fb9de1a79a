/**
 * Competition ranking (1, 2, 2, 4) of `ids` by `key` descending. Equal keys share a rank, so
 * rank on the *reported* (rounded) totals to avoid float noise splitting ties.
 * Writes ranks into `out[id]`; returns ids in ranked order (ties in input order).
 *
 * Sorting is a native numeric sort of the keys (no comparator calls); each id's rank is then the
 * number of strictly better keys + 1, and the order is rebuilt from the ranks.
 */
export function competitionRank(ids: readonly number[], key: ArrayLike<number>, out: Int32Array): number[] {
  const n = ids.length;
  const neg = new Float64Array(n);
  for (let i = 0; i < n; i++) neg[i] = -key[ids[i]!]!;
  const sorted = neg.slice().sort();
  const next = new Int32Array(n + 1); // next free position for each rank (0-based start = rank − 1)
  for (let r = 0; r <= n; r++) next[r] = r;
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = neg[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    out[ids[i]!] = lo + 1;
    order[next[lo]!++] = ids[i]!;
  }
  return order;
}
