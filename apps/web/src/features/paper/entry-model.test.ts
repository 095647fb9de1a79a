import { type ResolvedQuestion, satisfactionScale } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { entryFields, readField, sheetAnswers, typedOf } from './entry-model.js';

const questions: ResolvedQuestion[] = [
  { id: 'overall', type: 'rating', title: '总体', required: true, scored: true, scale: satisfactionScale },
  {
    id: 'speed',
    type: 'rating',
    title: '效率',
    required: true,
    scored: true,
    scale: { kind: 'range', min: 1, max: 5 },
  },
  {
    id: 'ways',
    type: 'multiple',
    title: '渠道',
    required: false,
    options: [
      { code: 'web', label: '网上' },
      { code: 'hall', label: '大厅' },
      { code: 'phone', label: '电话' },
    ],
  },
  {
    id: 'units',
    type: 'matrix',
    title: '各单位',
    required: true,
    scored: true,
    scale: satisfactionScale,
    rows: [
      { code: 'u1', label: '一号局', unit: 'u1' },
      { code: 'u2', label: '二号局', unit: 'u2' },
    ],
  },
  { id: 'advice', type: 'text', title: '建议', required: false, maxLength: 100 },
];

describe('keyboard entry of a paper sheet', () => {
  it('has one field per question and per matrix row, in sheet order', () => {
    expect(entryFields(questions).map((f) => f.key)).toEqual([
      'overall',
      'speed',
      'ways',
      'units.u1',
      'units.u2',
      'advice',
    ]);
  });

  it('reads an option by its number on the sheet, a range as its value, choices as digits', () => {
    expect(readField(questions[0]!, '2')).toEqual({ ok: true, value: 'basic' }); // 1 满意, 2 基本满意, 3 不满意
    expect(readField(questions[0]!, '4')).toEqual({ ok: false });
    expect(readField(questions[1]!, '5')).toEqual({ ok: true, value: 5 });
    expect(readField(questions[1]!, '6')).toEqual({ ok: false });
    expect(readField(questions[2]!, '31')).toEqual({ ok: true, value: ['phone', 'web'] });
    expect(readField(questions[4]!, ' 多开窗口 ')).toEqual({ ok: true, value: '多开窗口' });
    expect(readField(questions[0]!, '')).toEqual({ ok: true, value: undefined });
  });

  it('turns a typed sheet into answers and back', () => {
    const fields = entryFields(questions);
    const typed = { overall: '1', speed: '4', ways: '2', 'units.u1': '3', 'units.u2': '1', advice: '' };
    const { answers, unreadable } = sheetAnswers(fields, typed);
    expect(unreadable).toEqual([]);
    expect(answers).toEqual({ overall: 'sat', speed: 4, ways: ['hall'], units: { u1: 'unsat', u2: 'sat' } });
    expect(typedOf(fields, answers)).toEqual({
      overall: '1',
      speed: '4',
      ways: '2',
      'units.u1': '3',
      'units.u2': '1',
    });
    expect(sheetAnswers(fields, { ...typed, overall: '9' }).unreadable).toEqual(['overall']);
  });
});
