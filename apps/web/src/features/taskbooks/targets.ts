/** Pure helpers of a task book's targets (the form keeps edits as inputs, keyed by indicator). */
import type { TaskTarget, TaskTargetInput } from '@jixiao/contracts';

/** A stored target as the input the save call takes. */
export const inputOf = (t: TaskTarget): TaskTargetInput => ({
  indicator: t.indicator,
  target: t.target,
  baseline: t.baseline,
  measureUnit: t.measureUnit,
  note: t.note,
});

/** Two inputs say the same (a blank baseline, unit or note equals a missing one). */
export const same = (a: TaskTargetInput, b: TaskTargetInput) =>
  a.target === b.target &&
  (a.baseline ?? null) === (b.baseline ?? null) &&
  (a.measureUnit ?? '') === (b.measureUnit ?? '') &&
  (a.note ?? '') === (b.note ?? '');

/** A number of a target table; a missing one as "—". */
export const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
