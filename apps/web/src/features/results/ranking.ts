/** Pure helpers of the results page. */
import type { PlanSummary, UnitScore } from '@jixiao/contracts';

/**
 * The plan a page opens with: the active yearly plan of the latest year — not an ad-hoc plan
 * active beside it (Z7) — else any active plan, else the latest plan.
 */
export function defaultPlan(plans: readonly PlanSummary[]): PlanSummary | undefined {
  const byYear = [...plans].sort((a, b) => b.year - a.year || b.id - a.id);
  return (
    byYear.find((p) => p.status === 'active' && !p.adHoc) ??
    byYear.find((p) => p.status === 'active') ??
    byYear[0]
  );
}

/** The year-end period of a plan's year. */
export function defaultPeriod(plan: Pick<PlanSummary, 'year'>): string {
  return `${plan.year}-Y`;
}

/**
 * The period a plan's results open on: an ad-hoc plan's last period when its document states its
 * window (a Q3–Q4 special-topic plan opens on Q4), else the year end. undefined while an ad-hoc
 * plan's document is still loading (so no request goes out for the wrong period).
 */
export function openingPeriod(
  plan: Pick<PlanSummary, 'year' | 'adHoc'>,
  doc: { period?: { to?: unknown } } | undefined,
): string | undefined {
  if (!plan.adHoc) return defaultPeriod(plan);
  if (!doc) return undefined;
  const to = doc.period?.to;
  return typeof to === 'string' && periodOptions(plan.year).includes(to) ? to : defaultPeriod(plan);
}

/** Period choices of a year: year end, halves, quarters and months. */
export function periodOptions(year: number): string[] {
  return [
    `${year}-Y`,
    `${year}-H1`,
    `${year}-H2`,
    ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`),
    ...Array.from({ length: 12 }, (_, m) => `${year}-M${String(m + 1).padStart(2, '0')}`),
  ];
}

/** Units per group (groups sorted by code), each group in published order (placement, then rank). */
export function unitsByGroup<T extends Pick<UnitScore, 'group' | 'placement' | 'rank' | 'unit'>>(
  units: readonly T[],
): { group: string; units: T[] }[] {
  const map = new Map<string, T[]>();
  for (const u of units) map.set(u.group, [...(map.get(u.group) ?? []), u]);
  return [...map.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, us]) => ({
      group,
      units: us.sort((a, b) => a.placement - b.placement || a.rank - b.rank || a.unit.localeCompare(b.unit)),
    }));
}

/** Fixed 2-decimal display of a score (the engine already rounded it; this only pads). */
export function fmtScore(n: number | null | undefined, decimals = 2): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(decimals);
}

/**
 * An unrounded intermediate value as a clerk would write it: at most 10 significant digits, no
 * binary-float noise (14.469999999999999 → 14.47), no exponent for ordinary magnitudes.
 */
export function fmtRaw(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  const clean = Number(n.toPrecision(10));
  return Math.abs(clean) >= 1e-6 || clean === 0 ? String(clean) : clean.toFixed(12).replace(/0+$/, '');
}
