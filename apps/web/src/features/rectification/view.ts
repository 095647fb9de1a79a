import type { RectificationStatus, RectificationTask } from '@jixiao/contracts';

/** How a rectification task reads: pure, tested alone. */

export const STATUS_COLOR: Record<RectificationStatus, string> = {
  open: 'processing',
  reported: 'warning',
  returned: 'error',
  closed: 'success',
};

/**
 * The weakness as an i18n key and its parameters: `rectification.weakness.result` →
 * `rectification.weaknesses.result`, with shares as percentages (0.2 → 20).
 */
export function weaknessText(w: RectificationTask['weakness']): {
  key: string;
  params: Record<string, unknown>;
} {
  const kind = w.code.replace(/^rectification\.weakness\./, '');
  const pct = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 10 : v);
  const params: Record<string, unknown> = Object.fromEntries(
    Object.entries(w.params).map(([k, v]) => [k, v === null || v === undefined || v === '' ? '—' : v]),
  );
  for (const k of ['lostShare', 'minLostShare']) if (k in params) params[k] = pct(params[k]);
  return { key: `rectification.weaknesses.${kind}`, params };
}

/** The row's look: red when overdue. */
export const rowClass = (t: Pick<RectificationTask, 'overdue'>) => (t.overdue ? 'rectification-overdue' : '');

/** Tomorrow-plus-`days` as a Beijing day (the dialogs' default deadline). */
export function dayAfter(now: Date, days: number): string {
  return new Date(now.getTime() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
