import { describe, expect, it } from 'vitest';
import { losesLeadAuthority, rateDepartment } from './rating-rules.js';
import { overdue, rectificationStep } from './rectification-state.js';
import { runWeaknesses } from './weaknesses.js';

describe('rectification state machine', () => {
  it('the unit reports (again and again), the office closes or sends back a reported task', () => {
    expect(rectificationStep('open', 'report')).toEqual({ ok: true, to: 'reported' });
    expect(rectificationStep('reported', 'report')).toEqual({ ok: true, to: 'reported' });
    expect(rectificationStep('returned', 'report')).toEqual({ ok: true, to: 'reported' });
    expect(rectificationStep('reported', 'return')).toEqual({ ok: true, to: 'returned' });
    expect(rectificationStep('reported', 'close')).toEqual({ ok: true, to: 'closed' });
  });
  it('refuses closing an unreported or closed task, and any report on a closed one', () => {
    expect(rectificationStep('open', 'close')).toEqual({
      ok: false,
      code: 'rectification.state',
      params: { status: 'open', action: 'close' },
    });
    expect(rectificationStep('closed', 'close').ok).toBe(false);
    expect(rectificationStep('closed', 'report').ok).toBe(false);
    expect(rectificationStep('returned', 'return').ok).toBe(false);
  });
  it('is overdue once the Beijing deadline day has ended, unless closed', () => {
    const t = { status: 'open', deadline: '2026-03-05' };
    // 2026-03-05 24:00 Beijing = 2026-03-05 16:00 UTC.
    expect(overdue(t, new Date('2026-03-05T15:59:59Z'))).toBe(false);
    expect(overdue(t, new Date('2026-03-05T16:00:00Z'))).toBe(true);
    expect(overdue({ ...t, status: 'closed' }, new Date('2026-04-01T00:00:00Z'))).toBe(false);
  });
});

describe('weaknesses of a run', () => {
  const node = (code: string, parent: string | null, score: number | null, full: number) => ({
    code,
    name: code,
    kind: 'indicator' as const,
    parent,
    score,
    full,
  });
  it('leaf indicators that lost more than the share; parents, unscored and pointless ones are left out', () => {
    const units = [
      {
        unit: 'A01',
        indicators: [
          node('T1.1', 'T1', 6, 10), // lost 40 %
          node('T1.2', 'T1', 9, 10), // lost 10 %
          node('T1', 'C1', 15, 20), // a parent: its children say where
          node('T2', 'C1', null, 30), // left out
          node('T3', 'C1', 0, 0), // nothing to lose
          { ...node('C1', null, 15, 50), kind: 'component' as const },
        ],
      },
      { unit: 'A02', indicators: [node('T1.1', 'T1', 8, 10), node('T1', 'C1', 8, 10)] }, // exactly 20 %: not more
    ];
    expect(runWeaknesses(units, 0.2)).toEqual([
      { unit: 'A01', indicator: 'T1.1', name: 'T1.1', score: 6, full: 10, lostShare: 0.4 },
    ]);
    expect(runWeaknesses(units, 0.05).map((w) => `${w.unit}/${w.indicator}`)).toEqual([
      'A01/T1.1',
      'A01/T1.2',
      'A02/T1.1',
    ]);
  });
});

describe('rating a lead department (S14)', () => {
  it('means per criterion and overall, poor below the threshold (hand-computed)', () => {
    const r = rateDepartment(
      [
        { method: 70, procedure: 70, discipline: 70, fairness: 70 },
        { method: 60, procedure: 80, discipline: 70, fairness: 90 },
        { method: 95, procedure: 71, discipline: 80, fairness: 60 },
      ],
      80,
    );
    // method 225/3 = 75, procedure 221/3 = 73.67, discipline 220/3 = 73.33, fairness 220/3 = 73.33;
    // overall 886/12 = 73.83.
    expect(r).toEqual({
      raters: 3,
      means: { method: 75, procedure: 73.67, discipline: 73.33, fairness: 73.33 },
      overall: 73.83,
      poor: true,
    });
    expect(rateDepartment([{ method: 80, procedure: 80, discipline: 80, fairness: 80 }], 80).poor).toBe(
      false,
    );
  });
  it('no raters: no means, not poor', () => {
    expect(rateDepartment([], 80)).toEqual({
      raters: 0,
      means: { method: null, procedure: null, discipline: null, fairness: null },
      overall: null,
      poor: false,
    });
  });
  it('two poor years running lose the lead authority', () => {
    expect(losesLeadAuthority(true, true)).toBe(true);
    expect(losesLeadAuthority(true, false)).toBe(false);
    expect(losesLeadAuthority(false, true)).toBe(false);
  });
});
