import { describe, expect, it } from 'vitest';
import { beijingDayAfter, lineFlag } from './view.js';

const line = (over: Partial<Parameters<typeof lineFlag>[0]>) => ({
  indicator: 'T1',
  name: '任务',
  measureUnit: null,
  target: 100,
  baseline: null,
  value: 100,
  period: '2026-Y',
  submissionStatus: 'verified',
  evidence: [
    {
      id: 1,
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: 1,
      sha256: 'x',
      uploadedAt: '',
      uploadedBy: null,
    },
  ],
  ...over,
});

describe('lineFlag', () => {
  it('flags a missing value, a value below its target, and a value without evidence, in that order', () => {
    expect(lineFlag(line({ value: null }))).toBe('no_value');
    expect(lineFlag(line({ value: 90 }))).toBe('below_target');
    expect(lineFlag(line({ value: 90, evidence: [] }))).toBe('below_target');
    expect(lineFlag(line({ evidence: [] }))).toBe('no_evidence');
    expect(lineFlag(line({}))).toBeNull();
    expect(lineFlag(line({ target: null, value: 5 }))).toBeNull();
  });
});

describe('beijingDayAfter', () => {
  it('counts Beijing days (UTC+8)', () => {
    expect(beijingDayAfter(new Date('2026-12-07T15:59:00Z'), 7)).toBe('2026-12-14');
    expect(beijingDayAfter(new Date('2026-12-07T16:00:00Z'), 7)).toBe('2026-12-15');
  });
});
