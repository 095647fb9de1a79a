import type { Indicator, Plan, ReportingFrequency } from '@jixiao/engine';
import { granularityOf } from '../periods/period-code.js';

/**
 * The indicators of a plan that take a submitted value: scored leaves and sub-items (`IND.SUB`),
 * except expert panels (their input is a list of judges' scores, not one value). One definition
 * for entry, imports, events and progress. Pure.
 */
export interface Leaf {
  code: string;
  name: string;
  /** Unit of measure the plan sets (e.g. "%"); a value must carry the same one. */
  measureUnit: string | null;
  /** Data provider department named by the plan (G3, Z4). */
  owner: string | null;
  leadDept: string | null;
  /** How often it is reported (the plan's `frequency`); null when the plan does not say. */
  frequency: ReportingFrequency | null;
  /** Better when higher (the default) or lower; a sub-item inherits its indicator's. */
  direction?: 'higher' | 'lower';
  /** The scoring method's kind (a sub-item's own, else its indicator's). */
  methodKind?: string;
}

export function planLeaves(plan: Plan): Leaf[] {
  const parents = new Set(plan.indicators.flatMap((i) => (i.parent ? [i.parent] : [])));
  const out: Leaf[] = [];
  const takesValue = (i: { method?: { kind: string } }) => i.method?.kind !== 'expert_panel';
  for (const ind of plan.indicators as Indicator[]) {
    if (parents.has(ind.code)) continue;
    if (ind.subItems?.length) {
      for (const s of ind.subItems)
        if (takesValue({ method: s.method ?? ind.method }))
          out.push({
            code: `${ind.code}.${s.code}`,
            name: `${ind.name} · ${s.name}`,
            measureUnit: ind.unit ?? null,
            owner: s.owner ?? ind.owner ?? null,
            leadDept: ind.leadDept ?? null,
            frequency: ind.frequency ?? null,
            direction: s.direction ?? ind.direction,
            methodKind: (s.method ?? ind.method)?.kind,
          });
    } else if (takesValue(ind)) {
      out.push({
        code: ind.code,
        name: ind.name,
        measureUnit: ind.unit ?? null,
        owner: ind.owner ?? null,
        leadDept: ind.leadDept ?? null,
        frequency: ind.frequency ?? null,
        direction: ind.direction,
        methodKind: ind.method?.kind,
      });
    }
  }
  return out;
}

/** A grant's indicator refs cover a code: the code itself, or a sub-item of a listed indicator. */
export const refsCover = (refs: readonly string[], code: string) =>
  refs.some((r) => r === code || code.startsWith(`${r}.`));

/**
 * Whether a leaf takes a report in `period`, and whether that report is due there: a leaf reports
 * at its own frequency and, as the year figure, in the year period (where only yearly ones are
 * due). A plan without frequencies takes every leaf everywhere and says nothing of due (null).
 */
export function reportSlot(
  frequency: ReportingFrequency | null,
  period: string,
): { takes: boolean; due: boolean | null } {
  if (frequency === null) return { takes: true, due: null };
  const g = granularityOf(period);
  if (g === frequency) return { takes: true, due: true };
  return { takes: g === 'year', due: false };
}
