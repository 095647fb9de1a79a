import type { Direction, MethodSpec, ZeroDivisionOutcome } from '../plan/types';
import { type Step, step } from '../steps';
import type { ColumnIO, ColumnParams } from './column';

/** The inputs one unit has for one indicator in one period. NaN means "not supplied". */
export interface Cell {
  value: number;
  target: number;
  baseline: number;
  baseValue: number;
  peerValue: number;
  peerBaseValue: number;
  scores: readonly number[] | undefined;
}

export type CellField =
  | 'value'
  | 'target'
  | 'baseline'
  | 'baseValue'
  | 'peerValue'
  | 'peerBaseValue'
  | 'scores';

export interface MethodContext {
  /** Reported full score of this indicator for this unit (its points, or 100 in weighted mode). */
  scale: number;
  direction: Direction;
  dz: ZeroDivisionOutcome;
  /** Share of the year elapsed at the end of the evaluated period (pro-rata). */
  elapsed: number;
  /** Group statistics from prepare(), for group-relative methods. */
  stats: unknown;
}

/** Collects the explanation of one computation as steps (codes in ../steps.ts); null on the fast path. */
export interface Tracer {
  steps: Step[];
  vars: Record<string, number | string | null>;
  notes: Step[];
}

export function newTracer(): Tracer {
  return { steps: [], vars: {}, notes: [] };
}

/** Why a method divided by zero (the note's `cause`). */
export type ZeroDivisionCause =
  | 'reference'
  | 'target'
  | 'base'
  | 'peer_base'
  | 'peer_growth'
  | 'limits'
  | 'growth_target';

/**
 * The column form of a method: its per-cell rule (the same function its scalar `score` calls)
 * run over every item of one leaf in a loop of its own, so V8 inlines the rule and the loop stays
 * monomorphic. The evaluator calls it once per leaf (leaf-kernel.ts over all units, leaf-column.ts
 * over a list of units) and does the generic rest itself (kernels.ts, scatter.ts): full points,
 * missing-value policy, rounding, store, fold into the parent.
 */
export interface ColumnForm<S extends MethodSpec = MethodSpec> {
  /** Loop-invariant parameters of one leaf into kp (reused: no allocation per leaf). */
  setUp(spec: S, ctx: MethodContext, kp: ColumnParams, io: ColumnIO): void;
  /** Fractions of items [0, io.n) into io.out (NaN = missing). */
  run(kp: ColumnParams, io: ColumnIO): void;
}

export interface MethodDef<S extends MethodSpec = MethodSpec> {
  kind: S['kind'];
  /** Inputs the method reads (data generation, data-file checks, docs). */
  inputs: readonly CellField[];
  /** True when a unit's score depends on the other units in its scope (rank, efficacy, z-score). */
  groupRelative: boolean;
  /** Statistics over the present values of the scope. */
  prepare?(spec: S, values: number[], direction: Direction): unknown;
  /** Fraction of full points earned (may exceed 1 up to maxFraction); NaN = missing. */
  score(spec: S, c: Cell, ctx: MethodContext, tr: Tracer | null): number;
  /** The same rule over every item of a leaf (methods/column.ts); absent: one score() call per cell. */
  column?: ColumnForm<S>;
  maxFraction(spec: S): number;
  /** Problems with the parameters, as messages without the indicator code. */
  check(spec: S): string[];
}

export function newCell(): Cell {
  return {
    value: Number.NaN,
    target: Number.NaN,
    baseline: Number.NaN,
    baseValue: Number.NaN,
    peerValue: Number.NaN,
    peerBaseValue: Number.NaN,
    scores: undefined,
  };
}

/** The configured outcome of a division by zero; never NaN/Infinity unless it means "missing". */
export function zeroDivision(
  ctx: MethodContext,
  tr: Tracer | null,
  cause: ZeroDivisionCause,
  value: number | null = null,
): number {
  if (tr) tr.notes.push(step('note.division_by_zero', { cause, value, outcome: ctx.dz }));
  return ctx.dz === 'zero' ? 0 : ctx.dz === 'full' ? 1 : Number.NaN;
}

export function missing(tr: Tracer | null, field: CellField): number {
  if (tr) tr.notes.push(step('note.missing_input', { field }));
  return Number.NaN;
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export function nonNegative(name: string, v: number | undefined): string[] {
  return v !== undefined && !(Number.isFinite(v) && v >= 0) ? [`${name} must be a number ≥ 0`] : [];
}
