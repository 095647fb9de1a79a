import type { Plan } from '@jixiao/engine';
import { planOf } from '@jixiao/engine/testing';
import { describe, expect, it } from 'vitest';
import {
  addIndicator,
  applyAhpWeights,
  freshCode,
  freshSubItemCode,
  removeIndicator,
  sharePoints,
  updateRow,
} from './edit.js';

const plan = (): Plan =>
  planOf({
    id: 'p',
    name: 'P',
    categories: [],
    groups: [],
    components: [{ code: 'c', name: 'C', points: 10 }],
    indicators: [
      { code: 'A', name: 'a', component: 'c', points: 5 },
      { code: 'A1', name: 'a1', parent: 'A', points: 5 },
      { code: 'B', name: 'b', component: 'c', points: 5 },
    ],
    grades: { levels: [] },
  });

describe('plan edits', () => {
  it('updates a row without touching the original and drops cleared fields', () => {
    const p = plan();
    const q = updateRow(p, { level: 'indicator', index: 2 }, { name: 'bb', owner: '', points: 6 });
    expect(q.indicators[2]).toEqual({ code: 'B', name: 'bb', component: 'c', points: 6 });
    expect(p.indicators[2]!.name).toBe('b');
  });

  it('keeps children attached when an indicator or component is renamed', () => {
    const q = updateRow(plan(), { level: 'indicator', index: 0 }, { code: 'AA' });
    expect(q.indicators[1]!.parent).toBe('AA');
    const r = updateRow(plan(), { level: 'component', index: 0 }, { code: 'cc' });
    expect(r.indicators.filter((i) => i.component === 'cc')).toHaveLength(2);
  });

  it('numbers a new sub-item after the codes its indicator uses', () => {
    expect(freshSubItemCode(plan(), 0)).toBe('S1');
    const p = plan();
    p.indicators[0]!.subItems = [
      { code: 'S1', name: 's1' },
      { code: 'S3', name: 's3' },
    ] as never;
    expect(freshSubItemCode(p, 0)).toBe('S2');
  });

  it('adds and removes indicators with their descendants', () => {
    const p = addIndicator(plan(), { parent: 'A1' }, { code: freshCode(plan()), name: 'n', points: 5 });
    expect(p.indicators.at(-1)).toMatchObject({ code: 'NEW1', parent: 'A1' });
    expect(removeIndicator(p, 'A').indicators.map((i) => i.code)).toEqual(['B']);
  });

  it('shares points by AHP weights with an exact sum', () => {
    expect(sharePoints(10, [1 / 3, 1 / 3, 1 / 3])).toEqual([3.34, 3.33, 3.33]);
    const q = applyAhpWeights(plan(), { component: 'c' }, [0.75, 0.25]);
    expect(q.indicators.filter((i) => i.component === 'c').map((i) => i.points)).toEqual([7.5, 2.5]);
    const w = applyAhpWeights({ ...plan(), scoring: 'weighted' }, { indicator: 'A' }, [1], [[1]]);
    expect(w.indicators[1]!.weight).toBe(1);
    expect(w.indicators[0]!.ahp).toEqual([[1]]);
  });
});
