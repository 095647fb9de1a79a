import { describe, expect, it } from 'vitest';
import { pointsPlan, weightedPlan } from '../test-fixtures';
import type { Plan } from './types';
import { validatePlan } from './validate';

const codes = (p: Plan) => validatePlan(p).map((i) => i.code);

describe('validatePlan', () => {
  it('accepts the fixtures', () => {
    expect(validatePlan(pointsPlan())).toEqual([]);
    expect(validatePlan(weightedPlan())).toEqual([]);
  });
  it('lists every problem at once, each naming its indicator', () => {
    const p = pointsPlan();
    p.indicators[0]!.points = 25; // T: 25 + 20 ≠ 50
    delete p.indicators[1]!.owner;
    delete p.indicators[3]!.method;
    p.indicators.push({
      code: 'S2',
      name: '子项过多',
      component: 'S',
      points: 0,
      owner: 'x',
      method: { kind: 'manual' },
      subItems: Array.from({ length: 21 }, (_, i) => ({ code: `s${i}`, name: `子项${i}`, points: 0 })),
    });
    const issues = validatePlan(p);
    expect(issues.map((i) => i.code).sort()).toEqual([
      'missing_method',
      'missing_owner',
      'points_sum_component',
      'sub_item_limit',
    ]);
    expect(issues.find((i) => i.code === 'points_sum_component')).toEqual({
      code: 'points_sum_component',
      path: 'components[0]',
      indicator: 'T',
      params: { component: 'T', sum: 45, expected: 50, group: 'A' },
    });
    expect(issues.find((i) => i.code === 'missing_owner')!.indicator).toBe('T2');
    expect(issues.find((i) => i.code === 'missing_method')!.indicator).toBe('S1');
    expect(issues.find((i) => i.code === 'sub_item_limit')!.params).toEqual({
      indicator: 'S2',
      count: 21,
      limit: 20,
    });
  });
  it('inquiry.unansweredPoints (S11): optional, a number of points > 0 and ≤ 100', () => {
    const p = pointsPlan();
    p.inquiry = { unansweredPoints: 0.5 };
    expect(codes(p)).toEqual([]);
    for (const bad of [0, -1, 101, Number.NaN, '1' as unknown as number]) {
      p.inquiry = { unansweredPoints: bad };
      expect(validatePlan(p)).toEqual([
        { code: 'inquiry_points', path: 'inquiry.unansweredPoints', params: {} },
      ]);
    }
  });
  it('weights must sum per level', () => {
    const p = weightedPlan();
    p.indicators[1]!.weight = 40; // X1 40 + X2 50 = 90
    const issues = validatePlan(p);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'weights_sum_indicator', params: { indicator: 'X', sum: 90 } });
    expect(issues[0]!.indicator).toBe('X');
  });
  it('points may differ per category (Z9/S5) and are checked per group', () => {
    const p = pointsPlan();
    p.indicators[0]!.pointsBy = { B: 35 }; // B groups: 35 + 20 ≠ 50
    const issues = validatePlan(p);
    expect(issues.map((i) => [i.code, i.params])).toEqual([
      ['points_sum_component', { component: 'T', sum: 55, expected: 50, group: 'B' }],
    ]);
  });
  it('plan-level constraints (Z2 external ≥ 30 %, Z16 government service ≥ 5 %)', () => {
    const p = weightedPlan();
    p.constraints = [
      { kind: 'min_share', share: 0.3, components: ['external'], label: '外部评估不低于30%' },
      { kind: 'min_share', share: 0.05, tags: ['gov_service'], label: '政务服务不低于5%' },
    ];
    p.indicators[1]!.tags = ['gov_service']; // X1: 0.7 × 0.6 × 0.5 = 21 %
    expect(validatePlan(p)).toEqual([]);
    p.components[0]!.weight = 75;
    p.components[1]!.weight = 25;
    const issues = validatePlan(p);
    expect(issues.map((i) => [i.code, i.params])).toEqual([
      ['constraint_min_share', { label: '外部评估不低于30%', share: 25, group: 'D', limit: 30 }],
    ]);
  });
  it('method parameters, direction, unknown method', () => {
    const p = pointsPlan();
    p.indicators[2]!.direction = 'higher'; // deduction needs lower
    p.indicators[0]!.method = { kind: 'total_growth', totalShare: 1.4 };
    (p.indicators[3]!.method as unknown as { kind: string }).kind = 'astrology';
    const issues = validatePlan(p);
    expect(issues).toHaveLength(3);
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          code: 'method.total_share_range',
          path: 'indicators[0].method',
          indicator: 'T1',
          params: { indicator: 'T1', method: 'total_growth' },
        },
        {
          code: 'method_direction',
          path: 'indicators[2].method',
          indicator: 'D1',
          params: { indicator: 'D1', method: 'deduction', direction: 'lower' },
        },
        {
          code: 'unknown_method',
          path: 'indicators[3].method',
          indicator: 'S1',
          params: { indicator: 'S1', kind: 'astrology' },
        },
      ]),
    );
  });
  it('AHP matrix on an indicator: CR ≥ 0.10 is rejected, weights must match', () => {
    const p = weightedPlan();
    p.indicators[0]!.ahp = [
      [1, 1],
      [1, 1],
    ]; // X1:X2 = 1:1 matches 50/50
    expect(validatePlan(p)).toEqual([]);
    p.indicators[0]!.ahp = [
      [1, 3],
      [1 / 3, 1],
    ];
    expect(validatePlan(p)[0]).toMatchObject({
      code: 'ahp_weights_mismatch',
      params: { indicator: 'X', amounts: [50, 50], weights: [0.75, 0.25] },
    });
  });
  it('grades: colour, order, last level', () => {
    const p = pointsPlan();
    p.grades.levels[1]!.minScore = 95; // above excellent's 90
    p.grades.levels[3]!.minScore = 0;
    p.grades.levels[2]!.color = '';
    expect(codes(p).sort()).toEqual(['grade_color', 'grade_last', 'grade_order']);
  });
});
