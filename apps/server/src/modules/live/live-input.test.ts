import { describe, expect, it } from 'vitest';
import { composeLiveInput } from './live-input.js';

const units = [{ code: 'u1', group: 'A' }];
const at = new Date('2026-06-10T00:00:00Z');

describe('live input layers', () => {
  it('supervision progress gives a key-work indicator its value and target 100; a submission still wins', () => {
    const base = {
      period: '2026-M06',
      units,
      dataset: { values: [{ unit: 'u1', indicator: 'K', value: 10, target: 50 }] },
      targets: [],
      // Average progress of the unit's items: (40 + 80) / 2 = 60.
      supervision: [{ unit: 'u1', indicator: 'K', value: 60, target: 100 }],
      halfYear: null,
    };
    const fromItems = composeLiveInput({ ...base, values: [] }).input.values;
    expect(fromItems).toEqual([{ unit: 'u1', indicator: 'K', value: 60, target: 100 }]);

    const submitted = composeLiveInput({
      ...base,
      values: [{ unit: 'u1', indicator: 'K', period: '2026-M05', value: 75, updatedAt: at }],
    }).input.values;
    expect(submitted).toEqual([{ unit: 'u1', indicator: 'K', value: 75, target: 100 }]);
  });

  it('items of units outside the system are ignored', () => {
    const { input } = composeLiveInput({
      period: '2026-M06',
      units,
      dataset: null,
      targets: [],
      supervision: [{ unit: 'elsewhere', indicator: 'K', value: 60, target: 100 }],
      values: [],
      halfYear: null,
    });
    expect(input.values).toEqual([]);
  });
});
