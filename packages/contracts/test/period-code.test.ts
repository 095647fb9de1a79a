import { parsePeriod } from '@jixiao/engine';
import { describe, expect, it } from 'vitest';
import { periodCode, progressQuery } from '../src/index.js';

// Period codes have one definition, the engine's (issue 9 point 4): the contracts validate with it.
describe('period codes in the contracts', () => {
  const codes = [
    '2026-M01',
    '2026-M12',
    '2026-Q4',
    '2026-H2',
    '2026-Y',
    '2026-M13',
    '2026-M1',
    '2026-Q5',
    '26-Y',
    '2026-H3',
  ];

  it('accept exactly what the engine parses', () => {
    for (const c of codes) expect(periodCode.safeParse(c).success, c).toBe(parsePeriod(c) !== null);
  });

  it('take only months where a month is asked (progress)', () => {
    expect(progressQuery.safeParse({ period: '2026-M06' }).success).toBe(true);
    expect(progressQuery.safeParse({ period: '2026-Q2' }).success).toBe(false);
    expect(progressQuery.safeParse({ period: '2026-M00' }).success).toBe(false);
  });
});
