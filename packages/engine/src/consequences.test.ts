import { describe, expect, it } from 'vitest';
import { type ConsequenceUnit, consequences, type StandingSource, standingsOf } from './consequences';
import { catalogueQuota } from './plan/consequence-catalogue';
import type { ConsequenceRule, Plan } from './plan/types';
import { validatePlan } from './plan/validate';
import { fourGrades, planOf } from './test-fixtures';

/**
 * Seven units in groups A (a1–a4) and B (b1–b3) over 2024–2026, worked by hand:
 * - a1 is 优秀 (level 0) three years running; a4 is last of A and 不合格 (level −1) three years.
 * - group A 2026 average (95+85+75+55)/4 = 77.5; 2025 (93+80+82+50)/4 = 76.25 → only a4 is below twice.
 * - all units 2026: 550/7 = 78.57; 2025: 511/7 = 73 → a4 and b3 are below the city average twice
 *   (b3 72 is above its group's 2025 average 68.67).
 * - b1 is vetoed in 2026 and won the engine award "top": it loses the award and is barred.
 */
const CODES = ['excellent', 'good', 'pass', 'fail'];
const src = (
  unit: string,
  group: string,
  total: number,
  rank: number,
  grade: string | null,
  vetoed = false,
): StandingSource => ({ unit, group, total, rank, grade, vetoed });

const y2024 = standingsOf(
  2024,
  [
    src('a1', 'A', 94, 1, 'excellent'),
    src('a3', 'A', 81, 2, 'good'),
    src('a2', 'A', 78, 3, 'pass'),
    src('a4', 'A', 52, 4, 'fail'),
    src('b1', 'B', 80, 1, 'good'),
    src('b2', 'B', 75, 2, 'pass'),
    src('b3', 'B', 70, 3, 'pass'),
  ],
  CODES,
);
const y2025 = standingsOf(
  2025,
  [
    src('a1', 'A', 93, 1, 'excellent'),
    src('a3', 'A', 82, 2, 'good'),
    src('a2', 'A', 80, 3, 'good'),
    src('a4', 'A', 50, 4, 'fail'),
    src('b1', 'B', 74, 1, 'good'),
    src('b3', 'B', 72, 2, 'pass'),
    src('b2', 'B', 60, 3, 'pass'),
  ],
  CODES,
);
const all2026 = [
  ['a1', 1],
  ['b1', 2],
  ['a2', 3],
  ['b2', 4],
  ['a3', 5],
  ['b3', 6],
  ['a4', 7],
] as const;
const standing2026 = standingsOf(
  2026,
  [
    src('a1', 'A', 95, 1, 'excellent'),
    src('a2', 'A', 85, 2, 'good'),
    src('a3', 'A', 75, 3, 'pass'),
    src('a4', 'A', 55, 4, 'fail'),
    src('b1', 'B', 90, 1, 'excellent', true),
    src('b2', 'B', 80, 2, 'good'),
    src('b3', 'B', 70, 3, 'pass'),
  ],
  CODES,
  [{ code: 'all', entries: all2026.map(([unit, rank]) => ({ unit, rank })) }],
);
/** Indicator scores: K1 (key, lead L1, full 10), K2 (lead L1, full 20), K3 (lead L2, full 10). */
const SCORES: Record<string, [number, number, number | null]> = {
  a1: [8, 20, 5],
  a2: [9, 10, 6],
  a3: [5, 15, null],
  a4: [2, 4, 1],
  b1: [10, 20, 10],
  b2: [7, 12, 9],
  b3: [7, 18, 3],
};
const units: ConsequenceUnit[] = standing2026.map((s) => {
  const [k1, k2, k3] = SCORES[s.unit]!;
  return {
    ...s,
    awards: s.unit === 'a1' || s.unit === 'b1' ? ['top'] : [],
    vetoes: s.vetoed ? ['safety'] : [],
    indicators: { K1: { score: k1, full: 10 }, K2: { score: k2, full: 20 }, K3: { score: k3, full: 10 } },
  };
});

function plan(rules: ConsequenceRule[]): Plan {
  return planOf({
    id: 'conseq',
    categories: [{ code: 'C', name: 'C' }],
    groups: [
      { code: 'A', name: 'A', category: 'C' },
      { code: 'B', name: 'B', category: 'C' },
    ],
    components: [{ code: 'T', name: 'T', points: 40 }],
    indicators: [
      {
        code: 'K1',
        name: '重点一',
        component: 'T',
        points: 10,
        key: true,
        leadDept: 'L1',
        owner: 'o',
        method: { kind: 'completion' },
      },
      {
        code: 'K2',
        name: '二',
        component: 'T',
        points: 20,
        leadDept: 'L1',
        owner: 'o',
        method: { kind: 'completion' },
      },
      {
        code: 'K3',
        name: '三',
        component: 'T',
        points: 10,
        leadDept: 'L2',
        owner: 'o',
        method: { kind: 'completion' },
      },
    ],
    grades: { levels: fourGrades(0.3) },
    rankings: [{ code: 'all', name: '综合排名', groups: ['A', 'B'] }],
    awards: [{ code: 'top', name: '先进单位', ranking: 'all', top: 2 }],
    totalPoints: 40,
    consequences: rules,
  });
}

const run = (rules: ConsequenceRule[]) =>
  Object.fromEntries(consequences(plan(rules), units, [...y2024, ...y2025]).map((u) => [u.unit, u.lines]));

describe('consequences', () => {
  it('the test plan and its rules validate', () => {
    const p = plan([
      { code: 'q', name: '优秀比例', kind: 'excellenceQuota', base: 15, levels: [{ level: 0, step: 3 }] },
      { code: 'v', name: '否决', kind: 'vetoBar' },
    ]);
    expect(validatePlan(p)).toEqual([]);
  });

  it('excellenceQuota: 15 % ± 3 by level; ±5 and a collective merit after three years at the top / bottom (S16, Z10)', () => {
    // The catalogue's rule: base 15, ±3 at the top / bottom level, ±5 after three years there.
    const lines = run([catalogueQuota()]);
    const quota = (u: string) => lines[u]!.find((l) => l.code === 'excellence_quota')!.params;
    // a1: 优秀 2024, 2025, 2026 → 15 + 5 = 20 and 集体记功.
    expect(quota('a1')).toEqual({
      base: 15,
      level: 0,
      grade: 'excellent',
      step: 5,
      quota: 20,
      streak: 3,
      years: [2024, 2025, 2026],
    });
    expect(lines.a1!.map((l) => l.code)).toEqual(['excellence_quota', 'collective_merit']);
    // b1: 优秀 this year only (良好 in 2025) → 15 + 3.
    expect(quota('b1')).toMatchObject({ step: 3, quota: 18 });
    expect(quota('b1')).not.toHaveProperty('streak');
    // a4: 不合格 three years → 15 − 5 = 10, no merit.
    expect(quota('a4')).toMatchObject({ step: -5, quota: 10, streak: 3 });
    expect(lines.a4).toHaveLength(1);
    for (const u of ['a2', 'a3', 'b2', 'b3']) expect(quota(u)).toMatchObject({ step: 0, quota: 15 });
  });

  it('bottomN: the last n of each group, or of a ranking (S15)', () => {
    const lines = run([
      { code: 'talk', name: '诫勉谈话', kind: 'bottomN', n: 1, action: 'warning_talk' },
      {
        code: 'report',
        name: '整改报告',
        kind: 'bottomN',
        n: 3,
        ranking: 'all',
        action: 'rectification_report',
      },
    ]);
    const who = (code: string) =>
      Object.entries(lines)
        .filter(([, ls]) => ls.some((l) => l.code === code))
        .map(([u]) => u)
        .sort();
    expect(who('warning_talk')).toEqual(['a4', 'b3']);
    expect(lines.a4!.find((l) => l.rule === 'talk')!.params).toEqual({
      n: 1,
      rank: 4,
      size: 4,
      ranking: null,
      total: 55,
    });
    // City ranking: a3 5th, b3 6th, a4 7th of 7.
    expect(who('rectification_report')).toEqual(['a3', 'a4', 'b3']);
    expect(lines.b3!.find((l) => l.rule === 'report')!.params).toMatchObject({
      rank: 6,
      size: 7,
      ranking: 'all',
    });
  });

  it('bottomN includes units tied at the edge', () => {
    const tied = standingsOf(
      2026,
      [src('x', 'A', 90, 1, 'good'), src('y', 'A', 70, 2, 'pass'), src('z', 'A', 70, 2, 'pass')],
      CODES,
    );
    const out = consequences(
      plan([{ code: 'talk', name: '诫勉谈话', kind: 'bottomN', n: 1, action: 'warning_talk' }]),
      tied.map((s) => ({ ...s, awards: [] })),
      [],
    );
    expect(out.map((u) => u.lines.length)).toEqual([0, 1, 1]);
  });

  it('streak: last place two years running (W5) counts the whole run back', () => {
    const lines = run([
      {
        code: 'W5',
        name: '组织调整',
        kind: 'streak',
        condition: 'last_place',
        years: 2,
        action: 'organisational_adjustment',
      },
    ]);
    expect(lines.a4).toEqual([
      {
        rule: 'W5',
        kind: 'streak',
        code: 'organisational_adjustment',
        params: {
          condition: 'last_place',
          need: 2,
          years: [2024, 2025, 2026],
          count: 3,
          ranks: [4, 4, 4],
          totals: [52, 50, 55],
          groupSizes: [4, 4, 4],
        },
      },
    ]);
    // b3 is last of B in 2026 and in 2024, but b2 was last in 2025: the streak is broken.
    expect(lines.b3).toEqual([]);
    expect(Object.values(lines).flat()).toHaveLength(1);
  });

  it('streak: below the group average, or the city average, two years running (W7)', () => {
    const lines = run([
      {
        code: 'W7g',
        name: '低于平均',
        kind: 'streak',
        condition: 'below_average',
        years: 2,
        action: 'organisational_adjustment',
      },
      {
        code: 'W7c',
        name: '低于全市平均',
        kind: 'streak',
        condition: 'below_average',
        average: 'all',
        years: 2,
        action: 'organisational_adjustment',
      },
    ]);
    expect(lines.a4!.map((l) => l.rule)).toEqual(['W7g', 'W7c']);
    expect(lines.a4![0]!.params).toMatchObject({ years: [2024, 2025, 2026], averages: [76.25, 76.25, 77.5] });
    // b3: 70 < 530/7 = 75.71 (city 2024), 72 < 73 (2025), 70 < 78.57 (2026); but 72 > 68.67 (group B 2025).
    expect(lines.b3!.map((l) => l.rule)).toEqual(['W7c']);
    expect(lines.b3![0]!.params).toMatchObject({
      years: [2024, 2025, 2026],
      totals: [70, 72, 70],
      averages: [75.71, 73, 78.57],
    });
    expect(lines.a3).toEqual([]);
  });

  it('streak: lagging three years — bottom level or bottom n (S17); a missing year breaks it', () => {
    const lines = run([
      {
        code: 'S17',
        name: '建议调整',
        kind: 'streak',
        condition: 'bottom_level',
        years: 3,
        action: 'replace_head',
      },
      {
        code: 'S17n',
        name: '后二',
        kind: 'streak',
        condition: 'bottom_n',
        n: 2,
        years: 3,
        action: 'replace_head',
      },
    ]);
    expect(lines.a4!.map((l) => l.rule)).toEqual(['S17', 'S17n']);
    expect(lines.a4![0]!.params).toMatchObject({ grades: ['fail', 'fail', 'fail'] });
    // b3: bottom two of B in 2024 (3rd), 2025 (2nd of 3) and 2026 (3rd).
    expect(lines.b3!.map((l) => l.rule)).toEqual(['S17n']);
    const without2025 = consequences(
      plan([
        {
          code: 'S17',
          name: '建议调整',
          kind: 'streak',
          condition: 'bottom_level',
          years: 3,
          action: 'replace_head',
        },
      ]),
      units,
      y2024,
    );
    expect(without2025.flatMap((u) => u.lines)).toEqual([]);
  });

  it('award: the engine award winners, first per key indicator, best per lead unit — never a vetoed unit (W13, W5, S3)', () => {
    const lines = run([
      { code: 'W13', name: '先进单位', kind: 'award', basis: 'award', award: 'top' },
      { code: 'key', name: '重点指标第一', kind: 'award', basis: 'key_indicator' },
      { code: 'S3', name: '单项工作先进奖', kind: 'award', basis: 'lead_unit', within: 'all' },
    ]);
    const got = (rule: string) =>
      Object.entries(lines).flatMap(([u, ls]) =>
        ls.filter((l) => l.rule === rule).map((l) => [u, l.params] as const),
      );
    expect(got('W13')).toEqual([
      ['a1', { basis: 'award', award: 'top', name: '先进单位', rank: 1, total: 95 }],
    ]);
    // K1 per group: A → a2 (9/10); B → b1 (10) is vetoed, so b2 and b3 tie on 7.
    expect(got('key').map(([u, p]) => [u, p.indicator, p.score])).toEqual([
      ['a2', 'K1', 9],
      ['b2', 'K1', 7],
      ['b3', 'K1', 7],
    ]);
    // L1 = K1 + K2 over all units: a1 28/30 (b1 30/30 vetoed); L2 = K3: b2 9/10.
    expect(got('S3')).toEqual([
      ['a1', { basis: 'lead_unit', leadDept: 'L1', indicators: ['K1', 'K2'], score: 28, full: 30 }],
      ['b2', { basis: 'lead_unit', leadDept: 'L2', indicators: ['K3'], score: 9, full: 10 }],
    ]);
    expect(lines.b1).toEqual([]);
  });

  it('vetoBar: the vetoed unit gets the bar line with its vetoes', () => {
    const lines = run([{ code: 'S15v', name: '取消评先评优', kind: 'vetoBar' }]);
    expect(lines.b1).toEqual([
      { rule: 'S15v', kind: 'vetoBar', code: 'barred_from_awards', params: { vetoes: ['safety'] } },
    ]);
    expect(Object.values(lines).flat()).toHaveLength(1);
  });

  it('standingsOf: units below, group and city averages, ranking places, level positions', () => {
    const a4 = standing2026.find((s) => s.unit === 'a4')!;
    expect(a4).toMatchObject({ below: 0, groupSize: 4, level: 3, levels: 4, groupAverage: 77.5 });
    expect(a4.rankings).toEqual({ all: { rank: 7, below: 0 } });
    expect(standingsOf(2026, [src('u', 'A', 1, 1, 'gone')], CODES)[0]!.level).toBeNull();
  });
});

describe('consequences validation', () => {
  const issues = (rules: unknown[]) =>
    validatePlan(plan(rules as ConsequenceRule[])).filter(
      (i) => i.code.startsWith('consequence') || i.code === 'duplicate_consequence',
    );

  it('names the field of each bad rule', () => {
    expect(
      issues([
        { code: 'q', name: 'q', kind: 'excellenceQuota', base: 150, levels: [{ level: 4, step: 3 }] },
        { code: 'b', name: 'b', kind: 'bottomN', n: 0, ranking: 'nope', action: 'fire' },
        { code: 's', name: 's', kind: 'streak', condition: 'bottom_n', years: 1, action: 'replace_head' },
        { code: 'a', name: 'a', kind: 'award', basis: 'award', award: 'missing' },
        { code: 'x', name: 'x', kind: 'mystery' },
        { code: 'x', name: 'x', kind: 'vetoBar' },
      ]).map((i) => i.path),
    ).toEqual([
      'consequences',
      'consequences[0].base',
      'consequences[0].levels[0].level',
      'consequences[1].n',
      'consequences[1].ranking',
      'consequences[1].action',
      'consequences[2].years',
      'consequences[2].n',
      'consequences[3].award',
      'consequences[4].kind',
    ]);
  });

  it('accepts level −1 … −levels and 0 … levels−1', () => {
    expect(
      issues([
        {
          code: 'q',
          name: 'q',
          kind: 'excellenceQuota',
          base: 15,
          levels: [
            { level: -4, step: 1 },
            { level: 3, step: 1 },
          ],
        },
      ]),
    ).toEqual([]);
  });
});
