import type { Notice } from '@jixiao/contracts';

export type UiAction = 'route' | 'acknowledge' | 'answer' | 'close' | 'escalate';

/**
 * The buttons a user gets on a notice: the same state machine as the server
 * (modules/notices/notice-state.ts), split by who acts — the unit (notices.answer) or the office (notices.issue).
 */
export function actionsFor(status: Notice['status'], perms: readonly string[]): UiAction[] {
  const out: UiAction[] = [];
  const unit = perms.includes('notices.answer');
  const office = perms.includes('notices.issue');
  if (office && status === 'filed') out.push('route');
  if (unit && status === 'open') out.push('acknowledge');
  if (unit && (status === 'open' || status === 'acknowledged')) out.push('answer');
  if (office && ['open', 'acknowledged', 'answered'].includes(status)) out.push('close', 'escalate');
  return out;
}

export const statusColor: Record<Notice['status'], string> = {
  filed: 'purple',
  open: 'red',
  acknowledged: 'orange',
  answered: 'blue',
  closed: 'default',
  escalated: 'magenta',
};
