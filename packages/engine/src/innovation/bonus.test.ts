import { describe, expect, it } from 'vitest';
import type { BonusSpec } from '../plan/types';
import { type BonusCandidate, type BonusConfig, checkBonus, innovationBonus, sourceCap } from './bonus';
import { InnovationInputError } from './shared';

const c = (project: string, unit: string, category: string, rank: number): BonusCandidate => ({
  project,
  unit,
  category,
  rank,
});
const table = [
  { fromRank: 1, toRank: 1, points: 1 },
  { fromRank: 2, toRank: 3, points: 0.8 },
  { fromRank: 4, toRank: 6, points: 0.5 },
];
const base: BonusConfig = { rankOf: 'category', table, source: 'innovation', cap: 1.5 };
const candidates = [
  c('P1', 'U1', 'econ', 1), // 1
  c('P2', 'U1', 'gov', 2), // 0.8
  c('P3', 'U1', 'social', 5), // 0.5
  c('Q1', 'U2', 'econ', 2), // 0.8
  c('Q2', 'U2', 'gov', 7), // no band: nothing
];

describe('rank → bonus points', () => {
  it('U1 earns 1 + 0.8 + 0.5 = 2.3, capped at 1.5: P1 keeps 1, P2 is cut to 0.5, P3 to 0', () => {
    const r = innovationBonus(candidates, base);
    expect(r.proposals.map((p) => [p.unit, p.project, p.earned, p.points])).toEqual([
      ['U1', 'P1', 1, 1],
      ['U1', 'P2', 0.8, 0.5],
      ['U1', 'P3', 0.5, 0],
      ['U2', 'Q1', 0.8, 0.8],
    ]);
    expect(r.units.map((u) => [u.unit, u.earned, u.points])).toEqual([
      ['U1', 2.3, 1.5],
      ['U2', 0.8, 0.8],
    ]);
    const p2 = r.proposals[1]!;
    expect(p2.source).toBe('innovation');
    expect(p2.reason).toEqual({
      code: 'innovation.bonus',
      params: { rankOf: 'category', category: 'gov', rank: 2, fromRank: 2, toRank: 3, points: 0.8 },
    });
    // 1 already under the cap 1.5: 0.5 of the 0.8 fit
    expect(p2.steps[1]).toEqual({
      code: 'innovation.bonus_cut',
      params: { cap: 1.5, before: 1, earned: 0.8, points: 0.5 },
    });
    expect(r.units[0]!.steps).toEqual([
      { code: 'innovation.bonus_unit', params: { cap: 1.5, already: 0, earned: 2.3, points: 1.5 } },
    ]);
  });
  it('points the unit already has from the source count: U2 has 1 → Q1 gets 1.5 − 1 = 0.5', () => {
    const r = innovationBonus(candidates, { ...base, already: { U2: 1 } });
    expect(r.proposals.find((p) => p.project === 'Q1')!.points).toBe(0.5);
    // already above the cap: nothing more
    expect(innovationBonus(candidates, { ...base, already: { U2: 2 } }).proposals[3]!.points).toBe(0);
  });
  it('no cap: every point earned', () => {
    const r = innovationBonus(candidates, { ...base, cap: null });
    expect(r.units[0]!.points).toBe(2.3);
    expect(r.proposals.every((p) => p.steps.length === 1)).toBe(true);
  });
  it('a category’s own table replaces the common one: gov pays rank 1 only → P2 (gov, rank 2) earns nothing', () => {
    const r = innovationBonus(candidates, {
      ...base,
      cap: null,
      tables: { gov: [{ fromRank: 1, toRank: 1, points: 2 }] },
    });
    expect(r.proposals.map((p) => p.project)).toEqual(['P1', 'P3', 'Q1']);
  });
  it('ties share a rank and so the points; equal points are cut by rank, then project code', () => {
    const r = innovationBonus([c('B', 'U', 'x', 2), c('A', 'U', 'y', 2), c('C', 'U', 'z', 3)], {
      ...base,
      cap: 1,
    });
    // all earn 0.8; order A, B (rank 2), C (rank 3): A 0.8, B 0.2, C 0
    expect(r.proposals.map((p) => [p.project, p.points])).toEqual([
      ['A', 0.8],
      ['B', 0.2],
      ['C', 0],
    ]);
  });
  it('top ten seats: 2 points for the first, 1 for seats 2–10', () => {
    const r = innovationBonus([c('A', 'U1', 'x', 1), c('B', 'U2', 'y', 10), c('C', 'U3', 'z', 11)], {
      rankOf: 'top_ten',
      table: [
        { fromRank: 1, toRank: 1, points: 2 },
        { fromRank: 2, toRank: 10, points: 1 },
      ],
      source: 'innovation',
      cap: 8,
    });
    expect(r.proposals.map((p) => [p.project, p.points, p.reason.params.rankOf])).toEqual([
      ['A', 2, 'top_ten'],
      ['B', 1, 'top_ten'],
    ]);
  });
  it('configuration problems are coded', () => {
    const bad: BonusConfig = {
      rankOf: 'category',
      table: [
        { fromRank: 1, toRank: 3, points: 1 },
        { fromRank: 3, toRank: 2, points: -1 },
        { fromRank: 2, toRank: 4, points: 0.5 },
      ],
      source: '',
      cap: -1,
    };
    expect(checkBonus(bad).map((i) => [i.code, i.path])).toEqual([
      ['required', 'config.source'],
      ['cap', 'config.cap'],
      ['band', 'config.table[1]'],
      ['points', 'config.table[1].points'],
      ['band_overlap', 'config.table[2]'],
    ]);
    expect(() => innovationBonus([], bad)).toThrow(InnovationInputError);
  });
});

describe('the cap of a plan’s bonus source', () => {
  const bonus: BonusSpec = {
    cap: 8,
    sources: [
      { code: 'innovation', name: '工作创新创优' },
      { code: 'own', name: 'own cap', cap: 3 },
      { code: 'honor', name: '上级表彰', cap: 2, outsideSharedCap: true },
      { code: 'free', name: 'outside, no cap', outsideSharedCap: true },
    ],
  };
  it('the shared cap, the lower own cap, the own cap outside the shared one, or none', () => {
    expect(sourceCap(bonus, 'innovation')).toBe(8);
    expect(sourceCap(bonus, 'own')).toBe(3);
    expect(sourceCap(bonus, 'honor')).toBe(2);
    expect(sourceCap(bonus, 'free')).toBeNull();
  });
  it('a source the plan does not have is refused', () => {
    expect(() => sourceCap(bonus, 'nope')).toThrow(InnovationInputError);
    expect(() => sourceCap(undefined, 'innovation')).toThrow(/no bonus source innovation/);
  });
});
