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
  if (n >= RADIX_MIN) {
    const order = radixRank(ids, key, out);
    if (order) return order;
  }
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

const RADIX_MIN = 64;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Index of the high word of a double in u32 (1 on little-endian machines).
const HI = (() => {
  f64[0] = 1;
  return u32[1] === 0x3ff00000 ? 1 : 0;
})();

/**
 * The same ranking by a stable LSD radix sort (8-bit digits over the keys' bits, made to sort
 * like the numbers), for groups of 64 units and more: about 3× faster than sorting and then
 * binary-searching each key. Ties keep input order, −0 ranks as 0. Returns null (the caller uses
 * the comparison path) when a key is NaN.
 */
function radixRank(ids: readonly number[], key: ArrayLike<number>, out: Int32Array): number[] | null {
  const n = ids.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = key[ids[i]!]!;
    if (Number.isNaN(k)) return null;
    // Descending by key = ascending by −key; + 0 turns −0 into 0.
    f64[0] = -k + 0;
    let h = u32[HI]!;
    let l = u32[1 - HI]!;
    if (h >>> 31 === 1) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[i] = h;
    lo[i] = l;
    idx[i] = i;
  }
  let src = idx;
  let dst = new Int32Array(n);
  const count = new Int32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const words = pass < 4 ? lo : hi;
    const shift = (pass & 3) * 8;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(words[src[i]!]! >>> shift) & 255]!++;
    // All keys share this digit: the pass would not move anything.
    if (count[(words[src[0]!]! >>> shift) & 255] === n) continue;
    let sum = 0;
    for (let d = 0; d < 256; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const e = src[i]!;
      dst[count[(words[e]! >>> shift) & 255]!++] = e;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  const order = new Array<number>(n);
  let rank = 1;
  for (let p = 0; p < n; p++) {
    const e = src[p]!;
    if (p > 0) {
      const q = src[p - 1]!;
      if (hi[e] !== hi[q] || lo[e] !== lo[q]) rank = p + 1;
    }
    out[ids[e]!] = rank;
    order[p] = ids[e]!;
  }
  return order;
}
