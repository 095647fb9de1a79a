import { beijingDayEnd, type RectificationStatus } from '@jixiao/contracts';
import { type Moves, stateMachine } from '../../platform/state-machine.js';

/**
 * A rectification task's life as data (issue 11 point 8):
 *
 *   open ──report──▶ reported ──close──▶ closed
 *                     │  ▲ report (again)
 *                   return (with a reason)
 *                     ▼  │
 *                   returned ──report──▶ reported
 *
 * The unit reports progress (several reports allowed, each with a percent); the office closes a
 * reported task or sends it back. Overdue is not a state: it is derived from the deadline (`overdue`).
 * Pure: no clock, no database.
 */
export type RectificationAction = 'report' | 'close' | 'return';

const moves: Moves<RectificationStatus, RectificationAction> = {
  report: { from: ['open', 'reported', 'returned'], to: 'reported' },
  close: { from: ['reported'], to: 'closed' },
  return: { from: ['reported'], to: 'returned' },
};

/** Who takes each step: the unit reports; the office closes and sends back. */
export const stepBy: Record<RectificationAction, 'unit' | 'office'> = {
  report: 'unit',
  close: 'office',
  return: 'office',
};

export const rectificationStep = stateMachine('rectification.state', moves);

/** A task is overdue once its deadline's Beijing day has ended and it is not closed. */
export const overdue = (t: { status: string; deadline: string }, now: Date) =>
  t.status !== 'closed' && now.getTime() > beijingDayEnd(t.deadline).getTime();
