import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluate } from './evaluate';
import { type EvaluationInput, EvaluationInputError } from './input';
import { PlanValidationError } from './plan/validate';
import { miniInput, pointsPlan, weightedPlan } from './test-fixtures';

const vetoes = [{ unit: 'A4', event: 'safety_accident', reason: '重大安全生产事故' }];
const { units } = miniInput();

describe('evaluate (points mode, hand computed)', () => {
  const r = evaluate(pointsPlan(), miniInput({ vetoes }));
  const score = (u: string, ind: string) => r.unit(u)!.indicators.find((i) => i.code === ind)!.score;

  it('indicator scores', () => {
    expect(score('A1', 'T1')).toBe(28.5); // 95/100 × 30
    expect(score('A1', 'T2')).toBe(21); // r = 1.1 → 1 + min(0.1, 0.5 × 0.1) = 1.05 × 20
    expect(score('A1', 'D1')).toBe(23); // 25 − 1 × 2
    expect(score('A1', 'S1')).toBe(22.5); // 90/100 × 25
    expect(score('A3', 'S1')).toBe(21.68); // 0.867 × 25 = 21.675 → half-up 21.68
    expect(score('A3', 'D1')).toBe(19); // 25 − 3 × 2
    expect(score('A4', 'T1')).toBe(30); // 0.9999 × 30 = 29.997 → 30.00
    expect(score('A4', 'T2')).toBe(20.5); // 1 + min(0.1, 0.5 × 0.05) = 1.025 × 20
  });
  it('components, bonus cap, deductions, totals', () => {
    const a1 = r.unit('A1')!;
    expect(a1.components.map((c) => c.score)).toEqual([49.5, 23, 22.5]);
    expect(a1.base).toBe(95);
    expect(a1.bonus).toMatchObject({ raw: 9, capped: 8 }); // 5 + 4 = 9 over the shared cap 8
    expect(a1.total).toBe(103);
    expect(r.unit('A2')!.total).toBe(95.2); // 30 + 18 + 25 + 22.2
    expect(r.unit('A3')!.base).toBe(84.68); // 24 + 20 + 19 + 21.68
    expect(r.unit('A3')!.total).toBe(83.18); // 84.68 − 1.5
    expect(r.unit('A4')!.total).toBe(100.5); // 30 + 20.5 + 25 + 25
  });
  it('ranks and grades with veto downgrade (W12), freed place to the next unit', () => {
    // totals: A1 103, A4 100.5, A2 95.2, A3 83.18
    expect(units.map((u) => r.unit(u.code)!.rank)).toEqual([1, 3, 4, 2]);
    // excellent quota floor(0.5 × 4) = 2; A4 vetoed: its place goes to A2; A4 lowered to 良好, last within it
    expect(units.map((u) => r.unit(u.code)!.grade!.name)).toEqual(['优秀', '优秀', '良好', '良好']);
    expect(r.unit('A4')!.grade).toMatchObject({ natural: 'excellent', downgraded: true });
    expect(units.map((u) => r.unit(u.code)!.placement)).toEqual([1, 2, 3, 4]);
    expect(r.unit('A4')!.eligibleForAdvanced).toBe(false);
  });
  it('freed place lapses when the plan says so', () => {
    const r2 = evaluate(
      pointsPlan({ veto: { effects: ['downgrade_last'], freedQuota: 'lapse' } }),
      miniInput({ vetoes }),
    );
    // A1 and A4 take the 2 places; A4 is lowered; A2 gets 良好
    expect(units.map((u) => r2.unit(u.code)!.grade!.name)).toEqual(['优秀', '良好', '良好', '良好']);
  });
  it('trace reproduces the numbers', () => {
    const t = r.trace('A3');
    const s1 = t.components[2]!.children[0]!;
    expect(s1.code).toBe('S1');
    expect(s1.raw).toBeCloseTo(21.675, 10);
    expect(s1.rounding).toEqual({
      code: 'rounding',
      params: { raw: 21.675, value: 21.68, mode: 'half_up', decimals: 2 },
    });
    const terms = (t.base.steps[0]!.params.terms as { value: number }[]).map((x) => x.value);
    expect(t.base.steps[0]!.code).toBe('aggregate.sum');
    expect(terms.slice(-1)).toEqual([21.68]);
    expect(t.total.value).toBe(83.18);
    expect(r.trace('A4').grade).toEqual({
      code: 'grade.vetoed',
      params: { name: '良好', code: 'good', natural: '优秀', events: ['重大安全生产事故'] },
    });
  });
  it('cross-group ranking', () => {
    expect(r.rankings[0]!.entries.map((e) => e.unit)).toEqual(['A1', 'A4', 'A2', 'A3']);
  });
});

describe('evaluate (weighted mode, hand computed)', () => {
  const input: EvaluationInput = {
    period: '2008-Y',
    units: [
      { code: 'U1', group: 'D' },
      { code: 'U2', group: 'D' },
    ],
    values: [
      { unit: 'U1', indicator: 'X1', value: 90, target: 100 },
      { unit: 'U1', indicator: 'X2', value: 80 },
      { unit: 'U1', indicator: 'Y1', value: 10 },
      { unit: 'U1', indicator: 'E1', value: 90 },
      { unit: 'U2', indicator: 'X1', value: 100, target: 100 },
      { unit: 'U2', indicator: 'Y1', value: 20 },
      { unit: 'U2', indicator: 'E1', value: 70 },
    ],
  };
  const r = evaluate(weightedPlan(), input);
  it('U1: X = (50×90 + 50×80)/100 = 85; Y = 60 (efficacy, group min); internal = (60×85 + 40×60)/100 = 75; total = 0.7×75 + 0.3×90 = 79.5', () => {
    const u = r.unit('U1')!;
    expect(u.indicators.find((i) => i.code === 'X')!.score).toBe(85);
    expect(u.indicators.find((i) => i.code === 'Y')!.score).toBe(60);
    expect(u.components.map((c) => c.score)).toEqual([75, 90]);
    expect(u.total).toBe(79.5);
  });
  it('U2: X2 missing → re-weighted, X = 100; internal 100; total = 0.7×100 + 0.3×70 = 91', () => {
    const u = r.unit('U2')!;
    expect(u.indicators.find((i) => i.code === 'X2')!.score).toBeNull();
    expect(u.total).toBe(91);
    expect(u.rank).toBe(1);
    expect(u.grade!.name).toBe('优');
    expect(r.trace('U2').components[0]!.children[0]!.notes).toContainEqual({
      code: 'note.reweighted',
      params: {},
    });
  });
});

describe('incremental recompute', () => {
  it('setValue changes the unit total and the group ranks', () => {
    const ev = createEvaluator(pointsPlan(), miniInput({ vetoes }));
    expect(ev.total('A3')).toBe(83.18);
    ev.setValue('A3', 'T1', 100); // T1 24 → 30: base 90.68, total 89.18
    expect(ev.total('A3')).toBe(89.18);
    ev.setValue('A3', 'S1', 100); // S1 21.68 → 25: base 94, total 92.5
    expect(ev.total('A3')).toBe(92.5);
    expect(ev.unit('A3').rank).toBe(4); // 103, 100.5, 95.2, 92.5
    ev.setValue('A3', 'D1', 0); // D1 19 → 25: base 100, total 98.5 → passes A2 (95.2)
    expect(ev.total('A3')).toBe(98.5);
    expect(ev.unit('A3').rank).toBe(3);
    expect(ev.unit('A2').rank).toBe(4);
    // quota 2 of 优秀 now goes to A1 and A3 (A4 vetoed, its place passed on)
    expect(ev.unit('A3').grade!.name).toBe('优秀');
    expect(ev.unit('A2').grade!.name).toBe('良好');
  });
});

describe('bad input', () => {
  it('an invalid plan cannot be evaluated: typed error listing all issues', () => {
    const plan = pointsPlan();
    plan.indicators[0]!.points = 25; // T sums to 45
    delete plan.indicators[3]!.method;
    try {
      evaluate(plan, miniInput({ vetoes }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PlanValidationError);
      const issues = (e as PlanValidationError).issues;
      expect(issues.map((i) => i.code).sort()).toEqual(['missing_method', 'points_sum_component']);
    }
  });
  it('unknown units and indicators are listed together', () => {
    const input = miniInput({ vetoes });
    input.values.push({ unit: 'ZZ', indicator: 'T1', value: 1 }, { unit: 'A1', indicator: 'NOPE', value: 1 });
    expect(() => evaluate(pointsPlan(), input)).toThrow(EvaluationInputError);
    try {
      evaluate(pointsPlan(), input);
    } catch (e) {
      expect((e as EvaluationInputError).issues.map((i) => i.code)).toEqual([
        'unknown_unit',
        'unknown_indicator',
      ]);
    }
  });
  it('missing value with policy "error" throws naming the unit and indicator', () => {
    const plan = pointsPlan();
    plan.indicators[0]!.missing = 'error';
    const input = miniInput({ vetoes });
    input.values = input.values.filter((v) => !(v.unit === 'A2' && v.indicator === 'T1'));
    expect(() => evaluate(plan, input)).toThrow(/A2: T1 has no usable value/);
  });
});

describe('public API', () => {
  it('explain(result, unit) is the lazy trace', async () => {
    const api = await import('./index');
    const r = api.evaluate(pointsPlan(), miniInput({ vetoes }));
    expect(api.explain(r, 'A1').total.value).toBe(103);
    expect(api.templates.map((t) => t.id)).toEqual([
      'wuxi-departments-2016',
      'wuxi-districts-2016',
      'shenzhen-2008',
      'shenzhen-2010',
      'suqian-2016',
      'huangpu-2021',
    ]);
  });
});
