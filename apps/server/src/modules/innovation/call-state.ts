import { beijingDayEnd, type CallAction, type CallStatus } from '@jixiao/contracts';
import { type Moves, stateMachine } from '../../platform/state-machine.js';

/**
 * An innovation call's life as data (H10, issue 12 point 1):
 *
 *   draft ──open──▶ open ──close──▶ closed
 *                     └── (its deadline's Beijing day ends) ──▶ closed
 *
 * The office prepares a draft (title, categories, deadline), opens it to the units and may close
 * it early; an open call whose deadline has passed counts as closed without anyone acting
 * (`callStatusAt`). Units submit and edit projects only while it is open. Pure.
 */
export type CallMove = CallAction | 'edit' | 'editCategories' | 'apply' | 'assign';

const moves: Moves<CallStatus, CallMove> = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  /** The office changes the title or the deadline (e.g. extends it) before the call closes. */
  edit: { from: ['draft', 'open'] },
  /** Categories change only before units see them. */
  editCategories: { from: ['draft'] },
  /** A unit submits or changes a project. */
  apply: { from: ['open'] },
  /** The office assigns judges once units can see the call (again after late projects). */
  assign: { from: ['open', 'closed'] },
};

export const callStep = stateMachine('innovation.call_state', moves);

/** The status of a call at `now`: an open call whose deadline's Beijing day has ended is closed. */
export function callStatusAt(c: { status: string; deadline: string }, now: Date): CallStatus {
  const s = c.status as CallStatus;
  return s === 'open' && now.getTime() > beijingDayEnd(c.deadline).getTime() ? 'closed' : s;
}
