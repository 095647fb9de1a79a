import { describe, expect, it } from 'vitest';
import { pointsPlan, weightedPlan } from '../test-fixtures';
import type { Plan } from './types';
import { validatePlan } from './validate';

const issues = (p: Plan) => validatePlan(p).map((i) => `${i.code} ${i.path}`);

/** pointsPlan with component T's children weighted by the entropy method (no points of their own). */
function entropyPlan(): Plan {
  const p = pointsPlan();
  p.components[0]!.childWeights = { method: 'entropy' };
  for (const ind of p.indicators) if (ind.component === 'T') delete ind.points;
  return p;
}

describe('objective child weights (childWeights)', () => {
  it('accepts a component whose children carry no points: their weights come from the data', () => {
    expect(validatePlan(entropyPlan())).toEqual([]);
  });
  it('refuses children with their own points, an unknown method, and a single child', () => {
    const p = entropyPlan();
    p.indicators[0]!.points = 30;
    expect(issues(p)).toEqual(['child_weights_child_amount components[0].childWeights']);
    const q = entropyPlan();
    q.components[0]!.childWeights = { method: 'topsis' as 'entropy' };
    expect(issues(q)).toEqual(['child_weights_method components[0].childWeights']);
    const r = pointsPlan();
    r.components[1]!.childWeights = { method: 'critic' }; // D has one child, D1
    delete r.indicators[2]!.points;
    expect(validatePlan(r)).toContainEqual({
      code: 'child_weights_children',
      path: 'components[1].childWeights',
      indicator: 'D',
      params: { node: 'D' },
    });
  });
  it('works on an indicator over its sub-items, and refuses ahp beside it', () => {
    const p = weightedPlan();
    const x = p.indicators.find((i) => i.code === 'X')!;
    x.childWeights = { method: 'critic' };
    for (const i of p.indicators) if (i.parent === 'X') delete i.weight;
    expect(validatePlan(p)).toEqual([]);
    x.ahp = [
      [1, 1],
      [1, 1],
    ];
    expect(issues(p)).toContain('child_weights_both indicators[0]');
  });
});

describe('rounding stages', () => {
  it('"product" needs weighted scoring; unknown stages are named', () => {
    const w = weightedPlan();
    w.rounding = { stages: ['indicator', 'product', 'total'] };
    expect(validatePlan(w)).toEqual([]);
    const p = pointsPlan({ rounding: { stages: ['product', 'everything' as 'total'] } });
    expect(issues(p)).toEqual([
      'rounding_product_stage rounding.stages[0]',
      'rounding_stage rounding.stages[1]',
    ]);
  });
});

describe('deductions off a component', () => {
  it('accepts { from: component, floor: 0 }; refuses a bad "from" and a negative floor', () => {
    const p = pointsPlan();
    p.components[1]!.deductions = { from: 'component', floor: 0 };
    expect(validatePlan(p)).toEqual([]);
    p.components[1]!.deductions = { from: 'elsewhere' as 'total', floor: -1 };
    expect(issues(p)).toEqual([
      'deductions_from components[1].deductions.from',
      'deductions_floor components[1].deductions.floor',
    ]);
  });
});
