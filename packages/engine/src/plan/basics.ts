/**
 * The plan's smallest terms, imported by the scoring methods and by the plan model alike. This
 * module imports nothing: plan/types.ts reads the method specs from the method registry, so what
 * the methods need from the plan lives here, below both (no import cycle).
 */

export type Direction = 'higher' | 'lower';
export type RoundingMode = 'half_up' | 'half_even' | 'down';
/** Outcome of a division by zero (zero target, zero peer growth, equal limits): 0 points, full points, or "missing". */
export type ZeroDivisionOutcome = 'zero' | 'full' | 'missing';
/** Scope of group-relative methods: the unit's group (default), its category, or every unit. */
export type StatsScope = 'group' | 'category' | 'all';
