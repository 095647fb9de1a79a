import { type AwardRule, catalogueQuota, type Plan, type StreakRule, validatePlan } from '@jixiao/engine';
import { fourGrades, planOf } from '@jixiao/engine/testing';
import { describe, expect, it } from 'vitest';
import {
  actionCodes,
  levelAt,
  levelLabel,
  levelOptions,
  newRule,
  withBasis,
  withCondition,
} from './consequenceForm.js';

/** Grades 优秀 / 良好 / 合格 / 不合格, one award, one key indicator. */
const plan = (parts: Partial<Plan> = {}): Plan =>
  planOf({
    id: 'p',
    components: [{ code: 'T', name: 'T', points: 100 }],
    indicators: [
      {
        code: 'K',
        name: '重点',
        component: 'T',
        points: 100,
        key: true,
        owner: 'o',
        method: { kind: 'completion' },
      },
    ],
    grades: { levels: fourGrades(0.3) },
    awards: [{ code: 'top20', name: '二十佳', top: 2 }],
    ...parts,
  });

describe('new consequence rules', () => {
  it('take the next free code of their kind and the catalogue settings, and validate', () => {
    const p = plan({
      consequences: [{ code: 'bottom1', name: 'x', kind: 'bottomN', n: 1, action: 'warning_talk' }],
    });
    expect(newRule(p, 'bottomN', '末位')).toEqual({
      code: 'bottom2',
      name: '末位',
      ref: 'S15',
      kind: 'bottomN',
      n: 3,
      action: 'warning_talk',
    });
    // The catalogue's S16 / Z10 quota (its figures are the engine's tests'), with code and name.
    const quota = newRule(p, 'excellenceQuota', '优秀比例');
    expect(quota).toEqual({ ...catalogueQuota(), code: 'quota1', name: '优秀比例' });
    expect(quota).toMatchObject({ ref: 'S16', base: 15 });
    expect(newRule(p, 'streak', '连续')).toMatchObject({
      code: 'streak1',
      condition: 'last_place',
      years: 2,
      action: 'organisational_adjustment',
    });
    expect(newRule(p, 'award', '表彰')).toMatchObject({ code: 'award1', basis: 'award', award: 'top20' });
    expect(newRule(p, 'vetoBar', '否决')).toEqual({
      code: 'veto_bar1',
      name: '否决',
      ref: 'S15',
      kind: 'vetoBar',
    });
    const kinds = ['excellenceQuota', 'bottomN', 'streak', 'award', 'vetoBar'] as const;
    const withAll = plan({ consequences: kinds.map((k) => newRule(p, k, k)) });
    expect(validatePlan(withAll)).toEqual([]);
  });

  it('an award in a plan without awards is first per key indicator (the basis award would not validate)', () => {
    const p = plan({ awards: undefined });
    const rule = newRule(p, 'award', '单项第一');
    expect(rule).toEqual({
      code: 'award1',
      name: '单项第一',
      ref: 'W5',
      kind: 'award',
      basis: 'key_indicator',
    });
    expect(validatePlan(plan({ awards: undefined, consequences: [rule] }))).toEqual([]);
  });
});

describe('grade level positions', () => {
  it('name the plan’s grade counted from the top (0, 1, …) or the bottom (−1, −2, …)', () => {
    const p = plan();
    expect(levelAt(p, 0)?.name).toBe('优秀');
    expect(levelAt(p, 3)?.name).toBe('不合格');
    expect(levelAt(p, -1)?.name).toBe('不合格');
    expect(levelAt(p, -4)?.name).toBe('优秀');
    expect(levelAt(p, 4)).toBeUndefined();
    expect(levelAt(p, -5)).toBeUndefined();
    expect(levelAt(p, 0.5)).toBeUndefined();
    expect(levelLabel(p, -2)).toBe('-2 · 合格');
    expect(levelLabel(p, 7)).toBe('7 · ?');
  });

  it('are offered top first, bottom last; a stored position outside the levels stays a choice', () => {
    const p = plan({
      grades: {
        levels: [
          { code: 'x', name: '先进', color: 'green' },
          { code: 'y', name: '达标', color: 'blue' },
          { code: 'z', name: '诫勉', color: 'red' },
        ],
      },
    });
    expect(levelOptions(p).map((o) => o.label)).toEqual([
      '0 · 先进',
      '1 · 达标',
      '2 · 诫勉',
      '-3 · 先进',
      '-2 · 达标',
      '-1 · 诫勉',
    ]);
    expect(levelOptions(p, 5).at(-1)).toEqual({ value: 5, label: '5 · ?' });
    expect(levelOptions(p, -1)).toHaveLength(6);
  });
});

describe('field clean-up', () => {
  const streak: StreakRule = {
    code: 's',
    name: 's',
    kind: 'streak',
    condition: 'bottom_n',
    n: 2,
    ranking: 'all',
    years: 3,
    action: 'replace_head',
  };

  it('a streak keeps n and ranking only for bottom_n, average only for below_average', () => {
    const avg = withCondition(streak, 'below_average');
    expect(avg).toEqual({
      code: 's',
      name: 's',
      kind: 'streak',
      condition: 'below_average',
      years: 3,
      action: 'replace_head',
    });
    const city = withCondition({ ...avg, average: 'all' }, 'below_average');
    expect(city.average).toBe('all');
    expect(withCondition(city, 'last_place')).not.toHaveProperty('average');
    expect(withCondition(avg, 'bottom_n')).toMatchObject({ n: 3 });
    expect(withCondition(streak, 'bottom_n')).toMatchObject({ n: 2, ranking: 'all' });
  });

  it('an award keeps award only for its basis, indicators only for key_indicator, within for indicator places', () => {
    const p = plan();
    const key: AwardRule = {
      code: 'a',
      name: 'a',
      kind: 'award',
      basis: 'key_indicator',
      indicators: ['K'],
      within: 'all',
    };
    expect(withBasis(key, 'lead_unit', p)).toEqual({
      code: 'a',
      name: 'a',
      kind: 'award',
      basis: 'lead_unit',
      within: 'all',
    });
    expect(withBasis(key, 'award', p)).toEqual({
      code: 'a',
      name: 'a',
      kind: 'award',
      basis: 'award',
      award: 'top20',
    });
    expect(withBasis(key, 'key_indicator', p)).toEqual(key);
    expect(withBasis(key, 'award', plan({ awards: [] }))).not.toHaveProperty('award');
  });

  it('bottom-N and streak actions leave out the quota and award lines unless the rule already has one', () => {
    expect(actionCodes()).toEqual([
      'collective_merit',
      'warning_talk',
      'rectification_report',
      'organisational_adjustment',
      'replace_head',
      'barred_from_awards',
    ]);
    expect(actionCodes('warning_talk')).toHaveLength(6);
    expect(actionCodes('award').at(-1)).toBe('award');
  });
});
