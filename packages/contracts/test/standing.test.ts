import type { UnitResult } from '@jixiao/engine';
import { describe, expect, it } from 'vitest';
import { standingOf } from '../src/index.js';

const unit = (over: Partial<UnitResult>) =>
  ({ unit: 'A01', group: 'A', total: 91.5, rank: 2, grade: null, ...over }) as UnitResult;

describe('standingOf', () => {
  it('keeps the unit, group, total, rank and the grade’s code, name and colour', () => {
    const grade = {
      code: 'excellent',
      name: '优秀',
      color: '#52c41a',
      level: 0,
    } as unknown as UnitResult['grade'];
    expect(standingOf(unit({ name: '甲区', grade }))).toEqual({
      unit: 'A01',
      name: '甲区',
      group: 'A',
      total: 91.5,
      rank: 2,
      grade: { code: 'excellent', name: '优秀', color: '#52c41a' },
    });
  });

  it('names a unit without a name by its code, and keeps no grade as null', () => {
    expect(standingOf(unit({}))).toMatchObject({ name: 'A01', grade: null });
  });
});
