import { DEFAULT_RUBRIC, type ProjectResult } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import {
  byCategory,
  codedIssues,
  criterionPoints,
  cutBy,
  issueKey,
  judgingCall,
  liveTotal,
  NEXT_ACTION,
  panelText,
  rubricIssues,
  translatedIssues,
  weightsPct,
} from './scoring.js';

describe('the scoring view model', () => {
  it('a judge’s live total is the rubric’s: 24 + 35 + 20 points → 79 (docs/innovation-scoring.md §1)', () => {
    expect(liveTotal(DEFAULT_RUBRIC, { novelty: 24, effect: 35, reach: 20 })).toEqual({
      score: 79,
      issues: [],
    });
    // Two 1–10 criteria weighted 0.5 each, 8 and 5.5 → 38.89 + 25 = 63.89.
    const tenPoint = {
      criteria: [
        { code: 'a', name: 'A', weight: 0.5, min: 1, max: 10 },
        { code: 'b', name: 'B', weight: 0.5, min: 1, max: 10 },
      ],
      total: 100,
      decimals: 2,
    };
    expect(liveTotal(tenPoint, { a: 8, b: 5.5 }).score).toBe(63.89);
  });

  it('no total while a criterion is empty; out of range is said at its criterion', () => {
    expect(liveTotal(DEFAULT_RUBRIC, { novelty: 24, effect: null })).toEqual({ score: null, issues: [] });
    expect(liveTotal(DEFAULT_RUBRIC, { novelty: 31, effect: 35, reach: 20 })).toEqual({
      score: null,
      issues: [
        {
          path: 'scores.novelty',
          code: 'out_of_range',
          params: { criterion: 'novelty', value: 31, min: 0, max: 30 },
        },
      ],
    });
  });

  it('reads the coded problems of a refusal, in a list or alone, and skips junk', () => {
    expect(
      codedIssues([{ path: 'scores.reach', code: 'out_of_range', params: { value: 40 } }, null, { nope: 1 }]),
    ).toEqual([{ path: 'scores.reach', code: 'out_of_range', params: { value: 40 } }]);
    expect(codedIssues({ code: 'innovation.score_locked', params: { stage: 'closed' } })).toEqual([
      { path: '', code: 'innovation.score_locked', params: { stage: 'closed' } },
    ]);
    expect(codedIssues(undefined)).toEqual([]);
  });

  it('a bare engine code and an innovation code read from the same texts', () => {
    expect(issueKey('weights_sum')).toBe('innovation.error.weights_sum');
    expect(issueKey('innovation.rubric_locked')).toBe('innovation.error.rubric_locked');
    const t = (k: string, o?: Record<string, unknown>) => `${k}:${JSON.stringify(o)}`;
    expect(translatedIssues(t, [{ path: 'rubric.total', code: 'total', params: { value: 0 } }])).toEqual([
      { path: 'rubric.total', message: 'innovation.error.total:{"value":0,"defaultValue":"total"}' },
    ]);
  });

  it('the rubric editor checks with the engine, under rubric.', () => {
    const bad = { ...DEFAULT_RUBRIC, criteria: [{ ...DEFAULT_RUBRIC.criteria[0]!, weight: 0.5 }] };
    expect(rubricIssues(bad).map((i) => `${i.path} ${i.code}`)).toEqual(['rubric.criteria weights_sum']);
    expect(rubricIssues(DEFAULT_RUBRIC)).toEqual([]);
    expect(weightsPct(DEFAULT_RUBRIC.criteria)).toBe(100);
    expect(weightsPct([{ weight: 0.1 }, { weight: 0.2 }])).toBe(30);
    expect(criterionPoints(100, 0.3)).toBe(30);
  });

  it('the chair’s next step follows the stage; none once closed', () => {
    expect(NEXT_ACTION).toEqual({ waiting: 'present', presenting: 'score', scoring: 'close', closed: null });
  });

  it('results read by category, the cap’s cut, and a panel without names', () => {
    const r = (projectId: number, category: string) =>
      ({ projectId, category, categoryName: category.toUpperCase() }) as ProjectResult;
    expect(
      byCategory([r(1, 'a'), r(2, 'b'), r(3, 'a')]).map((g) => [g.name, g.rows.map((x) => x.projectId)]),
    ).toEqual([
      ['A', [1, 3]],
      ['B', [2]],
    ]);
    expect(cutBy({ earned: 0.8, points: 0.5 })).toBe(0.3);
    expect(cutBy({ earned: 1, points: 1 })).toBe(0);
    const anon = (n: number) => `评委${n}`;
    expect(
      panelText(
        [
          { judge: null, raw: 79 },
          { judge: null, raw: 88 },
        ],
        anon,
      ),
    ).toBe('评委1 79、评委2 88');
    expect(panelText([{ judge: { name: '林教授' }, raw: 79 }], anon)).toBe('林教授 79');
  });

  it('a judge scores the call in the address, else the latest year’s', () => {
    const ps = [
      { callId: 1, year: 2025 },
      { callId: 2, year: 2026 },
    ];
    expect(judgingCall(ps)).toBe(2);
    expect(judgingCall(ps, 1)).toBe(1);
    expect(judgingCall(ps, 9)).toBe(2);
    expect(judgingCall([])).toBeUndefined();
  });
});
