import { describe, expect, it } from 'vitest';
import { scoreLeaf } from './score-leaves';
import { miniPoints } from './stage-fixtures';
import { scoreAt } from './state';

/** The leaf-scoring stage alone, on the mini points plan (expectations computed in stage-fixtures.ts). */
describe('score leaves', () => {
  const leafScores = (s: ReturnType<typeof miniPoints>, code: string) => {
    const j = s.cp.nodeByCode.get(code)!;
    return [0, 1, 2, 3].map((u) => scoreAt(s.st, j, u));
  };

  it('scores every unit of each leaf: fraction × full points, rounded to 2 decimals', () => {
    const s = miniPoints();
    for (const j of s.cp.leaves) scoreLeaf(s.st, s.lay, j, null);
    expect(leafScores(s, 'T1')).toEqual([28.5, 30, 0, 30]); // A3 has no value: missing policy "zero"
    expect(leafScores(s, 'T2')).toEqual([21, 18, 20, 20.5]);
    expect(leafScores(s, 'D1')).toEqual([23, 25, 19, 25]);
    expect(leafScores(s, 'S1')).toEqual([22.5, 22.2, 21.68, 25]); // 86.7 × 0.25 = 21.675 → 21.68
  });

  it('rescoring a list of units (the incremental path) gives what the full pass gives', () => {
    const s = miniPoints();
    for (const j of s.cp.leaves) scoreLeaf(s.st, s.lay, j, null);
    const j = s.cp.nodeByCode.get('T2')!;
    const k = s.cp.nodes[j]!.slot * 4 + 2;
    s.st.fields.value![k] = 80; // A3: 80/100 × 20 = 16
    scoreLeaf(s.st, s.lay, j, [2]);
    expect(leafScores(s, 'T2')).toEqual([21, 18, 16, 20.5]);
  });

  it('leaves nothing folded into the parents outside a full recompute', () => {
    const s = miniPoints();
    for (const j of s.cp.leaves) scoreLeaf(s.st, s.lay, j, null);
    expect([...s.lay.fusedNow].every((x) => x === 0)).toBe(true);
    expect([...s.lay.AS].every((x) => x === 0)).toBe(true);
  });
});
