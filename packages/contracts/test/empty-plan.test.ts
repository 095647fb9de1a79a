import { describe, expect, it } from 'vitest';
import { emptyPlanDocument } from '../src/index.js';

describe('emptyPlanDocument', () => {
  it('holds the name, year, default settings and no indicators', () => {
    expect(emptyPlanDocument({ id: 'plan-2026', name: '2026 年度方案', year: 2026 })).toEqual({
      format: 'jixiao-plan/1',
      id: 'plan-2026',
      name: '2026 年度方案',
      year: 2026,
      period: { granularity: 'year' },
      scoring: 'points',
      totalPoints: 100,
      rounding: { decimals: 2, mode: 'half_up', stages: ['indicator', 'total'] },
      categories: [],
      groups: [],
      components: [],
      indicators: [],
      grades: { levels: [] },
    });
  });

  it('starts with the categories and groups given', () => {
    const doc = emptyPlanDocument({
      id: 'plan-3-2026',
      name: 'p',
      year: 2026,
      categories: [{ code: 'dist', name: '区县' }],
      groups: [{ code: 'A', name: 'A 组', category: 'dist' }],
    });
    expect(doc.categories).toEqual([{ code: 'dist', name: '区县' }]);
    expect(doc.groups).toEqual([{ code: 'A', name: 'A 组', category: 'dist' }]);
  });
});
