import type { NoticeAction, NoticeStatus } from '@jixiao/contracts';

/**
 * The life of a notice (S10, Z15), as a pure function:
 *
 *   filed ──route──▶ open ──acknowledge──▶ acknowledged ──answer──▶ answered ──close──▶ closed
 *                     │                       │                        │
 *                     └──────── escalate (serious delay → accountability proposal) ─▶ escalated
 *
 * Only observations start as `filed` (the office routes them to the unit first). A unit may answer
 * without a separate acknowledgement (answering acknowledges). The office may close a notice at any
 * point before it is closed or escalated, e.g. a reminder made moot by new data.
 */
const transitions: Record<NoticeAction, { from: readonly NoticeStatus[]; to: NoticeStatus }> = {
  route: { from: ['filed'], to: 'open' },
  acknowledge: { from: ['open'], to: 'acknowledged' },
  answer: { from: ['open', 'acknowledged'], to: 'answered' },
  close: { from: ['open', 'acknowledged', 'answered'], to: 'closed' },
  escalate: { from: ['open', 'acknowledged', 'answered'], to: 'escalated' },
};

/** Who performs an action: the unit (notices.answer) or the office (notices.issue). */
export const actionBy: Record<NoticeAction, 'unit' | 'office'> = {
  route: 'office',
  acknowledge: 'unit',
  answer: 'unit',
  close: 'office',
  escalate: 'office',
};

/** The next status, or null when the action is not allowed from `status`. */
export function nextStatus(status: NoticeStatus, action: NoticeAction): NoticeStatus | null {
  const t = transitions[action];
  return t.from.includes(status) ? t.to : null;
}

/** Actions possible from a status (for the UI's buttons). */
export const allowedActions = (status: NoticeStatus): NoticeAction[] =>
  (Object.keys(transitions) as NoticeAction[]).filter((a) => nextStatus(status, a) !== null);

/** Statuses still waiting for someone. */
export const isPending = (s: NoticeStatus) => s !== 'closed' && s !== 'escalated';
