/** Pure helpers of the verification page. */
import type { VerificationMethod } from '@jixiao/contracts';

export const METHODS: VerificationMethod[] = ['on_site', 'work_slip', 'comprehensive'];

/** The method a check starts with: on-site for an item drawn by a sample, else comprehensive. */
export function defaultMethod(item: { sampleId: number | null }): VerificationMethod {
  return item.sampleId !== null ? 'on_site' : 'comprehensive';
}

/** What blocks recording a check: a failed check needs the reason sent to the unit. */
export function verdictProblem(result: 'pass' | 'fail' | undefined, note: string): 'result' | 'note' | null {
  if (!result) return 'result';
  if (result === 'fail' && !note.trim()) return 'note';
  return null;
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
