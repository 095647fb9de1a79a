import type { Direction, StatsScope, ZeroDivisionOutcome } from '../plan/basics';
import { type MethodIssue, type MethodIssueCode, methodIssue } from '../plan/issue-codes';
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
export interface ColumnForm<S extends SpecBase = SpecBase> {
  /** Loop-invariant parameters of one leaf into kp (reused: no allocation per leaf). */
  setUp(spec: S, ctx: MethodContext, kp: ColumnParams, io: ColumnIO): void;
  /** Fractions of items [0, io.n) into io.out (NaN = missing). */
  run(kp: ColumnParams, io: ColumnIO): void;
}

/** What every method's parameters have: the method's kind, its key in the registry. */
export interface SpecBase {
  kind: string;
}

/** A piece of JSON Schema (draft 2020-12). */
export type JsonSchema = { readonly [keyword: string]: unknown };

/**
 * The JSON Schema of a spec's parameters besides `kind`: docs/plan.schema.json's `$defs.method`
 * is generated from these (plan/method-schema.ts; `npm run plan-schema` writes the file).
 */
export interface SpecSchema {
  required?: readonly string[];
  properties: Readonly<Record<string, JsonSchema>>;
}

/**
 * One method: its parameters (`S`, declared in the method's file; plan/types.ts's `MethodSpec` is
 * the union over the registry), their schema and checks, its arithmetic and explanation, and the
 * made-up inputs of test data. docs/plan-format.md §5.1 shows a whole one.
 */
export interface MethodDef<S extends SpecBase = SpecBase> {
  kind: S['kind'];
  /** The spec's parameters as JSON Schema (structural; `check` says the rest). */
  schema: SpecSchema;
  /** The one direction the method makes sense with (validation says so otherwise). */
  direction?: Direction;
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
  /**
   * Problems with the parameters as codes and params (plan/issue-codes.ts `method.*`); the caller
   * adds the indicator, the method kind and the path.
   */
  check(spec: S): MethodIssue[];
  /** Plausible inputs of one unit (templates/generate.ts: demo and test data). */
  sample(spec: S, draw: SampleDraw): SampleCell;
}

/** What test data generation drew for one unit and indicator (templates/generate.ts). */
export interface SampleDraw {
  direction: Direction;
  /** A target between 100 and 1000. */
  target: number;
  /** How well the unit does here, around 0.8–1.1 (1 = reaches the target). */
  perf: number;
  /** The unit's random stream, for anything more (deterministic per seed). */
  rnd: () => number;
  /** Share of the year elapsed at the end of the period. */
  elapsed: number;
  /** The indicator's full points for the unit. */
  full: number;
}

/** A generated cell: the input fields the method reads. */
export type SampleCell = Partial<Record<Exclude<CellField, 'scores'>, number>> & { scores?: number[] };

/** A made-up number as entered: two decimals. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A value for methods that score against the other units (rank, efficacy, z-score): 70–100 or so. */
export function sampleGroupRelative({ direction, perf }: SampleDraw): SampleCell {
  return { value: round2(direction === 'higher' ? 70 + 25 * perf : 130 - 25 * perf) };
}

/** Parameters of a score entered on a scale (satisfaction, manual, expert panel). */
export interface ScaleParams {
  /** The scale the value is entered on (each method says its default). */
  scale?: number;
}

export const scaleSchema = { scale: { type: 'number', exclusiveMinimum: 0 } } as const;

export function checkScale(s: ScaleParams): MethodIssue[] {
  return s.scale !== undefined && !(s.scale > 0) ? [methodIssue('method.scale_positive', {})] : [];
}

/** Parameters of a group-relative method (rank, efficacy, z-score). */
export interface ScopeParams {
  /** The units compared: the unit's group (default), its category, or all. */
  scope?: StatsScope;
}

/** Schema fragments the methods' parameters share. */
export const schemas = {
  number: { type: 'number' },
  nonNegative: { type: 'number', minimum: 0 },
  fraction: { type: 'number', minimum: 0, maximum: 1 },
  scope: { $ref: '#/$defs/scope' },
  pair: {
    type: 'array',
    prefixItems: [{ type: 'number' }, { type: 'number' }],
    minItems: 2,
    maxItems: 2,
  },
  below: { enum: ['linear', 'zero'] },
} as const satisfies Record<string, JsonSchema>;

/** A required parameter that takes one of a few words: its name, schema and check, from the one list. */
export interface Choice {
  name: string;
  schema: JsonSchema;
  check(value: unknown): MethodIssue[];
}

/** The Choices there are, each with its issue code (the template names the words). */
const CHOICE_ISSUES = {
  mode: 'method.mode_choice',
  sigma: 'method.sigma_choice',
  basis: 'method.basis_choice',
} as const satisfies Record<string, MethodIssueCode>;

/** The Choice of `name` among `words` (benchmark's mode, z-score's sigma, pro-rata's basis). */
export function choice<W extends string>(name: keyof typeof CHOICE_ISSUES, words: readonly W[]): Choice {
  const problem = methodIssue(CHOICE_ISSUES[name], {});
  return {
    name,
    schema: { enum: words },
    check: (value) => ((words as readonly unknown[]).includes(value) ? [] : [problem]),
  };
}

/** The schema of a spec whose parameters are `choice` (required) and `properties`. */
export function withChoice(choice: Choice, properties: SpecSchema['properties']): SpecSchema {
  return { required: [choice.name], properties: { [choice.name]: choice.schema, ...properties } };
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

/** A parameter that must be a number ≥ 0 when given: the issue `code` otherwise. */
export function nonNegative(code: MethodIssueCode, v: number | undefined): MethodIssue[] {
  return v !== undefined && !(Number.isFinite(v) && v >= 0) ? [methodIssue(code, {} as never)] : [];
}
