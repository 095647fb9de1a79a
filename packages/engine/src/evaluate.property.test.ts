import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluate } from './evaluate';
import { quotaOf } from './grades';
import type { EvaluationInput } from './input';
import { METHODS } from './methods/index';
import type { Plan } from './plan/types';
import { validatePlan } from './plan/validate';
import type { TraceNode } from './result';
import { roundDecimal } from './rounding';
import { pointsPlan } from './test-fixtures';

/** The mini points plan with group-relative sub-items under S1, so every method family is exercised. */
function propertyPlan(): Plan {
  const p = pointsPlan();
  p.indicators[3] = {
    ...p.indicators[3]!, // S1, satisfaction, 25 points
    name: '社会评议',
    subItems: [
      { code: 'sat', name: '满意度', points: 10 },
      { code: 'eff', name: '功效', points: 10, method: { kind: 'efficacy', limits: 'group' } },
      { code: 'z', name: '标准分', points: 5, method: { kind: 'zscore', sigma: 'sample' } },
    ],
  };
  return p;
}

const num = fc.oneof(
  fc.constant(0),
  fc.double({ min: -50, max: 300, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 200 }),
);
const maybe = fc.option(num, { nil: undefined });
const unitArb = fc.record({
  group: fc.constantFrom('A', 'B1', 'B2'),
  t1: maybe,
  t1t: maybe,
  t2: maybe,
  t2t: maybe,
  d1: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  sat: maybe,
  eff: maybe,
  z: maybe,
  bonus: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: undefined }),
  veto: fc.boolean(),
});
const unitsArb = fc.array(unitArb, { minLength: 1, maxLength: 25 });

type Units = typeof unitsArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(us: Units): EvaluationInput {
  const input: EvaluationInput = { period: '2016-Y', units: [], values: [], bonuses: [], vetoes: [] };
  us.forEach((u, i) => {
    const code = `U${i}`;
    input.units.push({ code, group: u.group });
    input.values.push(
      { unit: code, indicator: 'T1', value: u.t1, target: u.t1t },
      { unit: code, indicator: 'T2', value: u.t2, target: u.t2t },
      { unit: code, indicator: 'D1', value: u.d1 },
      { unit: code, indicator: 'S1.sat', value: u.sat },
      { unit: code, indicator: 'S1.eff', value: u.eff },
      { unit: code, indicator: 'S1.z', value: u.z },
    );
    if (u.bonus !== undefined)
      input.bonuses!.push({ unit: code, source: 'innovation', points: Math.round(u.bonus * 100) / 100 });
    if (u.veto) input.vetoes!.push({ unit: code, event: 'accident' });
  });
  return input;
}

const plan = propertyPlan();
const RUNS = { numRuns: 150 };

describe('engine properties', () => {
  it('the property plan is valid', () => {
    expect(validatePlan(plan)).toEqual([]);
  });

  it('never NaN or Infinity, whatever the inputs (zero targets, negatives, gaps)', () => {
    fc.assert(
      fc.property(unitsArb, (us) => {
        const r = evaluate(plan, inputOf(us));
        for (const u of r.units) {
          expect(Number.isFinite(u.total)).toBe(true);
          for (const i of u.indicators) if (i.score !== null) expect(Number.isFinite(i.score)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('scores stay within [0, points × method maximum]', () => {
    fc.assert(
      fc.property(unitsArb, (us) => {
        const r = evaluate(plan, inputOf(us));
        const specOf = (code: string) => {
          const [ind, sub] = code.split('.');
          const i = plan.indicators.find((x) => x.code === ind)!;
          const s = sub ? i.subItems!.find((x) => x.code === sub)! : undefined;
          return s?.method ?? i.method;
        };
        for (const u of r.units)
          for (const i of u.indicators) {
            if (i.kind === 'component' || i.score === null) continue;
            const m = specOf(i.code);
            if (!m) continue; // an inner node
            expect(i.score).toBeGreaterThanOrEqual(0);
            expect(i.score).toBeLessThanOrEqual(i.full * METHODS[m.kind].maxFraction(m) + 1e-9);
          }
      }),
      RUNS,
    );
  });

  it('a better value never lowers the score (higher-is-better T2, lower-is-better D1)', () => {
    fc.assert(
      fc.property(
        unitsArb,
        fc.integer({ min: 0, max: 24 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (us, k, delta) => {
          const input = inputOf(us);
          const code = `U${k % us.length}`;
          const ev = createEvaluator(plan, input);
          const t2Before = ev.unit(code).indicators.find((i) => i.code === 'T2')!.score ?? 0;
          const totalBefore = ev.total(code);
          const v = input.values.find((x) => x.unit === code && x.indicator === 'T2')!;
          if (v.value === undefined || v.value === null) return;
          ev.setValue(code, 'T2', v.value + delta);
          expect(ev.unit(code).indicators.find((i) => i.code === 'T2')!.score ?? 0).toBeGreaterThanOrEqual(
            t2Before,
          );
          expect(ev.total(code)).toBeGreaterThanOrEqual(totalBefore);
          const d = input.values.find((x) => x.unit === code && x.indicator === 'D1')!;
          if (d.value === undefined || d.value === null) return;
          const d1Before = ev.unit(code).indicators.find((i) => i.code === 'D1')!.score ?? 0;
          ev.setValue(code, 'D1', d.value + Math.floor(delta));
          expect(ev.unit(code).indicators.find((i) => i.code === 'D1')!.score ?? 0).toBeLessThanOrEqual(
            d1Before,
          );
        },
      ),
      RUNS,
    );
  });

  it('unit order does not change results', () => {
    fc.assert(
      fc.property(unitsArb, fc.integer(), (us, seed) => {
        const input = inputOf(us);
        const shuffled = { ...input, units: [...input.units] };
        // deterministic shuffle from the seed
        let s = seed >>> 0;
        for (let i = shuffled.units.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) >>> 0;
          const j = s % (i + 1);
          [shuffled.units[i], shuffled.units[j]] = [shuffled.units[j]!, shuffled.units[i]!];
        }
        const a = evaluate(plan, input);
        const b = evaluate(plan, shuffled);
        for (const u of a.units) {
          const v = b.unit(u.unit)!;
          expect([v.total, v.rank, v.placement, v.grade?.code, v.ranks]).toEqual([
            u.total,
            u.rank,
            u.placement,
            u.grade?.code,
            u.ranks,
          ]);
        }
      }),
      RUNS,
    );
  });

  it('grade quotas are never exceeded (vetoes included)', () => {
    const variants: Plan[] = [plan, { ...plan, veto: { effects: ['downgrade_last'], freedQuota: 'lapse' } }];
    fc.assert(
      fc.property(unitsArb, fc.constantFrom(0, 1), (us, vi) => {
        const p = variants[vi]!;
        const r = evaluate(p, inputOf(us));
        const groups = new Map<string, typeof r.units>();
        for (const u of r.units) groups.set(u.group, [...(groups.get(u.group) ?? []), u]);
        for (const members of groups.values()) {
          const lv = p.grades.levels[0]!;
          const excellent = members.filter((u) => u.grade?.code === lv.code).length;
          expect(excellent).toBeLessThanOrEqual(quotaOf(lv, members.length, p.grades.quotaRounding));
          for (const u of members)
            if (u.grade?.code === lv.code) expect(u.total).toBeGreaterThanOrEqual(lv.minScore!);
        }
      }),
      RUNS,
    );
  });

  it('total = sum of parts within rounding', () => {
    fc.assert(
      fc.property(unitsArb, (us) => {
        const r = evaluate(plan, inputOf(us));
        for (const u of r.units) {
          const byParent = new Map<string, number[]>();
          let reweighted = false;
          for (const i of u.indicators) {
            if (i.parent === null) continue;
            if (i.score === null) reweighted = true;
            byParent.set(i.parent, [...(byParent.get(i.parent) ?? []), i.score ?? 0]);
          }
          if (reweighted) continue; // re-weighted parents scale their children on purpose
          for (const c of u.indicators) {
            const kids = byParent.get(c.code);
            if (kids && c.score !== null)
              expect(Math.abs(c.score - kids.reduce((a, b) => a + b, 0))).toBeLessThan(1e-9);
          }
          const sumComp = u.components.reduce((a, c) => a + (c.score ?? 0), 0);
          expect(Math.abs(u.base - sumComp)).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(Math.abs(u.total - (u.base + u.bonus.capped - u.deductions.total))).toBeLessThanOrEqual(
            0.005 + 1e-9,
          );
          expect(u.bonus.capped).toBeLessThanOrEqual(8);
        }
      }),
      RUNS,
    );
  });
});

describe('incremental recompute', () => {
  it('after any sequence of setValue calls, results equal a fresh full evaluation', () => {
    const leaves = ['T1', 'T2', 'D1', 'S1.sat', 'S1.eff', 'S1.z'];
    fc.assert(
      fc.property(
        unitsArb,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...leaves), fc.option(num, { nil: null })), {
          maxLength: 8,
        }),
        (us, changes) => {
          const input = inputOf(us);
          const ev = createEvaluator(plan, input);
          for (const [k, ind, value] of changes) {
            const unit = `U${k % us.length}`;
            ev.setValue(unit, ind, value);
            const v = input.values.find((x) => x.unit === unit && x.indicator === ind)!;
            v.value = value;
          }
          const fresh = evaluate(plan, input);
          for (const u of fresh.units) {
            const inc = ev.unit(u.unit);
            expect(inc.indicators.map((i) => i.score)).toEqual(u.indicators.map((i) => i.score));
            expect([inc.total, inc.rank, inc.placement, inc.grade?.code]).toEqual([
              u.total,
              u.rank,
              u.placement,
              u.grade?.code,
            ]);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('traces', () => {
  it('every traced number follows from the ones below it, whatever the inputs', () => {
    fc.assert(
      fc.property(unitsArb, (us) => {
        const r = evaluate(plan, inputOf(us));
        for (const u of r.units) {
          const tr = r.trace(u.unit);
          const check = (n: TraceNode): void => {
            n.children.forEach(check);
            if (n.raw === null || n.score === null) return;
            expect(n.rounding ? roundDecimal(n.raw, 2) : n.raw).toBe(n.score);
          };
          tr.components.forEach(check);
          expect(tr.components.map((c) => c.score)).toEqual(u.components.map((c) => c.score));
          expect(roundDecimal(tr.base.raw, 2)).toBe(u.base);
          expect(roundDecimal(tr.total.raw, 2)).toBe(u.total);
        }
      }),
      { numRuns: 60 },
    );
  });
});
