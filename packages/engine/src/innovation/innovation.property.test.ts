import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toUnits } from '../rounding';
import { type AggregationConfig, aggregateProjects, type JudgeScore } from './aggregate';
import { type BonusCandidate, innovationBonus } from './bonus';
import { judgeDispersion } from './dispersion';
import { type RankInput, rankByCategory, topTen } from './ranking';
import { scoreSheet } from './rubric';

const JUDGES = ['J0', 'J1', 'J2', 'J3', 'J4', 'J5', 'J6'];
const PROJECTS = ['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'];
const CATEGORIES = ['econ', 'gov', 'social', 'people'];

/** Judges' scores with two decimals, each judge at most once per project. */
const scoresArb = fc.uniqueArray(
  fc.record({
    project: fc.constantFrom(...PROJECTS),
    judge: fc.constantFrom(...JUDGES),
    score: fc.integer({ min: 0, max: 10000 }).map((x) => x / 100),
  }),
  { selector: (s) => `${s.project}|${s.judge}`, minLength: 1, maxLength: 40 },
);
const configArb: fc.Arbitrary<AggregationConfig> = fc
  .record({
    trim: fc.integer({ min: 0, max: 2 }),
    extra: fc.integer({ min: 0, max: 4 }),
    normalise: fc.boolean(),
  })
  .map(({ trim, extra, normalise }) => ({ trim, trimAt: 2 * trim + 1 + extra, normalise }));
/** A list and a permutation of it. */
const withShuffle = <T>(arb: fc.Arbitrary<T[]>) =>
  arb.chain((xs) =>
    fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })),
  );

describe('aggregation (properties)', () => {
  it('a project’s mean lies within [min, max] of its panel’s counted scores, and the raw ones without normalisation', () => {
    fc.assert(
      fc.property(scoresArb, configArb, (scores, config) => {
        for (const p of aggregateProjects(scores, config).projects) {
          const counted = p.panel.map((e) => e.score);
          expect(p.mean).toBeGreaterThanOrEqual(Math.min(...counted));
          expect(p.mean).toBeLessThanOrEqual(Math.max(...counted));
          if (!config.normalise) expect(counted).toEqual(p.panel.map((e) => e.raw));
        }
      }),
    );
  });
  it('the order of the scores changes nothing, with or without normalisation', () => {
    fc.assert(
      fc.property(withShuffle(scoresArb), configArb, ([scores, shuffled], config) => {
        expect(aggregateProjects(shuffled, config)).toEqual(aggregateProjects(scores, config));
        expect(judgeDispersion(shuffled, config)).toEqual(judgeDispersion(scores, config));
      }),
    );
  });
  it('renaming the judges (a permutation of who is who) leaves every project score as it was', () => {
    fc.assert(
      fc.property(
        scoresArb,
        configArb,
        fc.shuffledSubarray(JUDGES, { minLength: JUDGES.length, maxLength: JUDGES.length }),
        (scores, config, names) => {
          const renamed = scores.map((s) => ({ ...s, judge: names[JUDGES.indexOf(s.judge)]! }));
          const means = (xs: JudgeScore[]) => aggregateProjects(xs, config).projects.map((p) => p.mean);
          expect(means(renamed)).toEqual(means(scores));
        },
      ),
    );
  });
  it('normalisation keeps the order of each judge’s scores (equal stay equal)', () => {
    fc.assert(
      fc.property(scoresArb, (scores) => {
        const counted = aggregateProjects(scores, { normalise: true }).projects.flatMap((p) =>
          p.panel.map((e) => ({ ...e, project: p.project })),
        );
        for (const a of counted)
          for (const b of counted) {
            if (a.judge !== b.judge) continue;
            if (a.raw < b.raw) expect(a.score).toBeLessThan(b.score);
            if (a.raw === b.raw) expect(a.score).toBe(b.score);
          }
      }),
    );
  });
  it('dispersion: z never exceeds √(judges − 1), the bound the threshold’s documentation names', () => {
    fc.assert(
      fc.property(scoresArb, (scores) => {
        const d = judgeDispersion(scores);
        const bound = Math.sqrt(Math.max(0, d.judges.length - 1));
        for (const j of d.judges) expect(j.z).toBeLessThanOrEqual(bound + 1e-9);
      }),
    );
  });
  it('a judge’s sheet scores within [0, total]', () => {
    const rubric = {
      criteria: [
        { code: 'a', name: 'a', weight: 0.25, min: 1, max: 10 },
        { code: 'b', name: 'b', weight: 0.75, min: 0, max: 30 },
      ],
    };
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (a, b) => {
          const r = scoreSheet(rubric, { a, b });
          expect(r.ok).toBe(true);
          if (r.ok) expect(r.value.score >= 0 && r.value.score <= 100).toBe(true);
        },
      ),
    );
  });
});

/** Projects with a unit, a category and a reported score (integers: many ties). */
const projectsArb = fc.uniqueArray(
  fc.record({
    project: fc.constantFrom(...PROJECTS, 'P8', 'P9', 'PA', 'PB', 'PC', 'PD'),
    unit: fc.constantFrom('U0', 'U1', 'U2', 'U3'),
    category: fc.constantFrom(...CATEGORIES),
    score: fc.integer({ min: 70, max: 80 }),
  }),
  { selector: (p) => p.project, minLength: 1, maxLength: 14 },
);

describe('ranking and the top ten (properties)', () => {
  it('ties at the edge all in: the top ten is exactly the projects of overall rank ≤ n', () => {
    fc.assert(
      fc.property(projectsArb, fc.integer({ min: 1, max: 10 }), (projects, n) => {
        const t = topTen(projects, { n });
        for (const e of t.entries) expect(e.selected).toBe(e.overallRank <= n);
        // so its size is at most n plus the projects tied with the n-th, less one
        const edge = t.entries.filter((e) => e.selected).at(-1)!;
        const tied = t.entries.filter((e) => e.score === edge.score).length;
        expect(t.selected.length).toBeGreaterThanOrEqual(Math.min(n, projects.length));
        expect(t.selected.length).toBeLessThanOrEqual(n + tied - 1);
      }),
    );
  });
  it('a tie-break list naming every project leaves no tie: at most n, each category within its max and at its min when it can', () => {
    fc.assert(
      fc.property(
        withShuffle(projectsArb),
        fc.integer({ min: 2, max: 10 }),
        fc.constantFrom(...CATEGORIES),
        fc.constantFrom(...CATEGORIES),
        ([projects, order], n, minCat, maxCat) => {
          const categories =
            minCat === maxCat
              ? { [minCat]: { min: 1, max: 1 } }
              : { [minCat]: { min: 1 }, [maxCat]: { max: 1 } };
          const t = topTen(projects, { n, categories, tieBreak: order.map((p) => p.project) });
          const count = (c: string) => t.entries.filter((e) => e.selected && e.category === c).length;
          expect(t.selected.length).toBeLessThanOrEqual(n);
          expect(count(maxCat)).toBeLessThanOrEqual(1);
          expect(count(minCat)).toBeGreaterThanOrEqual(
            Math.min(1, projects.filter((p) => p.category === minCat).length),
          );
          // the seats are 1 … size, each once
          expect(t.entries.filter((e) => e.selected).map((e) => e.seat)).toEqual(
            t.selected.map((_, i) => i + 1),
          );
        },
      ),
    );
  });
  it('category ranks and the top ten do not depend on the order of the projects', () => {
    fc.assert(
      fc.property(withShuffle(projectsArb), ([projects, shuffled]) => {
        expect(rankByCategory(shuffled)).toEqual(rankByCategory(projects));
        expect(topTen(shuffled, { n: 3 })).toEqual(topTen(projects, { n: 3 }));
      }),
    );
  });
});

describe('bonus (properties)', () => {
  const table = [
    { fromRank: 1, toRank: 1, points: 1 },
    { fromRank: 2, toRank: 3, points: 0.8 },
    { fromRank: 4, toRank: 6, points: 0.35 },
  ];
  it('a unit never gets more than its cap less what it already has; only what does not fit is cut', () => {
    fc.assert(
      fc.property(
        projectsArb,
        fc.integer({ min: 0, max: 40 }).map((x) => x / 10),
        fc.integer({ min: 0, max: 20 }).map((x) => x / 10),
        (projects: RankInput[], cap, already) => {
          const ranks: BonusCandidate[] = rankByCategory(projects);
          const r = innovationBonus(ranks, {
            rankOf: 'category',
            table,
            source: 's',
            cap,
            already: { U1: already },
          });
          for (const u of r.units) {
            const mine = r.proposals.filter((p) => p.unit === u.unit);
            const room = Math.max(0, toUnits(cap, 100) - toUnits(u.unit === 'U1' ? already : 0, 100));
            const got = mine.reduce((a, p) => a + toUnits(p.points, 100), 0);
            const earned = mine.reduce((a, p) => a + toUnits(p.earned, 100), 0);
            expect(got).toBe(Math.min(room, earned));
            for (const p of mine) expect(p.points).toBeLessThanOrEqual(p.earned);
            expect(u.points).toBeLessThanOrEqual(cap + 1e-9);
          }
        },
      ),
    );
  });
});
