import type { EvaluationInput, HalfYearInput, UnitInput, ValueInput } from '@jixiao/engine';
import { endMonth, yearOf } from '../submissions/plan-leaves.js';

/**
 * Compose the engine input of a live evaluation (Z6). Pure, so the rules are tested alone:
 * 1. the office's dataset of the period (peer values, bonuses, deductions, vetoes, office values);
 * 2. targets and baselines of issued task books override the dataset's;
 * 3. supervision items (H6) give key-work indicators their value: the average progress of the
 *    unit's items against a target of 100;
 * 4. the latest submitted or verified value up to the period (same year, end month ≤ the period's)
 *    overrides the value — monthly reports are cumulative, so the newest is the current state;
 * 5. frozen half-year totals enter a year-end period (S9).
 */
export interface CountedValue {
  unit: string;
  indicator: string;
  period: string;
  value: number | null;
  updatedAt: Date;
}
export interface Target {
  unit: string;
  indicator: string;
  target: number | null;
  baseline: number | null;
}

export function composeLiveInput(args: {
  period: string;
  units: UnitInput[];
  dataset: Partial<EvaluationInput> | null;
  targets: Target[];
  supervision?: ValueInput[];
  values: CountedValue[];
  halfYear: HalfYearInput[] | null;
}): { input: EvaluationInput; counted: number } {
  const { period } = args;
  const known = new Set(args.units.map((u) => u.code));
  const cells = new Map<string, ValueInput>();
  const cell = (unit: string, indicator: string) => {
    const k = `${unit}|${indicator}`;
    const c = cells.get(k) ?? { unit, indicator };
    cells.set(k, c);
    return c;
  };
  for (const v of args.dataset?.values ?? [])
    if (known.has(v.unit)) cells.set(`${v.unit}|${v.indicator}`, { ...v });
  for (const t of args.targets) {
    if (!known.has(t.unit)) continue;
    const c = cell(t.unit, t.indicator);
    if (t.target !== null) c.target = t.target;
    if (t.baseline !== null) c.baseline = t.baseline;
  }
  for (const s of args.supervision ?? []) {
    if (!known.has(s.unit)) continue;
    const c = cell(s.unit, s.indicator);
    c.value = s.value;
    c.target = s.target;
  }
  const latest = new Map<string, CountedValue>();
  const year = yearOf(period);
  const until = endMonth(period);
  for (const v of args.values) {
    if (!known.has(v.unit) || v.value === null) continue;
    if (yearOf(v.period) !== year || endMonth(v.period) > until) continue;
    const k = `${v.unit}|${v.indicator}`;
    const cur = latest.get(k);
    const newer =
      !cur ||
      endMonth(v.period) > endMonth(cur.period) ||
      (endMonth(v.period) === endMonth(cur.period) && v.updatedAt > cur.updatedAt);
    if (newer) latest.set(k, v);
  }
  for (const v of latest.values()) cell(v.unit, v.indicator).value = v.value;
  const d = args.dataset ?? {};
  const input: EvaluationInput = {
    period,
    units: args.units,
    values: [...cells.values()],
    bonuses: (d.bonuses ?? []).filter((b) => known.has(b.unit)),
    deductions: (d.deductions ?? []).filter((b) => known.has(b.unit)),
    vetoes: (d.vetoes ?? []).filter((b) => known.has(b.unit)),
  };
  if (args.halfYear && period.endsWith('-Y')) input.halfYear = args.halfYear.filter((h) => known.has(h.unit));
  return { input, counted: latest.size };
}
