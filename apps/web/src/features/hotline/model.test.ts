import { describe, expect, it } from 'vitest';
import { formatProblem, rejectedProblems } from '../imports/problems.js';
import { importProblem } from '../imports/test-fixtures.js';
import { defaultMonth, feedsToSave, feedTargets, HOTLINE_WORDS, pct, sourceText } from './model.js';

const t = (k: string, p?: Record<string, string | number>) =>
  p && Object.keys(p).length ? `${k}${JSON.stringify(p)}` : k;
/** A hotline file's problem: a timely rate out of range on line 3. */
const rateProblem = importProblem({
  line: 3,
  field: 'timelyRate',
  code: 'rate_out_of_range',
  params: { value: '120' },
  message: '',
});

describe('hotline page model', () => {
  it('names its own columns and problems, the import’s for the rest', () => {
    expect(formatProblem(t, rateProblem, HOTLINE_WORDS)).toBe(
      'imports.where.cell{"line":3,"column":"hotline.fields.timelyRate"}imports.where.sephotline.problem.rate_out_of_range{"value":"120"}',
    );
    expect(
      formatProblem(
        t,
        { ...rateProblem, field: 'unit', code: 'unknown_unit', params: { unit: 'x' } },
        HOTLINE_WORDS,
      ),
    ).toBe(
      'imports.where.cell{"line":3,"column":"imports.column.unit"}imports.where.sepimports.problem.unknown_unit{"unit":"x"}',
    );
  });

  it('reads a 400 with hotline problems as line errors', () => {
    const err = { code: 'VALIDATION_FAILED', details: [rateProblem] };
    expect(rejectedProblems(err)).toBeNull();
    expect(rejectedProblems(err, HOTLINE_WORDS)).toHaveLength(1);
  });

  it('offers leaves and sub-items', () => {
    const doc = {
      indicators: [
        { code: 'A', name: '甲' },
        { code: 'A1', name: '甲一', parent: 'A' },
        { code: 'B', name: '乙', subItems: [{ code: 'K1', name: '一' }] },
      ],
    };
    expect(feedTargets(doc)).toEqual([
      { code: 'A1', name: '甲一' },
      { code: 'B.K1', name: '乙 · 一' },
    ]);
  });

  it('saves chosen feeds and refuses an indicator fed twice', () => {
    expect(
      feedsToSave([
        { field: 'timelyRate', indicator: 'A1' },
        { field: 'volume', indicator: null },
      ]),
    ).toEqual({ feeds: [{ field: 'timelyRate', indicator: 'A1' }], twice: null });
    expect(
      feedsToSave([
        { field: 'timelyRate', indicator: 'A1' },
        { field: 'satisfaction', indicator: 'A1' },
      ]).twice,
    ).toBe('A1');
    expect(pct(92.5)).toBe('92.5%');
    expect(defaultMonth(2026, new Date(2026, 2, 5))).toBe('2026-M03');
    expect(sourceText('api:12345热线')).toEqual({ key: 'hotline.sourceApi', params: { name: '12345热线' } });
    expect(sourceText('file').key).toBe('hotline.sourceFile');
    expect(defaultMonth(2025, new Date(2026, 2, 5))).toBe('2025-M12');
  });
});
