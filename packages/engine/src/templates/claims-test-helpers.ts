/**
 * Test-only helpers for the template claim tests (<id>.claims.test.ts): each claimed rule of a
 * shipped template is exercised through that template's own plan with a small hand-made input.
 */
import type { EvaluationInput, UnitInput, ValueInput } from '../input';
import type { Plan } from '../plan/types';
import type { EvaluationResult } from '../result';
import { getTemplate, type Template } from './index';

export function template(id: string): Template {
  const t = getTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

/** A deep copy of a template's plan to change one thing in (the shipped plan stays frozen). */
export const planCopy = (id: string): Plan => structuredClone(template(id).plan);

/** The inputs of one unit: leaf or sub-item code → its fields. */
export type Cells = Record<string, Omit<ValueInput, 'unit' | 'indicator'>>;

/** An engine input: every unit's cells from `cells(unit, index)`, plus events. */
export function input(
  period: string,
  units: UnitInput[],
  cells: (u: UnitInput, i: number) => Cells,
  events: Omit<EvaluationInput, 'period' | 'units' | 'values'> = {},
): EvaluationInput {
  const values: ValueInput[] = units.flatMap((u, i) =>
    Object.entries(cells(u, i)).map(([indicator, c]) => ({ unit: u.code, indicator, ...c })),
  );
  return { period, units, values, ...events };
}

/** `n` units of one group, … */
export const unitsOf = (group: string, n: number, prefix = group): UnitInput[] =>
  Array.from({ length: n }, (_, i) => ({ code: `${prefix}-${i + 1}`, group }));

/** A node's reported score (component, indicator or sub-item 'IND.SUB'). */
export function score(r: EvaluationResult, unit: string, code: string): number | null {
  const u = r.unit(unit);
  if (!u) throw new Error(`no unit ${unit}`);
  const n = u.indicators.find((i) => i.code === code);
  if (!n) throw new Error(`no node ${code} for ${unit}`);
  return n.score;
}

export const totals = (r: EvaluationResult, units: string[]) => units.map((u) => r.unit(u)!.total);
export const grades = (r: EvaluationResult, units: string[]) => units.map((u) => r.unit(u)!.grade?.name);
