import { describe, expect, it } from 'vitest';
import { ballotScore, checkBallot, resolveQuestions } from './survey-ballot.js';
import { questionnaireBody, satisfactionScale } from './surveys.js';

const labels = satisfactionScale;
const base = questionnaireBody.parse([
  { id: 'q1', type: 'rating', title: '总体满意度', scale: labels },
  { id: 'q2', type: 'rating', title: '办事效率', scale: { kind: 'range', min: 1, max: 5 } },
  {
    id: 'q3',
    type: 'single',
    title: '办事渠道',
    options: [
      { code: 'online', label: '网上' },
      { code: 'hall', label: '大厅' },
    ],
  },
  {
    id: 'q4',
    type: 'multiple',
    title: '改进方向',
    maxChoices: 2,
    options: [
      { code: 'a', label: '效率' },
      { code: 'b', label: '态度' },
      { code: 'c', label: '公开' },
    ],
  },
  { id: 'q5', type: 'text', title: '意见建议', required: false, maxLength: 10 },
  {
    id: 'q6',
    type: 'matrix',
    title: '各单位评价',
    scale: { kind: 'range', min: 1, max: 10 },
    rows: { source: 'units' },
  },
]);
// The group rates 甲局 (A) and 乙局 (B): q6 gets one row each, scoring that unit.
const qs = resolveQuestions(base, {
  units: [
    { code: 'A', label: '甲局' },
    { code: 'B', label: '乙局' },
  ],
  workItems: [],
});
const good = { q1: 'basic', q2: 4, q3: 'online', q4: ['a', 'c'], q6: { A: 10, B: 1 } };

describe('checkBallot', () => {
  it('collects scored answers per rated unit on 0–100', () => {
    const r = checkBallot(qs, good, 'U');
    expect(r.problems).toEqual([]);
    // q1 基本满意 = 80, q2 4 on 1–5 = 75 → the ballot's own unit U scores (80 + 75) / 2 = 77.5.
    expect(r.scores.get('U')).toEqual([80, 75]);
    expect(ballotScore(r.scores.get('U')!)).toBe(77.5);
    // q6 rates A with 10 of 1–10 = 100 and B with 1 = 0.
    expect(r.scores.get('A')).toEqual([100]);
    expect(r.scores.get('B')).toEqual([0]);
  });

  it('names every problem by code, question and row', () => {
    const r = checkBallot(
      qs,
      {
        q1: 'great',
        q2: 6,
        q3: 'mail',
        q4: ['a', 'b', 'c'],
        q5: '这条意见超过了十个字的长度',
        q6: { A: 3, Z: 2 },
        q9: 1,
      },
      'U',
    );
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { code: 'survey.unknown_question', params: { question: 'q9' } },
        { code: 'survey.unknown_option', params: { question: 'q1', option: 'great', row: undefined } },
        { code: 'survey.out_of_range', params: { question: 'q2', row: undefined, min: 1, max: 5 } },
        { code: 'survey.unknown_option', params: { question: 'q3', option: 'mail' } },
        { code: 'survey.too_many_choices', params: { question: 'q4', max: 2 } },
        { code: 'survey.too_long', params: { question: 'q5', max: 10 } },
        { code: 'survey.unknown_row', params: { question: 'q6', row: 'Z' } },
        { code: 'survey.required', params: { question: 'q6', row: 'B' } },
      ]),
    );
    expect(r.problems).toHaveLength(8);
  });

  it('a missing required answer is refused; an optional one is not', () => {
    const { q1: _, ...rest } = good;
    expect(checkBallot(qs, rest, 'U').problems).toEqual([
      { code: 'survey.required', params: { question: 'q1' } },
    ]);
    expect(checkBallot(qs, { ...good, q5: '' }, 'U').problems).toEqual([]);
  });

  it('a wrong answer type is refused rather than coerced', () => {
    const r = checkBallot(
      qs,
      { ...good, q2: '4', q4: 'a', q6: [1] as unknown as Record<string, number> },
      'U',
    );
    expect(r.problems.map((p) => [p.code, p.params.question])).toEqual([
      ['survey.wrong_type', 'q2'],
      ['survey.wrong_type', 'q4'],
      ['survey.wrong_type', 'q6'],
    ]);
  });
});

describe('questionnaireBody', () => {
  it('refuses duplicate ids and an empty range', () => {
    const r = questionnaireBody.safeParse([
      { id: 'q1', type: 'rating', title: 'x', scale: { kind: 'range', min: 5, max: 5 } },
      { id: 'q1', type: 'text', title: 'y' },
    ]);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['0.scale.max', '1.id']);
  });
});
