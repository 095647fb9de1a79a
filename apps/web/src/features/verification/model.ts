/** Pure helpers of the verification page. */
import type { VerificationMethod } from '@jixiao/contracts';

export const METHODS: VerificationMethod[] = ['on_site', 'work_slip', 'comprehensive'];

/** The method a check starts with: on-site for an item drawn by a sample, else comprehensive. */
export function defaultMethod(item: { sampleId: number | null }): VerificationMethod {
  return item.sampleId !== null ? 'on_site' : 'comprehensive';
}

export type VerdictProblem = 'result' | 'note' | 'correctionNote' | 'correctionOnFail' | 'correctionSame';

/**
 * What blocks recording a check: a failed check needs the reason sent to the unit; a pass with a
 * corrected value (核实值) needs the reason for the correction, and the value must differ from the
 * submitted one. A failed check carries no corrected value.
 */
export function verdictProblem(
  result: 'pass' | 'fail' | undefined,
  note: string,
  corrected: number | null = null,
  submitted: number | null = null,
): VerdictProblem | null {
  if (!result) return 'result';
  if (result === 'fail') {
    if (corrected !== null) return 'correctionOnFail';
    return note.trim() ? null : 'note';
  }
  if (corrected !== null) {
    if (submitted !== null && corrected === submitted) return 'correctionSame';
    if (!note.trim()) return 'correctionNote';
  }
  return null;
}

/** "原报 X → 核实 Y" of a check with a corrected value (null without one), numbers as the unit reads them. */
export function correctionChange(
  submitted: number | null,
  corrected: number | null,
  measureUnit?: string | null,
): { from: string; to: string } | null {
  if (corrected === null) return null;
  const fmt = (n: number | null) =>
    n === null ? '—' : `${String(Math.round(n * 1e6) / 1e6)}${measureUnit ? ` ${measureUnit}` : ''}`;
  return { from: fmt(submitted), to: fmt(corrected) };
}

/**
 * The drawn items of a sample, in drawing order, joined with what the queue knows of them; ids
 * the queue no longer holds (already verified) are kept with `item: null`.
 */
export function sampleRows<T extends { submission: { id: number } }>(
  submissionIds: readonly number[],
  items: readonly T[],
): { submissionId: number; item: T | null }[] {
  const byId = new Map(items.map((i) => [i.submission.id, i]));
  return submissionIds.map((id) => ({ submissionId: id, item: byId.get(id) ?? null }));
}

/** Totals over the counts table: per method and overall. */
export function countTotals(rows: readonly Record<VerificationMethod | 'total', number>[]) {
  const out = { on_site: 0, work_slip: 0, comprehensive: 0, total: 0 };
  for (const r of rows) {
    out.on_site += r.on_site;
    out.work_slip += r.work_slip;
    out.comprehensive += r.comprehensive;
    out.total += r.total;
  }
  return out;
}

/**
 * The value a check saw (原报): the last value submitted up to the check (the history, leaving out
 * the verification's own entry), else the submission's value.
 */
export function correctedFrom(
  d: {
    value: number | null;
    history: readonly { value: number | null; status: string; changedAt: string }[];
  },
  v: { verifiedAt: string },
): number | null {
  const at = Date.parse(v.verifiedAt);
  const before = d.history.filter(
    (h) => h.value !== null && h.status !== 'verified' && !(Date.parse(h.changedAt) > at),
  );
  return before.length ? before[before.length - 1]!.value : d.value;
}
