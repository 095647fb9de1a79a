import { type ScopeParams, schemas } from './types';

/**
 * What efficacy and z-score share: each grades a unit against the other units of its scope on a
 * scale of 100, and the grade d, clamped to `clamp`, earns f = d / 100.
 */
export interface GradeParams extends ScopeParams {
  /** Clamp of d (each method says its lower default; the upper one is 100). */
  clamp?: [number, number];
}

/** The schema of GradeParams. */
export const gradeSchema = { clamp: schemas.pair, scope: schemas.scope } as const;

/** The most a grade earns: the top of its clamp (default 100) / 100. */
export function gradeMaxFraction(s: GradeParams): number {
  return (s.clamp ? s.clamp[1] : 100) / 100;
}
