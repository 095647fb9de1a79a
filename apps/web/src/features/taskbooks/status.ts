import type { TaskBookStatusName } from '@jixiao/contracts';

/** The workflow's steps in order (W10, S4): 草稿 → 已提交 → 单位领导确认 → 牵头部门审核 → 已下达. */
export const STATUS_ORDER: readonly TaskBookStatusName[] = [
  'draft',
  'submitted',
  'confirmed',
  'reviewed',
  'issued',
];

export interface StepState {
  /** Index of the current step for antd Steps. */
  current: number;
  /** 'finish' when the book is issued (every step done), 'error' when returned to draft. */
  status: 'process' | 'finish' | 'error';
}

/**
 * Where a book stands on the five steps. A book returned to draft (it has a return reason) shows
 * the first step in error; an issued book shows all steps finished.
 */
export function statusStep(status: TaskBookStatusName, returnReason: string | null): StepState {
  const current = STATUS_ORDER.indexOf(status);
  if (status === 'issued') return { current, status: 'finish' };
  if (status === 'draft' && returnReason) return { current, status: 'error' };
  return { current, status: 'process' };
}

export const STATUS_COLORS: Record<TaskBookStatusName, string> = {
  draft: 'default',
  submitted: 'blue',
  confirmed: 'cyan',
  reviewed: 'gold',
  issued: 'green',
};

/** What awaits the actor in the review queue: confirmed books need review, reviewed books need issue. */
export function awaitingAction(
  status: TaskBookStatusName,
  perms: { review: boolean; issue: boolean },
): 'review' | 'issue' | null {
  if (status === 'confirmed' && perms.review) return 'review';
  if (status === 'reviewed' && perms.issue) return 'issue';
  return null;
}

/**
 * Field errors of a VALIDATION_FAILED body (`[{ field: 'parts[1].target', message }]`) grouped by
 * the row index of `list` (e.g. 'parts' or 'targets'); the first message per row wins.
 */
export function rowErrors(details: unknown, list: string): Map<number, { field: string; message: string }> {
  const out = new Map<number, { field: string; message: string }>();
  if (!Array.isArray(details)) return out;
  const re = new RegExp(`^${list}\\[(\\d+)\\]\\.?(.*)$`);
  for (const d of details) {
    if (!d || typeof d !== 'object') continue;
    const { field, message } = d as { field?: unknown; message?: unknown };
    if (typeof field !== 'string' || typeof message !== 'string') continue;
    const m = re.exec(field);
    if (!m) continue;
    const i = Number(m[1]);
    if (!out.has(i)) out.set(i, { field: m[2] ?? '', message });
  }
  return out;
}

/**
 * One proposed target of a change request, as shown on the task book. While the request is pending
 * the book still holds the old target, so the line reads `old → new`; once approved the book holds
 * the new one (and once rejected the old one may have moved since), so only `→ new` is shown.
 */
export function changeLine(
  proposed: { indicator: string; target: number | null },
  current: { name: string; target: number | null } | undefined,
  status: 'pending' | 'approved' | 'rejected',
): string {
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
  const head = `${proposed.indicator} ${current?.name ?? ''}`;
  return status === 'pending'
    ? `${head}: ${fmt(current?.target)} → ${fmt(proposed.target)}`
    : `${head}: → ${fmt(proposed.target)}`;
}
