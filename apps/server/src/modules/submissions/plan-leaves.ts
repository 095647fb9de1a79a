import type { Indicator, Plan, ReportingFrequency } from '@jixiao/engine';

/**
 * The indicators of a plan that take a submitted value: scored leaves and sub-items (`IND.SUB`),
 * except expert panels (their input is a list of judges' scores, not one value). Pure.
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
          });
    } else if (takesValue(ind)) {
      out.push({
        code: ind.code,
        name: ind.name,
        measureUnit: ind.unit ?? null,
        owner: ind.owner ?? null,
        leadDept: ind.leadDept ?? null,
        frequency: ind.frequency ?? null,
      });
    }
  }
  return out;
}

/** A grant's indicator refs cover a code: the code itself, or a sub-item of a listed indicator. */
export const refsCover = (refs: readonly string[], code: string) =>
  refs.some((r) => r === code || code.startsWith(`${r}.`));

/** The end month of a period code (2026-M03 → 3, 2026-Q2 → 6, 2026-H1 → 6, 2026-Y → 12). */
export function endMonth(period: string): number {
  const m = /^\d{4}-(?:M(\d\d)|Q(\d)|H(\d)|Y)$/.exec(period);
  if (!m) return 12;
  if (m[1]) return Number(m[1]);
  if (m[2]) return Number(m[2]) * 3;
  if (m[3]) return Number(m[3]) * 6;
  return 12;
}

export const yearOf = (period: string) => Number(period.slice(0, 4));

const granularity = { M: 'month', Q: 'quarter', H: 'half', Y: 'year' } as const;

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
  const g = granularity[period.charAt(5) as keyof typeof granularity] ?? 'year';
  if (g === frequency) return { takes: true, due: true };
  return { takes: g === 'year', due: false };
}
