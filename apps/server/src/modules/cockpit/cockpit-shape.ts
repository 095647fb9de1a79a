import type { CockpitGroup, CockpitUnit, LaggingItem, Standing } from '@jixiao/contracts';
import { type LossNode, losingLeaves } from '../live/leaf-losses.js';
import { isLagging, type LagStatus, mostBehindFirst } from '../progress/progress.js';

/**
 * The cockpit's shape (issue 13) as a pure function of one live evaluation: per group the units in
 * rank order with their points lost per indicator (heat map), score rate per aspect (radar) and
 * monthly trend, and the group's indicators losing most. No I/O, no clock: tested alone.
 */

export interface ShapeUnit extends Standing {
  unitId: number | null;
  /** The unit's trace tree (top level: the plan's components, the aspects of the radar). */
  components: readonly LossNode[];
}

/** A stored run's units for one monthly period (the trend's source). */
export interface TrendRun {
  period: string;
  units: readonly { unit: string; total: number; rank: number }[];
}

export interface ShapeInput {
  units: readonly ShapeUnit[];
  /** Group code → name, in the plan's order (groups not named sort after, by code). */
  groups: readonly { code: string; name: string }[];
  trend: readonly TrendRun[];
  /** How many indicators a group's heat map shows. */
  top: number;
}

export interface Shaped {
  aspects: { code: string; name: string }[];
  groups: CockpitGroup[];
  /** Every losing leaf's name, by code (the unit view lists all of its own). */
  names: Map<string, string>;
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function shapeCockpit({ units, groups, trend, top }: ShapeInput): Shaped {
  const aspects = new Map<string, string>();
  const names = new Map<string, string>();
  const trendOf = new Map<string, CockpitUnit['trend']>();
  for (const run of [...trend].sort((a, b) => a.period.localeCompare(b.period)))
    for (const u of run.units)
      trendOf.set(u.unit, [
        ...(trendOf.get(u.unit) ?? []),
        { period: run.period, total: u.total, rank: u.rank },
      ]);

  const byGroup = new Map<string, CockpitUnit[]>();
  for (const u of units) {
    const lost: Record<string, number> = {};
    for (const { node, lost: l } of losingLeaves(u.components)) {
      names.set(node.code, node.name);
      lost[node.code] = r6((lost[node.code] ?? 0) + l);
    }
    const rates: Record<string, number | null> = {};
    for (const c of u.components) {
      if (!aspects.has(c.code)) aspects.set(c.code, c.name);
      rates[c.code] = c.score === null || c.full <= 0 ? null : r6(c.score / c.full);
    }
    const { components: _, ...standing } = u;
    const shaped: CockpitUnit = {
      ...standing,
      lostTotal: Math.round(Object.values(lost).reduce((s, x) => s + x, 0) * 100) / 100,
      lost,
      aspects: rates,
      trend: trendOf.get(u.unit) ?? [],
    };
    byGroup.set(u.group, [...(byGroup.get(u.group) ?? []), shaped]);
  }

  const order = new Map(groups.map((g, i) => [g.code, i]));
  const nameOf = new Map(groups.map((g) => [g.code, g.name]));
  const shapedGroups = [...byGroup]
    .sort(
      ([a], [b]) =>
        (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) ||
        a.localeCompare(b),
    )
    .map(([group, us]): CockpitGroup => {
      const sum = new Map<string, number>();
      for (const u of us)
        for (const [code, l] of Object.entries(u.lost)) sum.set(code, r6((sum.get(code) ?? 0) + l));
      return {
        group,
        name: nameOf.get(group) ?? group,
        units: [...us].sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit)),
        indicators: [...sum]
          .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
          .slice(0, top)
          .map(([code, lost]) => ({ code, name: names.get(code) ?? code, lost })),
      };
    });
  return { aspects: [...aspects].map(([code, name]) => ({ code, name })), groups: shapedGroups, names };
}

/** A progress cell as the lagging list reads it (progress.service computeProgress). */
export interface LagCell {
  unitId: number;
  indicator: string;
  ratio: number | null;
  status: string;
}

/** Lagging and seriously lagging items (pro-rata progress), by group, then the most behind first. */
export function laggingList(
  cells: readonly LagCell[],
  units: readonly { id: number; code: string; name: string; group: string }[],
  indicators: readonly { code: string; name: string }[],
): LaggingItem[] {
  const unit = new Map(units.map((u) => [u.id, u]));
  const ind = new Map(indicators.map((i) => [i.code, i.name]));
  return cells
    .filter((c) => isLagging(c.status as LagStatus) && unit.has(c.unitId))
    .map((c) => {
      const u = unit.get(c.unitId)!;
      return {
        unitId: u.id,
        unit: u.code,
        name: u.name,
        group: u.group,
        indicator: c.indicator,
        indicatorName: ind.get(c.indicator) ?? c.indicator,
        ratio: c.ratio,
        status: c.status as LaggingItem['status'],
      };
    })
    .sort(mostBehindFirst);
}
