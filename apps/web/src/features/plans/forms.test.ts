import { dictKeys } from '@jixiao/contracts';
import type { Plan } from '@jixiao/engine';
import { planOf } from '@jixiao/engine/testing';
import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../i18n/resources.js';
import {
  byScopeRows,
  codeOptions,
  defaultMethod,
  fromPct,
  issueSection,
  issuesAt,
  joinMethod,
  listAdd,
  listMove,
  listRemove,
  nextCode,
  nonEmpty,
  parseExtra,
  parseNumberList,
  renameCode,
  rowsToByScope,
  scopeOptions,
  sectionCounts,
  setIn,
  splitMethod,
  toPct,
} from './forms.js';
import type { RowIssue } from './tree.js';

const plan = (): Plan =>
  planOf({
    id: 'p',
    name: 'P',
    categories: [
      { code: 'B', name: '政府口' },
      { code: 'C', name: '垂管' },
    ],
    groups: [
      { code: 'B', name: '政府口', category: 'B' },
      { code: 'B1', name: '综合', category: 'B', parent: 'B' },
      { code: 'C1', name: 'C1', category: 'C' },
    ],
    components: [{ code: 'target', name: '目标', points: 50, pointsBy: { B1: 40, C: 45 } }],
    indicators: [
      {
        code: 'T1',
        name: 't1',
        component: 'target',
        points: 50,
        pointsBy: { B1: 40 },
        appliesTo: { groups: ['B1'] },
      },
    ],
    grades: {
      levels: [
        { code: 'a', name: 'A', color: '#000' },
        { code: 'b', name: 'B', color: '#111' },
        { code: 'c', name: 'C', color: '#222' },
      ],
    },
    rankings: [{ code: 'top', name: '二十佳', groups: ['B1', 'C1'], categories: ['C'] }],
    awards: [{ code: 'a20', name: '二十佳', ranking: 'top', top: 20 }],
    constraints: [{ kind: 'min_share', share: 0.3, components: ['target'], label: 'x' }],
  });

describe('path edits', () => {
  it('sets a nested value immutably, creating objects, and removes emptied keys', () => {
    const p = plan();
    const q = setIn(p, ['rounding', 'decimals'], 3);
    expect(q.rounding).toEqual({ decimals: 3 });
    expect(p.rounding).toBeUndefined();
    expect(setIn(q, ['rounding', 'decimals'], undefined).rounding).toEqual({});
    expect(setIn(p, ['description'], '').description).toBeUndefined();
    expect(setIn(p, ['grades', 'levels', 1, 'name'], '良').grades.levels.map((l) => l.name)).toEqual([
      'A',
      '良',
      'C',
    ]);
  });

  it('adds, removes and moves list entries', () => {
    const p = plan();
    expect(listAdd(p, ['bonus', 'sources'], { code: 'x', name: 'X' }).bonus).toEqual({
      sources: [{ code: 'x', name: 'X' }],
    });
    expect(listRemove(p, ['grades', 'levels'], 0).grades.levels.map((l) => l.code)).toEqual(['b', 'c']);
    expect(listMove(p, ['grades', 'levels'], 2, -1).grades.levels.map((l) => l.code)).toEqual([
      'a',
      'c',
      'b',
    ]);
    expect(listMove(p, ['grades', 'levels'], 0, -1)).toBe(p);
    expect(listMove(p, ['grades', 'levels'], 2, 1)).toBe(p);
  });

  it('finds a free code', () => {
    expect(nextCode(['G1', 'G2', 'G4'], 'G')).toBe('G3');
    expect(nextCode([], 'level')).toBe('level1');
  });
});

describe('renames keep references', () => {
  it('renames a group in parents, per-group amounts, appliesTo and rankings', () => {
    const q = renameCode(plan(), 'group', 'B1', 'BX');
    expect(q.groups.map((g) => g.code)).toEqual(['B', 'BX', 'C1']);
    expect(q.components[0]!.pointsBy).toEqual({ BX: 40, C: 45 });
    expect(q.indicators[0]!.pointsBy).toEqual({ BX: 40 });
    expect(q.indicators[0]!.appliesTo).toEqual({ groups: ['BX'] });
    expect(q.rankings![0]!.groups).toEqual(['BX', 'C1']);
    const r = renameCode(plan(), 'group', 'B', 'G');
    expect(r.groups[1]!.parent).toBe('G');
    expect(r.groups[1]!.category).toBe('B');
  });

  it('renames a category, a component and a ranking', () => {
    const c = renameCode(plan(), 'category', 'C', 'D');
    expect(c.groups[2]!.category).toBe('D');
    expect(c.components[0]!.pointsBy).toEqual({ B1: 40, D: 45 });
    expect(c.rankings![0]!.categories).toEqual(['D']);
    const k = renameCode(plan(), 'component', 'target', 'goal');
    expect(k.indicators[0]!.component).toBe('goal');
    expect(k.constraints![0]!.components).toEqual(['goal']);
    expect(renameCode(plan(), 'ranking', 'top', 'top20').awards![0]!.ranking).toBe('top20');
  });
});

describe('per-scope amounts and shares', () => {
  it('converts pointsBy to rows and back, dropping incomplete rows', () => {
    expect(byScopeRows({ B1: 40, C: 45 })).toEqual([
      { scope: 'B1', amount: 40 },
      { scope: 'C', amount: 45 },
    ]);
    expect(
      rowsToByScope([
        { scope: 'A', amount: 10 },
        { scope: '', amount: 3 },
        { scope: 'C', amount: null },
      ]),
    ).toEqual({
      A: 10,
    });
    expect(rowsToByScope([])).toBeUndefined();
  });

  it('offers groups, then categories not already a group code', () => {
    expect(scopeOptions(plan()).map((o) => o.value)).toEqual(['B', 'B1', 'C1', 'C']);
  });

  it('labels coded entries "code · name" and leaves an empty multi-choice out', () => {
    expect(codeOptions([{ code: 'B1', name: '区县' }])).toEqual([{ value: 'B1', label: 'B1 · 区县' }]);
    expect(nonEmpty([])).toBeUndefined();
    expect(nonEmpty(['A'])).toEqual(['A']);
  });

  it('shows shares as percentages without binary noise', () => {
    expect(toPct(0.3)).toBe(30);
    expect(toPct(0.07)).toBe(7);
    expect(fromPct(30)).toBe(0.3);
    expect(fromPct(null)).toBeUndefined();
  });
});

describe('method forms', () => {
  it('splits known parameters from the rest and joins them back', () => {
    const s = splitMethod({ kind: 'completion', excessRate: 0.5, excessCap: 0.2, future: 1 } as never);
    expect(s).toEqual({
      kind: 'completion',
      known: { excessRate: 0.5, excessCap: 0.2 },
      extra: { future: 1 },
    });
    expect(
      joinMethod('completion', { excessRate: 0.5, below: undefined, reference: '' }, { future: 1 }),
    ).toEqual({
      kind: 'completion',
      future: 1,
      excessRate: 0.5,
    });
  });

  it('lets typed values win over raw JSON of the same key, and drops empty lists', () => {
    expect(joinMethod('rank', { table: [], floor: 0.5 }, { floor: 0.9, kind: 'x' })).toEqual({
      kind: 'rank',
      floor: 0.5,
    });
  });

  it('fills the required parameters of a new method', () => {
    expect(defaultMethod('bands')).toEqual({
      kind: 'bands',
      breakpoints: [
        [0, 0],
        [100, 1],
      ],
      interpolate: true,
    });
    expect(defaultMethod('total_growth')).toEqual({ kind: 'total_growth', totalShare: 0.4 });
    expect(defaultMethod('efficacy')).toEqual({ kind: 'efficacy', limits: 'group' });
    expect(defaultMethod('manual')).toEqual({ kind: 'manual' });
  });

  it('parses the raw JSON box and rank tables', () => {
    expect(parseExtra('')).toEqual({ ok: true, value: {} });
    expect(parseExtra('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseExtra('[1]')).toEqual({ ok: false });
    expect(parseExtra('{a')).toEqual({ ok: false });
    expect(parseNumberList(['1', '0.9', 'x', ' 0.8 ', 0.7])).toEqual([1, 0.9, 0.8, 0.7]);
  });
});

describe('issues by section', () => {
  const issue = (path: string): RowIssue => ({
    ref: null,
    path,
    code: 'format',
    params: {},
    severity: 'error',
  });
  it('routes a path to its tab', () => {
    expect(issueSection('grades.levels[2]')).toBe('grades');
    expect(issueSection('groups[1].parent')).toBe('structure');
    expect(issueSection('components')).toBe('structure');
    expect(issueSection('indicators[3].method')).toBe('tree');
    expect(issueSection('awards[0]')).toBe('rankings');
    expect(issueSection('consequences[2].n')).toBe('consequences');
    expect(issueSection('veto.freedQuota')).toBe('settings');
    expect(issueSection('constraints[0]')).toBe('settings');
    expect(issueSection('')).toBe('settings');
  });

  it('selects issues at or below a path, not siblings with a longer name', () => {
    const list = [
      issue('rankings[1]'),
      issue('rankings[10]'),
      issue('bonus.cap'),
      issue('bonus.capx'),
      issue('bonus'),
      issue('consequences[0].n'),
    ];
    expect(issuesAt(list, 'rankings[1]').map((i) => i.path)).toEqual(['rankings[1]']);
    expect(issuesAt(list, 'bonus.cap').map((i) => i.path)).toEqual(['bonus.cap']);
    expect(issuesAt(list, 'bonus').map((i) => i.path)).toEqual(['bonus.cap', 'bonus.capx', 'bonus']);
    expect(sectionCounts(list)).toEqual({
      settings: 3,
      structure: 0,
      grades: 0,
      rankings: 2,
      consequences: 1,
      tree: 0,
    });
  });
});

describe('plan editor strings', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(dictKeys(en.plansEditor).sort()).toEqual(dictKeys(zhCN.plansEditor).sort());
  });
});
