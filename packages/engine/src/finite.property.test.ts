import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import type { EvaluationInput } from './input';
import type { Direction, MethodSpec, MissingPolicy, Plan, SubItem, ZeroDivisionOutcome } from './plan/types';
import { validatePlan } from './plan/validate';
import { pointsPlan } from './test-fixtures';

/**
 * No number the engine emits may be non-finite: results and traces travel as JSON, where
 * NaN and ±Infinity do not exist (the API's response schemas refuse them: a 500). Every method
 * kind, every missing-value policy and division-by-zero outcome, with gaps, zeros, negatives and
 * whole groups without a value (group-relative limits then have nothing to stand on).
 */
const methods: [string, MethodSpec, Direction?][] = [
  ['cmp', { kind: 'completion', excessRate: 0.5, excessCap: 0.1 }],
  ['base', { kind: 'completion', reference: 'baseline', below: 'zero' }],
  ['pr', { kind: 'pro_rata', basis: 'month' }],
  ['tg', { kind: 'total_growth', totalShare: 0.4 }],
  ['bmr', { kind: 'benchmark', mode: 'ratio' }],
  ['bmd', { kind: 'benchmark', mode: 'difference' }],
  [
    'bands',
    {
      kind: 'bands',
      breakpoints: [
        [0, 0],
        [50, 0.6],
        [100, 1],
      ],
      interpolate: true,
    },
  ],
  [
    'step',
    {
      kind: 'bands',
      breakpoints: [
        [0, 0],
        [50, 0.6],
        [100, 1],
      ],
      interpolate: false,
    },
  ],
  ['ded', { kind: 'deduction', perItem: 2 }, 'lower'],
  ['rank', { kind: 'rank', floor: 0.6 }],
  ['rankAll', { kind: 'rank', table: [1, 0.9, 0.8], scope: 'all' }, 'lower'],
  ['effG', { kind: 'efficacy', limits: 'group' }],
  ['effC', { kind: 'efficacy', limits: 'group', scope: 'category' }, 'lower'],
  ['effF', { kind: 'efficacy', limits: { worst: 0, best: 100 } }],
  ['zs', { kind: 'zscore', sigma: 'sample' }],
  ['zp', { kind: 'zscore', sigma: 'population', scope: 'all' }, 'lower'],
  ['exp', { kind: 'expert_panel', trim: 1 }],
  ['sat', { kind: 'satisfaction' }],
  ['man', { kind: 'manual' }],
];

function finitePlan(missing: MissingPolicy, dz: ZeroDivisionOutcome): Plan {
  const p = pointsPlan({ divisionByZero: dz, halfYear: { weight: 0.3 } });
  const subItems: SubItem[] = methods.map(([code, method, direction]) => ({
    code,
    name: code,
    points: 1,
    method,
    missing,
    ...(direction ? { direction } : {}),
  }));
  p.indicators[0] = { ...p.indicators[0]!, points: 30, method: undefined, subItems: subItems.slice(0, 10) };
  p.indicators[3] = {
    ...p.indicators[3]!,
    name: '社会评议',
    method: undefined,
    subItems: subItems.slice(10),
  };
  // Points of the sub-items must add up to the indicator's points.
  for (const ind of [p.indicators[0]!, p.indicators[3]!]) {
    const n = ind.subItems!.length;
    ind.subItems = ind.subItems!.map((s) => ({ ...s, points: ind.points! / n }));
  }
  return p;
}

const num = fc.oneof(
  fc.constant(0),
  fc.constant(-1),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 200 }),
);
const maybe = fc.option(num, { nil: undefined, freq: 2 });
const cellArb = fc.record({
  value: maybe,
  target: maybe,
  baseline: maybe,
  baseValue: maybe,
  peerValue: maybe,
  peerBaseValue: maybe,
  scores: fc.option(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 5 }), { nil: undefined }),
});
const unitArb = fc.record({
  group: fc.constantFrom('A', 'B1', 'B2'),
  cells: fc.array(cellArb, { minLength: methods.length, maxLength: methods.length }),
  d1: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  t2: maybe,
  t2t: maybe,
  halfYear: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
});
const unitsArb = fc.array(unitArb, { minLength: 1, maxLength: 8 });
type Units = typeof unitsArb extends fc.Arbitrary<infer T> ? T : never;
const noCell = (): Units[number]['cells'][number] => ({
  value: undefined,
  target: undefined,
  baseline: undefined,
  baseValue: undefined,
  peerValue: undefined,
  peerBaseValue: undefined,
  scores: undefined,
});

function inputOf(us: Units): EvaluationInput {
  const input: EvaluationInput = { period: '2026-M10', units: [], values: [], halfYear: [] };
  us.forEach((u, i) => {
    const unit = `U${i}`;
    input.units.push({ code: unit, group: u.group });
    methods.forEach(([code], k) => {
      const parent = k < 10 ? 'T1' : 'S1';
      input.values.push({ unit, indicator: `${parent}.${code}`, ...u.cells[k]! });
    });
    input.values.push(
      { unit, indicator: 'T2', value: u.t2, target: u.t2t },
      { unit, indicator: 'D1', value: u.d1 },
    );
    if (u.halfYear !== undefined) input.halfYear!.push({ unit, total: u.halfYear });
  });
  return input;
}

/** Paths of every non-finite number inside a value. */
function nonFinite(x: unknown, path = '$', out: string[] = []): string[] {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) out.push(`${path} = ${x}`);
  } else if (Array.isArray(x)) {
    x.forEach((v, i) => {
      nonFinite(v, `${path}[${i}]`, out);
    });
  } else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) if (typeof v !== 'function') nonFinite(v, `${path}.${k}`, out);
  return out;
}

describe('the engine emits only finite numbers', () => {
  const variants = (['zero', 'reweight'] as MissingPolicy[]).flatMap((m) =>
    (['zero', 'full', 'missing'] as ZeroDivisionOutcome[]).map((dz) => finitePlan(m, dz)),
  );

  it('the plans are valid', () => {
    for (const p of variants) expect(validatePlan(p)).toEqual([]);
  });

  it('in scores, results and every trace (vars, raw values, steps)', () => {
    fc.assert(
      fc.property(unitsArb, fc.nat({ max: variants.length - 1 }), (us, vi) => {
        const r = evaluate(variants[vi]!, inputOf(us));
        expect(nonFinite(r)).toEqual([]);
        for (const u of r.units) expect(nonFinite(r.trace(u.unit), u.unit)).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it('a whole group without a value for a group-relative efficacy item: limits null, with a note', () => {
    const us: Units = [
      { group: 'B1', cells: methods.map(noCell), d1: 1, t2: 5, t2t: 10, halfYear: undefined },
    ];
    const r = evaluate(variants[3]!, inputOf(us)); // missing: reweight
    const eff = r.trace('U0').components[2]!.children[0]!.children.find((c) => c.code === 'S1.effG')!;
    expect(eff.vars).toMatchObject({ x: null, x_s: null, x_h: null });
    expect(eff.notes).toContainEqual({ code: 'note.no_limits', params: {} });
  });

  it('an intermediate that overflows (growth over a base near zero) is "-unbounded" with a note', () => {
    const us: Units = [
      { group: 'A', cells: methods.map(noCell), d1: 1, t2: 5, t2t: 10, halfYear: undefined },
    ];
    us[0]!.cells[4] = { ...noCell(), value: -1e6, baseValue: 5e-324, peerValue: 2, peerBaseValue: 1 };
    const r = evaluate(variants[0]!, inputOf(us));
    const bm = r.trace('U0').components[0]!.children[0]!.children.find((c) => c.code === 'T1.bmr')!;
    expect(bm.vars.g).toBe('-unbounded');
    expect(bm.notes).toContainEqual({ code: 'note.not_finite', params: { name: 'g', shown: '-unbounded' } });
    expect(bm.score).toBe(0);
  });
});
