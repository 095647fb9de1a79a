import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConsequenceUnit, consequences, standingsOf } from './consequences';
import { catalogueQuota } from './plan/consequence-catalogue';
import type { ConsequenceRule, Plan } from './plan/types';
import { fourGrades, planOf } from './test-fixtures';

const CODES = ['excellent', 'good', 'pass', 'fail'];
const UNITS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
const GROUP = (u: string) => (u < 'u4' ? 'A' : 'B');

/** One year of the six units: totals, grades and vetoes drawn; ranks follow the totals. */
const yearArb = fc.record({
  totals: fc.array(fc.integer({ min: 40, max: 100 }), { minLength: 6, maxLength: 6 }),
  levels: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
  vetoed: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  awarded: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
});
type Year = typeof yearArb extends fc.Arbitrary<infer T> ? T : never;

function standings(year: number, y: Year) {
  return standingsOf(
    year,
    UNITS.map((unit, i) => ({
      unit,
      group: GROUP(unit),
      total: y.totals[i]!,
      rank: 1 + UNITS.filter((v, j) => GROUP(v) === GROUP(unit) && y.totals[j]! > y.totals[i]!).length,
      grade: CODES[y.levels[i]!]!,
      vetoed: y.vetoed[i]!,
    })),
    CODES,
  );
}

const BASE = 15;
const STEPS = [3, -3, 5, -5];
const rules: ConsequenceRule[] = [
  // The catalogue's quota: base 15, steps ±3 by level and ±5 after three years.
  catalogueQuota(),
  { code: 'b', name: 'b', kind: 'bottomN', n: 1, action: 'warning_talk' },
  {
    code: 's',
    name: 's',
    kind: 'streak',
    condition: 'last_place',
    years: 2,
    action: 'organisational_adjustment',
  },
  { code: 'a', name: 'a', kind: 'award', basis: 'award', award: 'top' },
  { code: 'k', name: 'k', kind: 'award', basis: 'key_indicator', within: 'all' },
  { code: 'v', name: 'v', kind: 'vetoBar' },
];
const plan: Plan = planOf({
  id: 'p',
  components: [{ code: 'T', name: 'T', points: 100 }],
  indicators: [
    { code: 'K', name: 'K', component: 'T', points: 100, key: true, method: { kind: 'completion' } },
  ],
  grades: { levels: fourGrades(0.3) },
  awards: [{ code: 'top', name: 'top', top: 2 }],
  consequences: rules,
});

describe('consequences (properties)', () => {
  it('the quota is the base or the base plus one configured step; a vetoed unit never has an award; every unit has one quota line', () => {
    fc.assert(
      fc.property(fc.array(yearArb, { minLength: 1, maxLength: 4 }), (years) => {
        const last = years.length - 1;
        const archive = years.slice(0, last).flatMap((y, i) => standings(2020 + i, y));
        const now = years[last]!;
        const units: ConsequenceUnit[] = standings(2020 + last, now).map((s, i) => ({
          ...s,
          awards: now.awarded[i] ? ['top'] : [],
          indicators: { K: { score: now.totals[i]!, full: 100 } },
        }));
        const out = consequences(plan, units, archive);
        expect(out.map((u) => u.unit)).toEqual(UNITS);
        for (const u of out) {
          const quotas = u.lines.filter((l) => l.code === 'excellence_quota');
          expect(quotas).toHaveLength(1);
          const q = quotas[0]!.params;
          expect([BASE, ...STEPS.map((s) => BASE + s)]).toContain(q.quota);
          expect(q.quota).toBe(BASE + (q.step as number));
          const unit = units.find((x) => x.unit === u.unit)!;
          if (unit.vetoed) {
            expect(u.lines.some((l) => l.code === 'award')).toBe(false);
            expect(u.lines.some((l) => l.code === 'barred_from_awards')).toBe(true);
          }
          // A streak line needs the condition this year: only a unit last in its group now.
          if (u.lines.some((l) => l.rule === 's')) expect(unit.below).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
