import { describe, expect, it } from 'vitest';
import { rowSettingsInitial, rowSettingsValues } from './RowSettingsFields.js';

describe('row settings of issue 9 point 8 (children weights, component deductions)', () => {
  it('reads a component that weights its children by entropy and takes its deductions with a floor', () => {
    expect(
      rowSettingsInitial({
        childWeights: { method: 'entropy' },
        deductions: { from: 'component', floor: 5 },
      }),
    ).toEqual({ childWeights: 'entropy', deductionsFrom: 'component', deductionFloor: 5 });
  });
  it('writes the plan fields back; cleared choices remove them', () => {
    const row = { parent: true, component: true };
    expect(rowSettingsValues({ childWeights: 'critic', deductionsFrom: 'component' }, row)).toEqual({
      childWeights: { method: 'critic' },
      deductions: { from: 'component' },
    });
    expect(rowSettingsValues({ deductionsFrom: 'component', deductionFloor: 0 }, row).deductions).toEqual({
      from: 'component',
      floor: 0,
    });
    expect(rowSettingsValues({ deductionsFrom: 'total' }, row)).toEqual({
      childWeights: undefined,
      deductions: undefined,
    });
  });
  it('a leaf indicator gets neither field', () => {
    expect(rowSettingsValues({ childWeights: 'entropy' }, { parent: false, component: false })).toEqual({});
  });
});
