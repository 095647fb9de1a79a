import { describe, expect, it } from 'vitest';
import { deadlineInFuture, inquiryStep, overduePenalties, statusAt } from './inquiry-rules.js';

// Beijing is UTC+8: the day 2026-12-10 ends at 2026-12-10T15:59:59.999Z.
const beforeEnd = new Date('2026-12-10T15:59:59.000Z');
const afterEnd = new Date('2026-12-10T16:00:00.000Z');

describe('inquiry state machine', () => {
  it('open → answered → closed; open → overdue → penalised', () => {
    expect(inquiryStep('open', 'answer')).toEqual({ ok: true, to: 'answered' });
    expect(inquiryStep('answered', 'close')).toEqual({ ok: true, to: 'closed' });
    expect(inquiryStep('overdue', 'penalise')).toEqual({ ok: true, to: 'penalised' });
  });
  it('refuses the other steps with a code naming the state and the action', () => {
    expect(inquiryStep('overdue', 'answer')).toEqual({
      ok: false,
      code: 'inquiry.state',
      params: { status: 'overdue', action: 'answer' },
    });
    expect(inquiryStep('open', 'close').ok).toBe(false);
    expect(inquiryStep('open', 'penalise').ok).toBe(false);
    expect(inquiryStep('closed', 'close').ok).toBe(false);
    expect(inquiryStep('penalised', 'penalise').ok).toBe(false);
    expect(inquiryStep('answered', 'answer').ok).toBe(false);
  });
});

describe('statusAt', () => {
  it('an open inquiry is overdue once its Beijing day has ended', () => {
    const i = { status: 'open', deadline: '2026-12-10' };
    expect(statusAt(i, beforeEnd)).toBe('open');
    expect(statusAt(i, afterEnd)).toBe('overdue');
  });
  it('answered, closed and penalised ones keep their status past the deadline', () => {
    for (const status of ['answered', 'closed', 'penalised'])
      expect(statusAt({ status, deadline: '2026-12-10' }, afterEnd)).toBe(status);
  });
});

describe('overduePenalties', () => {
  const inquiries = [
    { id: 1, unitId: 10, status: 'open', deadline: '2026-12-10' }, // overdue after the day ends
    { id: 2, unitId: 10, status: 'open', deadline: '2026-12-11' }, // still in time
    { id: 3, unitId: 11, status: 'answered', deadline: '2026-12-01' }, // answered in time
    { id: 4, unitId: 11, status: 'penalised', deadline: '2026-12-01' }, // penalised before: not again
    { id: 5, unitId: 12, status: 'open', deadline: '2026-12-09' }, // overdue
    { id: 6, unitId: 12, status: 'closed', deadline: '2026-12-01' },
  ];
  it('one deduction of the plan’s points per overdue inquiry', () => {
    expect(overduePenalties(inquiries, afterEnd, { unansweredPoints: 0.5 })).toEqual([
      { inquiryId: 1, unitId: 10, points: 0.5 },
      { inquiryId: 5, unitId: 12, points: 0.5 },
    ]);
  });
  it('on the deadline day itself nothing is due for it yet', () => {
    expect(overduePenalties(inquiries, beforeEnd, { unansweredPoints: 1 })).toEqual([
      { inquiryId: 5, unitId: 12, points: 1 },
    ]);
  });
  it('once penalised, a second run finds nothing more', () => {
    const after = inquiries.map((i) => (i.id === 1 || i.id === 5 ? { ...i, status: 'penalised' } : i));
    expect(overduePenalties(after, afterEnd, { unansweredPoints: 1 })).toEqual([]);
  });
  it('without the plan setting (or with a non-positive one) nothing is deducted', () => {
    expect(overduePenalties(inquiries, afterEnd, undefined)).toEqual([]);
    expect(overduePenalties(inquiries, afterEnd, { unansweredPoints: 0 })).toEqual([]);
  });
});

describe('deadlineInFuture', () => {
  it('a deadline must be after today (Beijing days compare as text)', () => {
    expect(deadlineInFuture('2026-12-11', '2026-12-10')).toBe(true);
    expect(deadlineInFuture('2026-12-10', '2026-12-10')).toBe(false);
    expect(deadlineInFuture('2026-11-30', '2026-12-10')).toBe(false);
  });
});
