import { describe, expect, it } from 'vitest';
import { checkTopTen, type RankInput, rankByCategory, topTen } from './ranking';
import { InnovationInputError } from './shared';

const project = (code: string, category: string, score: number, unit = `u${code}`): RankInput => ({
  project: code,
  unit,
  category,
  score,
});

describe('rank per category', () => {
  it('competition ranking within each category: econ 90, 85, 85, 80 → 1, 2, 2, 4; gov 88, 70 → 1, 2', () => {
    const ranks = rankByCategory([
      project('E4', 'econ', 80),
      project('G2', 'gov', 70),
      project('E3', 'econ', 85),
      project('E1', 'econ', 90),
      project('G1', 'gov', 88),
      project('E2', 'econ', 85),
    ]);
    expect(ranks.map((r) => [r.project, r.rank, r.n])).toEqual([
      ['E1', 1, 4],
      ['E2', 2, 4],
      ['E3', 2, 4],
      ['E4', 4, 4],
      ['G1', 1, 2],
      ['G2', 2, 2],
    ]);
    expect(ranks[2]!.steps).toEqual([
      { code: 'innovation.category_rank', params: { category: 'econ', rank: 2, n: 4, score: 85 } },
    ]);
  });
  it('a project listed twice is refused', () => {
    expect(() => rankByCategory([project('A', 'x', 1), project('A', 'y', 2)])).toThrow(InnovationInputError);
  });
});

describe('top ten (十优), here with n = 3 seats', () => {
  // Overall ranks: A 1, B 2, C 3, D 3, E 5, F 6, G 7.
  const all = [
    project('A', 'econ', 95),
    project('B', 'econ', 92),
    project('C', 'gov', 90),
    project('D', 'social', 90),
    project('E', 'gov', 85),
    project('F', 'social', 80),
    project('G', 'people', 70),
  ];
  const picked = (r: ReturnType<typeof topTen>) =>
    r.entries.filter((e) => e.selected).map((e) => [e.project, e.seat]);

  it('the n best; ties at the last seat are all in: A, B, then C and D tied for the third → 4 projects', () => {
    const r = topTen(all, { n: 3 });
    expect(r.selected).toEqual(['A', 'B', 'C', 'D']);
    expect(picked(r)).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
      ['D', 3],
    ]);
    expect(r.entries[2]!.steps).toEqual([
      {
        code: 'innovation.top_ten',
        params: { rank: 3, seat: 3, n: 3, selection: 'edge_tie', category: 'gov' },
      },
    ]);
    expect(r.entries[4]!.steps).toEqual([
      { code: 'innovation.top_ten_out', params: { rank: 5, n: 3, left: 'seats', category: 'gov' } },
    ]);
  });
  it('default n = 10: all seven are in, no ties at an edge', () => {
    const r = topTen(all);
    expect(r.n).toBe(10);
    expect(r.selected).toHaveLength(7);
    expect(r.entries.every((e) => e.steps[0]!.params.selection === 'order')).toBe(true);
  });
  it('a tie-break list splits the tie: D listed → A, B, D; C is out, and both say why', () => {
    const r = topTen(all, { n: 3, tieBreak: ['D'] });
    expect(r.selected).toEqual(['A', 'B', 'D']);
    const d = r.entries.find((e) => e.project === 'D')!;
    const c = r.entries.find((e) => e.project === 'C')!;
    expect(d.steps[1]).toEqual({
      code: 'innovation.tie_break',
      params: { score: 90, position: 1, side: 'ahead', others: ['C'] },
    });
    expect(c.steps).toEqual([
      { code: 'innovation.top_ten_out', params: { rank: 3, n: 3, left: 'seats', category: 'gov' } },
      { code: 'innovation.tie_break', params: { score: 90, position: null, side: 'behind', others: ['D'] } },
    ]);
  });
  it('a category maximum: econ at most 1 → A, then B is passed over, C and D fill the seats', () => {
    const r = topTen(all, { n: 3, categories: { econ: { max: 1 } } });
    expect(r.selected).toEqual(['A', 'C', 'D']);
    expect(r.entries[1]!.steps[0]!.params).toMatchObject({ left: 'category_max' });
  });
  it('a category minimum: people at least 1 → G is reserved, then A and B take the other seats', () => {
    const r = topTen(all, { n: 3, categories: { people: { min: 1 } } });
    expect(picked(r)).toEqual([
      ['A', 1],
      ['B', 2],
      ['G', 3],
    ]);
    expect(r.entries[6]!.steps[0]!.params).toMatchObject({ selection: 'minimum', rank: 7, seat: 3 });
  });
  it('ties at a category maximum are all in too: gov at most 1, X1 and X2 tied → both, then Y', () => {
    const r = topTen([project('X1', 'gov', 90), project('X2', 'gov', 90), project('Y', 'econ', 80)], {
      n: 3,
      categories: { gov: { max: 1 } },
    });
    expect(r.selected).toEqual(['X1', 'X2', 'Y']);
    expect(r.entries.map((e) => e.steps[0]!.params.selection)).toEqual(['edge_tie', 'edge_tie', 'order']);
  });
  it('configuration problems are coded', () => {
    expect(
      checkTopTen({ n: 2, categories: { a: { min: 2, max: 1 }, b: { min: 1 } } }).map((i) => i.code),
    ).toEqual(['min_max', 'reserved']);
    expect(checkTopTen({ n: 0 }).map((i) => [i.code, i.path])).toEqual([['config', 'config.n']]);
  });
});
