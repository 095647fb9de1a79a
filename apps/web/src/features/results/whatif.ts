/** Pure helpers of the what-if panel: compare a re-evaluation with the stored result. */
import type { EvaluationInput, ValueInput } from '@jixiao/engine';

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

export const VALUE_FIELDS = [
  'value',
  'target',
  'baseline',
  'baseValue',
  'peerValue',
  'peerBaseValue',
] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

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
