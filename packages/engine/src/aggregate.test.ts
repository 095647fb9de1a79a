import { describe, expect, it } from 'vitest';
import { aggregateAll, aggregateUnit } from './aggregate';
import { scoreLeaf } from './score-leaves';
import { miniPoints } from './stage-fixtures';
import { scoreAt } from './state';

/** The aggregation stage on scored leaves of the mini points plan (see stage-fixtures.ts). */
const component = (s: ReturnType<typeof miniPoints>, code: string) =>
  s.cp.nodes.findIndex((n) => n.kind === 'component' && n.code === code);

describe('aggregate', () => {
  const scored = () => {
    const s = miniPoints();
    for (const j of s.cp.leaves) scoreLeaf(s.st, s.lay, j, null);
    return s;
  };

  it('sums leaves into components and the base score, column by column', () => {
    const s = scored();
    aggregateAll(s.st, s.lay);
    // A1: T = 28.5 + 21, D = 23, S = 22.5; A3: T = 0 + 20, D = 19, S = 21.68.
    const T = component(s, 'T');
    expect([0, 1, 2, 3].map((u) => scoreAt(s.st, T, u))).toEqual([49.5, 48, 20, 50.5]);
    expect(Array.from(s.st.ownBase)).toEqual([95, 95.2, 60.68, 100.5]);
  });

  it('one unit at a time gives the same numbers as the column pass', () => {
    const a = scored();
    aggregateAll(a.st, a.lay);
    const b = scored();
    for (let u = 0; u < 4; u++) aggregateUnit(b.st, b.lay, u);
    expect(Array.from(b.st.ownBase)).toEqual(Array.from(a.st.ownBase));
    expect(Array.from(b.st.scores)).toEqual(Array.from(a.st.scores));
  });

  it('re-weights a leaf left out (NaN) to the points present', () => {
    const s = scored();
    const T1 = s.cp.nodeByCode.get('T1')!;
    s.st.scores[T1 * 4 + 2] = Number.NaN; // A3's T1 left out: T = 20 of 20 points present → 20 × 50 / 20 = 50
    aggregateUnit(s.st, s.lay, 2);
    expect(scoreAt(s.st, component(s, 'T'), 2)).toBe(50);
    expect(s.st.ownBase[2]).toBe(90.68);
  });
});
