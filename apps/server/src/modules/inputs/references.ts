import type { ValueInput } from '@jixiao/engine';

/** Whether a value input carries a reference figure: a target, baseline, base or peer value, or expert scores. */
export const hasReference = (v: ValueInput) =>
  [v.target, v.baseline, v.baseValue, v.peerValue, v.peerBaseValue].some(
    (x) => x !== undefined && x !== null,
  ) || (v.scores?.length ?? 0) > 0;

/** The reference figures of a value input as a reference row stores them (null where absent). */
export const referenceFigures = (v: ValueInput) => ({
  target: v.target ?? null,
  baseline: v.baseline ?? null,
  baseValue: v.baseValue ?? null,
  peerValue: v.peerValue ?? null,
  peerBaseValue: v.peerBaseValue ?? null,
  scores: v.scores?.length ? v.scores : null,
});
