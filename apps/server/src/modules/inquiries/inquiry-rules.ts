import { beijingDayEnd, type InquiryStatus } from '@jixiao/contracts';
import { type Moves, stateMachine } from '../../platform/state-machine.js';

/**
 * An inquiry's life (质询, S11) as data:
 *
 *   open ──answer──▶ answered ──close──▶ closed (with or without a deduction)
 *     │
 *     └─(deadline's Beijing day ends)─▶ overdue ──penalise──▶ penalised
 *
 * `overdue` is not stored: it is an open inquiry whose deadline has passed (`statusAt`), so the
 * unit cannot answer past the deadline whether or not the office has penalised it yet.
 * Pure: no clock, no database.
 */
export type InquiryAction = 'answer' | 'close' | 'penalise';
/** What is stored: the derived `overdue` never is. */
export type StoredInquiryStatus = Exclude<InquiryStatus, 'overdue'>;

const moves: Moves<InquiryStatus, InquiryAction> = {
  answer: { from: ['open'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
  penalise: { from: ['overdue'], to: 'penalised' },
};

export const inquiryStep = stateMachine('inquiry.state', moves);

/** The inquiry's status as people see it at `now`: an open one past its deadline is overdue. */
export function statusAt(i: { status: string; deadline: string }, now: Date): InquiryStatus {
  const s = i.status as InquiryStatus;
  return s === 'open' && now.getTime() > beijingDayEnd(i.deadline).getTime() ? 'overdue' : s;
}

/** An inquiry as the penalty rule reads it. */
export interface PenaltyCandidate {
  id: number;
  unitId: number;
  status: string;
  deadline: string;
}

export interface Penalty {
  inquiryId: number;
  unitId: number;
  points: number;
}

/**
 * The deductions due for inquiries left unanswered past their deadline at `now`: one per overdue
 * inquiry, of the plan's `unansweredPoints`. Inquiries already penalised (or answered, closed, still
 * in time) get none, so running it twice deducts once. Without the plan setting nothing is due.
 */
export function overduePenalties(
  inquiries: readonly PenaltyCandidate[],
  now: Date,
  setting: { unansweredPoints: number } | undefined,
): Penalty[] {
  const points = setting?.unansweredPoints;
  if (!(typeof points === 'number' && points > 0)) return [];
  return inquiries
    .filter((i) => statusAt(i, now) === 'overdue')
    .map((i) => ({ inquiryId: i.id, unitId: i.unitId, points }));
}

/** The deadline an expert gives must be a Beijing day after today's (the unit needs time to answer). */
export const deadlineInFuture = (deadline: string, today: string) => deadline > today;
