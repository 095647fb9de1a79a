import { dictTranslate } from '@jixiao/contracts';
import type { Plan } from '@jixiao/engine';
import { planOf } from '@jixiao/engine/testing';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/index.js';
import { translation } from '../../i18n/resources.js';
import {
  allRowKeys,
  buildPlanTree,
  fromEngineIssues,
  fromServerIssues,
  indexIssues,
  issueRowKey,
  issuesFromDetails,
  issueText,
  methodParams,
  type ParamTranslate,
} from './tree.js';

const plan = (): Plan =>
  planOf({
    id: 'p',
    name: 'P',
    components: [
      { code: 'target', name: '目标', points: 60 },
      { code: 'social', name: '社会', points: 40 },
    ],
    indicators: [
      {
        code: 'T1',
        name: '任务',
        component: 'target',
        points: 30,
        pointsBy: { A: 25 },
        method: { kind: 'completion' },
      },
      { code: 'T2', name: '重点', component: 'target', points: 30, key: true },
      {
        code: 'T21',
        name: '重点一',
        parent: 'T2',
        points: 30,
        method: { kind: 'completion', excessRate: 0.2 },
        subItems: [
          { code: 'K1', name: '一', points: 10 },
          { code: 'K2', name: '二', points: 20, method: { kind: 'manual' } },
        ],
      },
      { code: 'S1', name: '满意度', component: 'social', points: 40, method: { kind: 'satisfaction' } },
      { code: 'X1', name: '孤立', component: 'nowhere', points: 1 },
    ],
    grades: { levels: [] },
  });

describe('buildPlanTree', () => {
  it('nests components → indicators → child indicators → sub-items in plan order', () => {
    const rows = buildPlanTree(plan());
    expect(rows.map((r) => r.key)).toEqual(['c:target', 'c:social', 'i:X1']);
    const target = rows[0]!;
    expect(target.amount).toBe(60);
    expect(target.children?.map((r) => r.key)).toEqual(['i:T1', 'i:T2']);
    const t2 = target.children![1]!;
    expect(t2.keyWork).toBe(true);
    const t21 = t2.children![0]!;
    expect(t21.children?.map((r) => r.key)).toEqual(['s:T21.K1', 's:T21.K2']);
    expect(t21.children![0]).toMatchObject({ methodInherited: true, method: { kind: 'completion' } });
    expect(t21.children![1]).toMatchObject({ method: { kind: 'manual' } });
    expect(t21.children![1]!.methodInherited).toBeUndefined();
    expect(t21.children![1]!.ref).toEqual({ level: 'sub_item', index: 2, subIndex: 1 });
  });

  it('shows per-group overrides and unplaced indicators', () => {
    const rows = buildPlanTree(plan());
    expect(rows[0]!.children![0]!.by).toEqual({ A: 25 });
    expect(rows[2]).toMatchObject({ code: 'X1', orphan: true });
  });

  it('uses weights in weighted mode', () => {
    const p = plan();
    p.scoring = 'weighted';
    p.components[0]!.weight = 0.7;
    expect(buildPlanTree(p)[0]!.amount).toBe(0.7);
    expect(buildPlanTree(p)[1]!.amount).toBeUndefined();
  });

  it('survives a parent cycle without recursing forever', () => {
    const p = plan();
    p.indicators.push(
      { code: 'Y1', name: 'y1', parent: 'Y2', points: 1 },
      { code: 'Y2', name: 'y2', parent: 'Y1', points: 1 },
    );
    const keys = allRowKeys(buildPlanTree(p));
    expect(keys).toContain('i:Y1');
    expect(keys).toContain('i:Y2');
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('issue-to-row mapping', () => {
  it('maps by JSON path first, then by the named code', () => {
    const p = plan();
    const at = (path: string, ref: string | null = null) =>
      issueRowKey({ ref, path, code: 'format', params: {}, severity: 'error' }, p);
    expect(at('indicators[0].method')).toBe('i:T1');
    expect(at('indicators[2].subItems[1].method')).toBe('s:T21.K2');
    expect(at('components[1]')).toBe('c:social');
    expect(at('indicators', 'T2')).toBe('i:T2');
    expect(at('indicators[x]', 'T21.K1')).toBe('s:T21.K1');
    expect(at('components', 'target')).toBe('c:target');
    expect(at('grades.levels')).toBeNull();
    expect(at('indicators[99]', 'nope')).toBeNull();
  });

  it('indexes engine and server issues by row, plan-level ones apart', () => {
    const p = plan();
    const issues = [
      ...fromEngineIssues([
        { code: 'missing_method', path: 'indicators[1]', indicator: 'T2', params: { indicator: 'T2' } },
        { code: 'grades_levels', path: 'grades.levels', params: {} },
      ]),
      ...fromServerIssues([
        {
          code: 'missing_owner',
          path: 'indicators[1].owner',
          indicator: 'T2',
          params: { indicator: 'T2' },
          severity: 'error',
        },
      ]),
    ];
    const idx = indexIssues(issues, p);
    expect(idx.byRow.get('i:T2')?.map((i) => i.code)).toEqual(['missing_method', 'missing_owner']);
    expect(idx.general.map((i) => i.code)).toEqual(['grades_levels']);
  });
});

/** A translate function with no labels at all: every name and value falls back to the plan file's. */
const bare: ParamTranslate = (key, opts) =>
  key === 'methodParams.item' ? `${opts?.name} ${opts?.value}` : String(opts?.defaultValue ?? key);
const zh = dictTranslate(translation('zh-CN')) as ParamTranslate;

describe('methodParams', () => {
  it('lists key parameters without the kind (unlabelled: as the plan file names them)', () => {
    expect(methodParams({ kind: 'completion', reference: 'baseline', excessRate: 0.2 }, bare)).toEqual([
      'reference baseline',
      'excessRate 0.2',
    ]);
    expect(
      methodParams(
        {
          kind: 'bands',
          interpolate: true,
          breakpoints: [
            [60, 0.6],
            [95, 1],
          ],
        },
        bare,
      ),
    ).toEqual(['interpolate true', 'breakpoints 60→0.6, 95→1']);
    expect(methodParams({ kind: 'efficacy', limits: { worst: 0, best: 10 } }, bare)).toEqual(['limits 0–10']);
    expect(methodParams(undefined, bare)).toEqual([]);
  });
  it('in Chinese: names and enum values through i18n', () => {
    expect(methodParams({ kind: 'completion', below: 'linear', excessRate: 0.2 }, zh)).toEqual([
      '未达参照 按比例得分',
      '超额加分率 0.2',
    ]);
    expect(methodParams({ kind: 'pro_rata', basis: 'month' }, zh)).toEqual(['序时 按月']);
    expect(methodParams({ kind: 'efficacy', limits: 'group', clamp: [60, 100], scope: 'group' }, zh)).toEqual(
      ['不允许值–满意值 按范围内最差、最好值', '限定在 [60, 100]', '统计范围 本组'],
    );
    expect(methodParams({ kind: 'bands', interpolate: true, breakpoints: [[60, 0.6]] }, zh)).toEqual([
      '分段插值 是',
      '分档 60→0.6',
    ]);
  });
});

describe('issuesFromDetails', () => {
  it('reads server issues from an array or { issues }, and skips junk', () => {
    const issue = {
      code: 'missing_owner',
      path: 'indicators[0].owner',
      indicator: 'T1',
      params: { indicator: 'T1' },
      severity: 'error',
    };
    const row = {
      ref: 'T1',
      path: 'indicators[0].owner',
      code: 'missing_owner',
      params: { indicator: 'T1' },
    };
    expect(issuesFromDetails([issue, null, { nope: 1 }])).toEqual([{ ...row, severity: 'error' }]);
    expect(issuesFromDetails({ issues: [{ ...issue, indicator: null, severity: 'warning' }] })).toEqual([
      { ...row, ref: null, severity: 'warning' },
    ]);
    // a plan file's problem (import) has a code of its own; an unknown code or prose is skipped
    expect(
      issuesFromDetails([
        { path: 'file', line: 3, code: 'file.yaml', params: { line: 3, detail: 'x' } },
        { code: 'mystery', path: 'x', params: {} },
        { path: 'x', message: 'prose' },
      ]).map((i) => i.code),
    ).toEqual(['file.yaml']);
    expect(issuesFromDetails('boom')).toEqual([]);
  });
  it('renders an issue in the current language through its template', () => {
    // The app's own i18next instance, as the editor's IssueText, IssueList and tree tooltips use it.
    const zhT = i18n.getFixedT('zh-CN') as unknown as ParamTranslate;
    const enT = i18n.getFixedT('en') as unknown as ParamTranslate;
    const i = { code: 'method.scale_positive', params: { indicator: 'T1', method: 'manual' } };
    expect(issueText(i, zhT)).toBe('指标 T1（人工评分）：评分量程须大于 0');
    expect(issueText(i, enT)).toBe('indicator T1 (Manual score): scale must be > 0');
    const many = { code: 'sub_item_limit', params: { indicator: 'S2', count: 21, limit: 20 } };
    expect(issueText(many, zhT)).toBe('指标 S2：子项 21 个，超过上限 20 个（H5）');
    const file = { code: 'file.yaml', params: { line: 3, detail: 'bad indentation' } };
    expect(issueText(file, zhT)).toBe('第 3 行：YAML 格式错误（bad indentation）');
  });
});
