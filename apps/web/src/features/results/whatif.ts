/** Pure helpers of the what-if panel: compare a re-evaluation with the stored result. */
import { eventCreate } from '@jixiao/contracts';
import { type EvaluationInput, VALUE_FIELDS, type ValueField, type ValueInput } from '@jixiao/engine';
import { z } from 'zod';
import { withQuery } from '../../shared/api.js';

export interface Standing {
  unit: string;
  name?: string;
  group: string;
  total: number;
  rank: number;
  grade: { code: string; name: string; color: string } | null;
}

export interface StandingDelta {
  unit: string;
  name: string;
  group: string;
  before: Standing | null;
  after: Standing | null;
  /** after.total − before.total (rounded to 2 decimals). */
  dTotal: number;
  /** Places moved up (positive) or down (negative): before.rank − after.rank. */
  dRank: number;
  gradeChanged: boolean;
}

/** Δ per unit, for the units of `group` (or all), sorted by the new rank; changed units first is up to the caller. */
export function computeDeltas(
  before: readonly Standing[],
  after: readonly Standing[],
  group?: string,
): StandingDelta[] {
  const b = new Map(before.map((s) => [s.unit, s]));
  const a = new Map(after.map((s) => [s.unit, s]));
  const codes = [...new Set([...b.keys(), ...a.keys()])];
  return codes
    .map((unit) => {
      const x = b.get(unit) ?? null;
      const y = a.get(unit) ?? null;
      return {
        unit,
        name: y?.name ?? x?.name ?? unit,
        group: y?.group ?? x?.group ?? '',
        before: x,
        after: y,
        dTotal: x && y ? Math.round((y.total - x.total) * 100) / 100 : 0,
        dRank: x && y ? x.rank - y.rank : 0,
        gradeChanged: !!x && !!y && (x.grade?.code ?? null) !== (y.grade?.code ?? null),
      };
    })
    .filter((d) => group === undefined || d.group === group)
    .sort(
      (p, q) =>
        (p.after?.rank ?? Number.MAX_SAFE_INTEGER) - (q.after?.rank ?? Number.MAX_SAFE_INTEGER) ||
        p.unit.localeCompare(q.unit),
    );
}

/** Units whose total, rank or grade changed. */
export function movedOnly(deltas: readonly StandingDelta[]): StandingDelta[] {
  return deltas.filter((d) => d.dTotal !== 0 || d.dRank !== 0 || d.gradeChanged);
}

/** One what-if change: an input field of a unit's indicator, or an added bonus or deduction. */
export type WhatIfChange =
  | { type: 'value'; unit: string; indicator: string; field: ValueField; value: number | null }
  | { type: 'bonus'; unit: string; source: string; points: number; reason?: string }
  | { type: 'deduction'; unit: string; points: number; reason: string; indicator?: string };

/** The input fields a what-if may change: the engine's value fields. */
export { VALUE_FIELDS, type ValueField };

/** The input with the changes applied in order; the original is not modified. */
export function applyChanges(input: EvaluationInput, changes: readonly WhatIfChange[]): EvaluationInput {
  const values = input.values.map((v) => ({ ...v }));
  const bonuses = [...(input.bonuses ?? [])];
  const deductions = [...(input.deductions ?? [])];
  for (const c of changes) {
    if (c.type === 'value') {
      let row: ValueInput | undefined = values.find((v) => v.unit === c.unit && v.indicator === c.indicator);
      if (!row) {
        row = { unit: c.unit, indicator: c.indicator };
        values.push(row);
      }
      row[c.field] = c.value;
    } else if (c.type === 'bonus') {
      bonuses.push({
        unit: c.unit,
        source: c.source,
        points: c.points,
        ...(c.reason ? { reason: c.reason } : {}),
      });
    } else {
      deductions.push({
        unit: c.unit,
        points: c.points,
        reason: c.reason,
        ...(c.indicator ? { indicator: c.indicator } : {}),
      });
    }
  }
  return { ...input, values, bonuses, deductions };
}

/** The current value of a field in the input (after earlier changes), or null. */
export function currentValue(
  input: Pick<EvaluationInput, 'values'>,
  unit: string,
  indicator: string,
  field: ValueField,
): number | null {
  const v = input.values.find((x) => x.unit === unit && x.indicator === indicator)?.[field];
  return typeof v === 'number' ? v : null;
}

// --- direction of a rank change ----------------------------------------------------------------

export interface PlacesMoved {
  dir: 'up' | 'down' | 'same';
  /** Places moved, without sign. */
  n: number;
  /** ↑2 rose two places, ↓1 fell one, — unchanged. */
  text: string;
}

/** Δ名次 with its direction: `dRank` is before.rank − after.rank (positive = rose). */
export function placesMoved(dRank: number): PlacesMoved {
  if (!dRank) return { dir: 'same', n: 0, text: '—' };
  return dRank > 0
    ? { dir: 'up', n: dRank, text: `↑${dRank}` }
    : { dir: 'down', n: -dRank, text: `↓${-dRank}` };
}

// --- a simulation stays a simulation: kept per user in this browser -----------------------------

export interface SimulationScope {
  user: string;
  planId: number;
  period: string;
  runId: number;
}

/** localStorage key of one user's simulation of one run. */
export const simulationKey = (s: SimulationScope) =>
  `jixiao.whatif.${encodeURIComponent(s.user)}.${s.planId}.${s.period}.${s.runId}`;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/** A change as kept in the store: anything else read back is not a change and is dropped. */
const keptChange = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('value'),
    unit: z.string(),
    indicator: z.string(),
    field: z.enum(VALUE_FIELDS),
    value: z.number().nullable().catch(null),
  }),
  z.object({
    type: z.literal('bonus'),
    unit: z.string(),
    source: z.string(),
    points: z.number().positive(),
    reason: z.string().optional().catch(undefined),
  }),
  z.object({
    type: z.literal('deduction'),
    unit: z.string(),
    points: z.number().positive(),
    reason: z.string().refine((r) => r.trim() !== ''),
    indicator: z.string().optional().catch(undefined),
  }),
]);

/** The changes kept under a key; anything unreadable is dropped (never throws). */
export function readSimulation(raw: string | null): WhatIfChange[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((v): WhatIfChange[] => {
      const c = keptChange.safeParse(v);
      return c.success ? [c.data] : [];
    });
  } catch {
    return [];
  }
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function loadSimulation(store: KeyValueStore | undefined, scope: SimulationScope): WhatIfChange[] {
  try {
    return readSimulation(store?.getItem(simulationKey(scope)) ?? null);
  } catch {
    return [];
  }
}

/** Keeps the changes (or forgets them when there are none); storage errors only lose the copy. */
export function keepSimulation(
  store: KeyValueStore | undefined,
  scope: SimulationScope,
  changes: readonly WhatIfChange[],
) {
  try {
    if (changes.length === 0) store?.removeItem(simulationKey(scope));
    else store?.setItem(simulationKey(scope), JSON.stringify(changes));
  } catch {
    // private mode or a full store: the simulation lasts for this page only
  }
}

// --- a simulated deduction, and the way to make it a real event ---------------------------------

export interface DeductionDraft {
  points: number | null | undefined;
  reason: string | null | undefined;
}

/**
 * What is wrong with a simulated deduction, as i18n keys: the same bounds as a real deduction
 * event (contracts `eventCreate`: points > 0 and ≤ 1000, a reason of 1–2000 characters).
 */
export function deductionProblems(d: DeductionDraft): { points?: string; reason?: string } {
  const out: { points?: string; reason?: string } = {};
  if (!isNum(d.points) || !eventCreate.shape.points.safeParse(d.points).success)
    out.points = 'sim.pointsInvalid';
  if (!isStr(d.reason) || !eventCreate.shape.reason.safeParse(d.reason).success)
    out.reason = 'sim.reasonRequired';
  return out;
}

/**
 * The events page, prefilled with a simulated change, where the real event is recorded with its
 * evidence and approval (issue 8 point 2): `/events?planId=&unitId=&kind=&points=&reason=`.
 */
export function eventDraftLink(
  c: Extract<WhatIfChange, { type: 'deduction' | 'bonus' }>,
  ctx: { planId: number; period: string; unitId: number | null | undefined },
): string {
  return withQuery('/events', {
    planId: ctx.planId,
    unitId: ctx.unitId,
    unit: c.unit,
    period: ctx.period,
    kind: c.type,
    points: c.points,
    reason: c.reason,
    code: c.type === 'bonus' ? c.source : undefined,
    indicator: c.type === 'deduction' ? c.indicator : undefined,
  });
}
