import { describe, expect, it } from 'vitest';
import { competitionRank } from './rank';
import { mulberry32 } from './templates/prng';

/** The reference: rank = 1 + number of strictly better keys; order by rank, ties in input order. */
function reference(ids: number[], key: ArrayLike<number>): { ranks: number[]; order: number[] } {
  const ranks = ids.map((i) => 1 + ids.filter((j) => key[j]! > key[i]!).length);
  const order = ids.map((id, p) => ({ id, p, r: ranks[p]! })).sort((a, b) => a.r - b.r || a.p - b.p);
  return { ranks, order: order.map((o) => o.id) };
}

describe('competitionRank', () => {
  it('1, 2, 2, 4', () => {
    const out = new Int32Array(4);
    expect(competitionRank([0, 1, 2, 3], [90, 80, 80, 70], out)).toEqual([0, 1, 2, 3]);
    expect([...out]).toEqual([1, 2, 2, 4]);
  });
  it('matches the reference on random groups, small and large (radix path), ties, negatives, ±0 and infinities', () => {
    const rnd = mulberry32(99);
    for (const n of [1, 5, 63, 64, 65, 200, 700]) {
      for (let round = 0; round < 5; round++) {
        const key = Float64Array.from({ length: n * 2 }, () => {
          const r = rnd();
          if (r < 0.05) return -0;
          if (r < 0.1) return 0;
          if (r < 0.12) return Number.POSITIVE_INFINITY;
          if (r < 0.14) return Number.NEGATIVE_INFINITY;
          if (r < 0.4) return Math.round(rnd() * 20) / 4; // many ties
          return (rnd() - 0.3) * 1e4 * (rnd() < 0.1 ? 1e-300 : 1);
        });
        const ids = Array.from({ length: n }, (_, i) => 2 * i + (round % 2));
        const out = new Int32Array(n * 2);
        const order = competitionRank(ids, key, out);
        const want = reference(ids, key);
        expect(ids.map((i) => out[i])).toEqual(want.ranks);
        expect(order).toEqual(want.order);
      }
    }
  });
});
