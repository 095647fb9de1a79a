import { describe, expect, it } from 'vitest';
import { compilePlan } from './compile';
import { EvaluationInputError } from './input';
import { loadInput } from './load-input';
import { pointsPlan } from './test-fixtures';

describe('load input', () => {
  const cp = compilePlan(pointsPlan());
  const units = [
    { code: 'A1', group: 'A' },
    { code: 'B1x', group: 'B1' },
  ];

  it('stores values [leaf × unit] (NaN = not supplied), bonuses and vetoes per unit', () => {
    const st = loadInput(cp, {
      period: '2016-Y',
      units,
      values: [{ unit: 'B1x', indicator: 'T1', value: 95, target: 100 }],
      bonuses: [{ unit: 'A1', source: 'innovation', points: 2 }],
      vetoes: [{ unit: 'B1x', event: 'e' }],
    });
    const slot = cp.nodes[cp.nodeByCode.get('T1')!]!.slot;
    expect(st.fields.value![slot * 2 + 1]).toBe(95);
    expect(st.fields.target![slot * 2 + 1]).toBe(100);
    expect(Number.isNaN(st.fields.value![slot * 2])).toBe(true);
    expect(st.fields.baseline).toBe(null); // never supplied: not allocated
    expect(st.bonusItems[0]!.map((b) => b.points)).toEqual([2]);
    expect(st.vetoItems.map((v) => v.length)).toEqual([0, 1]);
    expect(Array.from(st.unitGroup)).toEqual([cp.groupByCode.get('A'), cp.groupByCode.get('B1')]);
    expect(st.elapsedMonth).toBe(1);
  });

  it('collects every problem into one EvaluationInputError', () => {
    let err: unknown;
    try {
      loadInput(cp, {
        period: '2016-X',
        units: [...units, { code: 'Z', group: 'nowhere' }, { code: 'P', group: 'B' }],
        values: [
          { unit: 'A1', indicator: 'NOPE', value: 1 },
          { unit: 'A1', indicator: 'T1', value: Number.POSITIVE_INFINITY },
        ],
        bonuses: [{ unit: 'A1', source: 'unknown', points: 1 }],
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EvaluationInputError);
    const codes = (err as EvaluationInputError).issues.map((i) => i.code).sort();
    expect(codes).toEqual([
      'bad_period',
      'not_a_number',
      'not_leaf_group',
      'unknown_bonus_source',
      'unknown_group',
      'unknown_indicator',
    ]);
  });
});
