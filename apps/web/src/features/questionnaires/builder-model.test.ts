import type { QuestionInput } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  freshCode,
  moved,
  newQuestion,
  presetOf,
  previewQuestions,
  problemsUnder,
  questionOf,
  scaleOfPreset,
} from './builder-model.js';

const rating: QuestionInput = {
  id: 'overall',
  type: 'rating',
  title: ' 总体评价 ',
  scale: {
    kind: 'labels',
    options: [
      { code: 'sat', label: '满意', value: 100 },
      { code: 'basic', label: '基本满意', value: 80 },
      { code: 'unsat', label: '不满意', value: 0 },
    ],
  },
};
const matrix: QuestionInput = {
  id: 'items',
  type: 'matrix',
  title: '重点工作',
  required: false,
  scored: true,
  scale: { kind: 'range', min: 1, max: 5 },
  rows: { source: 'work_items' },
};

describe('new questions and type changes', () => {
  it('gives the first unused id', () => {
    expect(freshCode([{ id: 'q1' }, { id: 'q3' }], 'q')).toBe('q2');
    expect(freshCode([], 'o')).toBe('o1');
    expect(newQuestion('text', [rating, { ...matrix, id: 'q1' }])).toEqual({
      id: 'q2',
      title: '',
      required: true,
      type: 'text',
      maxLength: 500,
    });
  });

  it('starts a rating on 满意 100 / 基本满意 80 / 不满意 0, scored', () => {
    const q = newQuestion('rating', []);
    expect(q).toMatchObject({ id: 'q1', type: 'rating', scored: true });
    expect(q.type === 'rating' && q.scale).toEqual({
      kind: 'labels',
      options: [
        { code: 'sat', label: '满意', value: 100 },
        { code: 'basic', label: '基本满意', value: 80 },
        { code: 'unsat', label: '不满意', value: 0 },
      ],
    });
  });

  it('keeps the title, required flag and scale when a rating becomes a matrix over the units', () => {
    expect(questionOf('matrix', { ...rating, required: false })).toEqual({
      id: 'overall',
      title: ' 总体评价 ',
      required: false,
      type: 'matrix',
      scale: (rating as { scale: unknown }).scale,
      scored: true,
      rows: { source: 'units' },
    });
  });

  it('keeps the options from single to multiple choice', () => {
    const single = questionOf('single', { id: 'q', title: 't', required: true });
    const options = [
      { code: 'a', label: '甲' },
      { code: 'b', label: '乙' },
    ];
    expect(questionOf('multiple', { ...single, options })).toEqual({
      id: 'q',
      title: 't',
      required: true,
      type: 'multiple',
      options,
    });
  });
});

describe('reordering and scale presets', () => {
  it('moves an item up and down, and leaves the list alone past its ends', () => {
    expect(moved(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c']);
  });

  it('names the picker choice of a scale and makes the scale of a choice', () => {
    expect(presetOf({ kind: 'range', min: 1, max: 5 })).toBe('r5');
    expect(presetOf({ kind: 'range', min: 1, max: 10 })).toBe('r10');
    expect(presetOf({ kind: 'range', min: 0, max: 100 })).toBe('range');
    const custom = { kind: 'range', min: 0, max: 100 } as const;
    expect(scaleOfPreset('r10', custom)).toEqual({ kind: 'range', min: 1, max: 10 });
    expect(scaleOfPreset('range', custom)).toBe(custom);
    expect(scaleOfPreset('range', { kind: 'labels', options: [] })).toEqual({
      kind: 'range',
      min: 0,
      max: 10,
    });
    expect(presetOf(scaleOfPreset('labels', custom))).toBe('labels');
  });
});

describe('checking a draft with the contract before saving', () => {
  it('gives the body to send: trimmed, defaults filled', () => {
    const r = checkDraft({ name: ' 服务对象调查 ', questions: [rating, matrix] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body.name).toBe('服务对象调查');
    expect(r.body.questions[0]).toMatchObject({ title: '总体评价', required: true, scored: true });
    expect(r.body.questions[1]).toEqual(matrix);
  });

  it('names each problem under its field', () => {
    const r = checkDraft({
      name: '',
      questions: [
        { ...rating, title: '  ' },
        { ...matrix, id: 'overall', scale: { kind: 'range', min: 5, max: 5 } },
        { id: 'pick', type: 'single', title: '选择', options: [{ code: 'a b', label: '甲' }] },
        { id: 'free', type: 'text', title: '意见', maxLength: 5000 },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual({
      name: { key: 'questionnaires.problem.empty', params: {} },
      'questions.0.title': { key: 'questionnaires.problem.empty', params: {} },
      'questions.1.id': { key: 'questionnaires.problem.duplicateId', params: {} },
      'questions.1.scale.max': { key: 'questionnaires.problem.maxAboveMin', params: {} },
      'questions.2.options': { key: 'questionnaires.problem.fewItems', params: { min: 2 } },
      'questions.2.options.0.code': { key: 'questionnaires.problem.codeChars', params: {} },
      'questions.3.maxLength': { key: 'questionnaires.problem.max', params: { max: 2000 } },
    });
  });

  it('reports a repeated id and a range whose max is not above its min', () => {
    const r = checkDraft({
      name: '表',
      questions: [rating, { ...matrix, id: 'overall', scale: { kind: 'range', min: 5, max: 5 } }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual({
      'questions.1.id': { key: 'questionnaires.problem.duplicateId', params: {} },
      'questions.1.scale.max': { key: 'questionnaires.problem.maxAboveMin', params: {} },
    });
    expect(problemsUnder(r.problems, 'questions.1')).toEqual({
      id: { key: 'questionnaires.problem.duplicateId', params: {} },
      'scale.max': { key: 'questionnaires.problem.maxAboveMin', params: {} },
    });
  });

  it('wants at least one question', () => {
    const r = checkDraft({ name: '表', questions: [] });
    expect(!r.ok && r.problems).toEqual({
      questions: { key: 'questionnaires.problem.fewItems', params: { min: 1 } },
    });
  });
});

describe('the phone preview', () => {
  it('fills matrix rows from the sample units or work items, and shows the rest as it is', () => {
    const units = [{ code: 'U1', label: '甲局' }];
    const workItems = [{ code: 'W1', label: '重点工作一' }];
    const qs = previewQuestions([rating, matrix, { ...matrix, id: 'u', rows: { source: 'units' } }], {
      units,
      workItems,
    });
    expect(qs[0]).toMatchObject({ id: 'overall', required: true });
    expect(qs[1]).toMatchObject({ rows: [{ code: 'W1', label: '重点工作一' }], required: false });
    expect(qs[2]).toMatchObject({ rows: [{ code: 'U1', label: '甲局', unit: 'U1' }] });
  });
});
