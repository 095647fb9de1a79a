import { METHODS, type Plan, validatePlan } from '@jixiao/engine';
import { describe, expect, it } from 'vitest';
import { dictKeys, dictLookup } from '../dict.js';
import {
  planIssueCodes,
  planIssueEnglish,
  planIssueParams,
  planIssueT,
  planIssueTemplates,
  type planIssueTerms,
  renderPlanIssue,
} from './render.js';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!))].sort();

describe('plan-issue templates', () => {
  for (const [lang, dict] of Object.entries(planIssueTemplates)) {
    it(`${lang}: one template per code, using exactly the params the engine declares for it`, () => {
      for (const code of planIssueCodes) {
        const tpl = dictLookup(dict, `issues.${code}`);
        expect(typeof tpl, `${lang} issues.${code}`).toBe('string');
        expect(placeholders(tpl as string), `${lang} issues.${code}`).toEqual(
          [...planIssueParams[code]].sort(),
        );
      }
    });
    it(`${lang}: no template for a code that does not exist`, () => {
      const codes = new Set(planIssueCodes.map((c) => `issues.${c}`));
      expect(dictKeys(dict.issues, 'issues').filter((k) => !codes.has(k))).toEqual([]);
    });
    it(`${lang}: a term for every method kind, direction and objective weighting`, () => {
      const values = {
        method: Object.keys(METHODS),
        direction: ['higher', 'lower'],
        weighting: ['entropy', 'critic'],
      } satisfies Record<(typeof planIssueTerms)[number], string[]>;
      for (const [name, vs] of Object.entries(values))
        for (const v of vs)
          expect(typeof dictLookup(dict, `terms.${name}.${v}`), `${name}.${v}`).toBe('string');
    });
  }
  it('zh-CN and en have the same keys', () => {
    expect(dictKeys(planIssueTemplates.en).sort()).toEqual(dictKeys(planIssueTemplates['zh-CN']).sort());
  });
});

/** A valid two-leaf points plan to break by hand. */
function plan(): Plan {
  return {
    format: 'jixiao-plan/1',
    id: 'p',
    name: 'p',
    scoring: 'points',
    period: { granularity: 'year' },
    categories: [{ code: 'A', name: 'A' }],
    groups: [{ code: 'G', name: 'G', category: 'A' }],
    components: [{ code: 'C', name: 'C', points: 100 }],
    indicators: [
      { code: 'I1', name: 'I1', component: 'C', points: 60, owner: 'o', method: { kind: 'completion' } },
      { code: 'I2', name: 'I2', component: 'C', points: 40, owner: 'o', method: { kind: 'manual' } },
    ],
    grades: {
      levels: [
        { code: 'good', name: '好', minScore: 60, color: 'green' },
        { code: 'bad', name: '差', color: 'red' },
      ],
    },
  } as Plan;
}

describe('rendering the issues of hand-made bad plans', () => {
  const zh = planIssueT('zh-CN');
  const en = planIssueT('en');
  it('accepts the plan as it is', () => {
    expect(validatePlan(plan())).toEqual([]);
  });
  it('an unknown category: code, path, params; Chinese and English text', () => {
    const p = plan();
    p.groups[0]!.category = 'X';
    const issues = validatePlan(p);
    expect(issues).toEqual([
      { code: 'unknown_category', path: 'groups[0].category', params: { group: 'G', category: 'X' } },
    ]);
    expect(renderPlanIssue(issues[0]!, zh)).toBe('分组 G：类别“X”未定义');
    expect(renderPlanIssue(issues[0]!, en)).toBe('group G: category "X" is not defined');
  });
  it("a method's parameter: the method kind through its term, in both languages", () => {
    const p = plan();
    p.indicators[1]!.method = { kind: 'manual', scale: 0 };
    const issues = validatePlan(p);
    expect(issues).toEqual([
      {
        code: 'method.scale_positive',
        path: 'indicators[1].method',
        indicator: 'I2',
        params: { indicator: 'I2', method: 'manual' },
      },
    ]);
    expect(renderPlanIssue(issues[0]!, zh)).toBe('指标 I2（人工评分）：评分量程须大于 0');
    expect(planIssueEnglish(issues[0]!)).toBe('indicator I2 (Manual score): scale must be > 0');
  });
  it('sums, lists and a parent chain', () => {
    const p = plan();
    p.indicators[0]!.points = 50;
    p.indicators.push(
      { code: 'L1', name: 'L1', parent: 'L2', points: 0, owner: 'o', method: { kind: 'manual' } },
      { code: 'L2', name: 'L2', parent: 'L1', points: 0, owner: 'o', method: { kind: 'manual' } },
    );
    // A parent loop stops the checks that walk parent chains.
    const looped = validatePlan(p).map((i) => renderPlanIssue(i, zh));
    expect(looped).toContain('指标 L1：上级关系形成循环（L1 → L2）');
    p.indicators.splice(2, 2);
    const issues = validatePlan(p);
    expect(issues.map((i) => renderPlanIssue(i, zh))).toEqual([
      '组成部分 C：下级指标分值合计 90，应为 100（分组 G）',
    ]);
    expect(issues.map((i) => renderPlanIssue(i, en))).toEqual([
      'component C: children points sum to 90, not 100 (group G)',
    ]);
  });
  it('an unknown code reads as the code itself', () => {
    expect(renderPlanIssue({ code: 'nope', params: {} }, zh)).toBe('nope');
  });
});
