import type { ConsequenceLine, UnitScore } from '@jixiao/contracts';
import { consequences, type Plan } from '@jixiao/engine';
import { describe, expect, it } from 'vitest';
import { inputsText, resultText } from './consequence-text.js';
import { currentUnits, needsIndicators, yearStandings } from './consequences-input.js';

const unit = (
  code: string,
  total: number,
  rank: number,
  grade: string,
  vetoes: string[] = [],
): UnitScore => ({
  unitId: null,
  unit: code,
  name: code,
  group: 'A',
  category: 'A',
  total,
  base: total,
  bonus: 0,
  deductions: 0,
  vetoes,
  rank,
  placement: rank,
  grade: { code: grade, name: grade, color: 'x', downgraded: false },
  components: [],
  awards: code === 'a1' ? ['top'] : [],
});
const plan = {
  grades: { levels: ['excellent', 'good', 'fail'].map((code) => ({ code, name: code, color: 'x' })) },
} as unknown as Plan;

/** 2026: a1 92 (优秀), a2 70 (vetoed); the city average is 81. */
const year = {
  year: 2026,
  units: [unit('a1', 92, 1, 'excellent'), unit('a2', 70, 2, 'fail', ['safety'])],
  rankings: [],
  plan,
};

describe('consequence input from stored runs', () => {
  it('places a stored year: level positions from its own grades, units below, averages, vetoes', () => {
    expect(yearStandings(year)).toEqual([
      expect.objectContaining({ unit: 'a1', level: 0, levels: 3, below: 1, groupAverage: 81, vetoed: false }),
      expect.objectContaining({ unit: 'a2', level: 2, below: 0, average: 81, vetoed: true }),
    ]);
    const units = currentUnits(year, null);
    expect(units.map((u) => [u.unit, u.awards, u.vetoes, u.indicators])).toEqual([
      ['a1', ['top'], [], undefined],
      ['a2', [], ['safety'], undefined],
    ]);
  });

  it('recomputes indicator scores only for indicator-place awards', () => {
    const with_ = (basis: string) =>
      ({ consequences: [{ code: 'x', name: 'x', kind: 'award', basis, award: 'top' }] }) as unknown as Plan;
    expect(needsIndicators(with_('award'))).toBe(false);
    expect(needsIndicators(with_('key_indicator'))).toBe(true);
    expect(needsIndicators(with_('lead_unit'))).toBe(true);
  });
});

describe('consequence text of the workbook', () => {
  const grade = (c: unknown) => (c === 'fail' ? '不合格' : String(c));
  it('says the quota arithmetic and a streak with its years and averages', () => {
    const quota: ConsequenceLine = {
      rule: 'q',
      kind: 'excellenceQuota',
      code: 'excellence_quota',
      params: { base: 15, step: -3, quota: 12, level: 2, grade: 'fail' },
    };
    expect(resultText(quota)).toBe('公务员年度考核优秀比例 12%');
    expect(inputsText(quota, grade)).toBe('基准 15% − 3%（等次 不合格）');
    // W7 from two stored years: a2 (70 < 81, 60 < 75 the city averages) is below twice.
    const before = { ...year, year: 2025, units: [unit('a1', 90, 1, 'good'), unit('a2', 60, 2, 'fail')] };
    const rules = {
      ...plan,
      consequences: [
        {
          code: 'w7',
          name: 'W7',
          kind: 'streak',
          condition: 'below_average',
          average: 'all',
          years: 2,
          action: 'rectification_report',
        },
      ],
    } as Plan;
    const [, a2] = consequences(rules, currentUnits(year, null), yearStandings(before));
    expect(a2!.lines).toHaveLength(1);
    expect(resultText(a2!.lines[0]!)).toBe('书面报告整改情况');
    expect(inputsText(a2!.lines[0]!, grade)).toBe(
      '连续 2 年低于平均（至少 2 年）；年度 2025、2026；名次 2、2；总分 60、70；平均 75、81',
    );
  });
});
