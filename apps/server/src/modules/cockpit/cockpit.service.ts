import { type Cockpit, type CockpitUnitView, standingOf } from '@jixiao/contracts';
import { formatPeriod, type Plan, parsePeriod, periodEndMonth } from '@jixiao/engine';
import { orgScope } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { liveEvaluation } from '../live/live.service.js';
import { planInScope } from '../plans/plans.policy.js';
import type * as plansRepo from '../plans/plans.repository.js';
import { computeProgress } from '../progress/progress.service.js';
import { viewerOf } from '../results/results.service.js';
import { statusesFor } from '../results/run-state.js';
import * as repo from './cockpit.repository.js';
import { laggingList, type Shaped, shapeCockpit } from './cockpit-shape.js';

/** Indicators a group's heat map shows (those losing most points across the group). */
export const HEAT_TOP = 10;

/** The period's last month, where the lagging list is measured: 2026-Y → 2026-M12, 2026-M05 → itself. */
export function lagMonth(period: string): string {
  const p = parsePeriod(period)!;
  return formatPeriod({ year: p.year, granularity: 'month', index: periodEndMonth(p) });
}

/**
 * Everything the cockpit, the unit view and the kiosk screen share: one live evaluation of (plan, period) — the live
 * board's, cached per plan revision and data fingerprint — shaped once, the stored monthly runs the
 * caller may see for the trend, and the pro-rata progress at the period's last month.
 */
export async function assemble(deps: Deps, ctx: Ctx | null, plan: plansRepo.PlanRow, period: string) {
  const db = deps.database.db;
  const live = await liveEvaluation(db, plan, period, deps.now());
  const idOf = new Map(live.rows.map((r) => [r.code, r.id]));
  // Without a viewer (the kiosk screen), no stored run is read: the trend is empty.
  const statuses = ctx ? statusesFor(await viewerOf(db, ctx, plan)).filter((s) => s !== 'superseded') : [];
  const trend = statuses.length ? await repo.monthlyRuns(db, plan.id, plan.year, statuses) : [];
  const doc = plan.document as unknown as Plan;
  const shaped = shapeCockpit({
    units: live.result.units.map((u) => ({
      ...standingOf(u),
      unitId: idOf.get(u.unit) ?? null,
      components: live.result.trace(u.unit).components,
    })),
    groups: (doc.groups ?? []).map((g) => ({ code: g.code, name: g.name })),
    trend,
    top: HEAT_TOP,
  });
  const lagPeriod = lagMonth(period);
  // The cockpit's permission already covers the whole plan: the progress is read unscoped.
  const progress = await computeProgress(db, null, plan.id, lagPeriod);
  return {
    live,
    shaped,
    trend,
    lagPeriod,
    lagging: laggingList(progress.cells, progress.units, progress.indicators),
    units: progress.units,
  };
}

/** The open objections, notices and rectifications of an assembled plan's units (cockpit, screen). */
export const openCounts = (deps: Deps, plan: plansRepo.PlanRow, a: Pick<Assembled, 'units'>) =>
  repo.openCounts(
    deps.database.db,
    plan.id,
    a.units.map((u) => u.id),
  );

type Assembled = Awaited<ReturnType<typeof assemble>>;

/** The cockpit of a plan and period (GET /api/cockpit/:planId): office, leaders, observers. */
export async function cockpit(deps: Deps, ctx: Ctx, planId: number, period: string): Promise<Cockpit> {
  const db = deps.database.db;
  const plan = await planInScope(db, ctx.actor!, planId, 'cockpit.read');
  const a = await assemble(deps, ctx, plan, period);
  return {
    planId,
    period,
    computedAt: a.live.computedAt.toISOString(),
    aspects: a.shaped.aspects,
    groups: a.shaped.groups,
    lagPeriod: a.lagPeriod,
    lagging: a.lagging,
    trendPeriods: a.trend.map((r) => r.period),
    counts: await openCounts(deps, plan, a),
  };
}

/** Whether the actor may read this unit's results: the whole plan, or an org subtree holding it. */
function seesUnit(ctx: Ctx, plan: plansRepo.PlanRow, path: string) {
  const s = orgScope(ctx.actor!, 'results.read');
  return s.all || s.systemIds.includes(plan.systemId) || s.paths.some((p) => path.startsWith(p));
}

/** One unit's own view (GET /api/cockpit/:planId/unit/:unitId): the unit head on a phone. */
export async function unitView(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  unitId: number,
  period: string,
): Promise<CockpitUnitView> {
  const db = deps.database.db;
  const plan = await planInScope(db, ctx.actor!, planId, 'results.read');
  const a = await assemble(deps, ctx, plan, period);
  const row = a.live.rows.find((r) => r.id === unitId);
  if (!row || !seesUnit(ctx, plan, row.path)) throw notFound(`Unit ${unitId} in this plan`);
  return unitOf(a.shaped, a.lagging, { planId, period, computedAt: a.live.computedAt }, row.code);
}

/** The unit view cut from the shaped cockpit (exported for the tests). */
export function unitOf(
  shaped: Shaped,
  lagging: Cockpit['lagging'],
  at: { planId: number; period: string; computedAt: Date },
  code: string,
): CockpitUnitView {
  const group = shaped.groups.find((g) => g.units.some((u) => u.unit === code));
  const unit = group?.units.find((u) => u.unit === code);
  if (!group || !unit) throw notFound(`Unit ${code} in these results`);
  return {
    planId: at.planId,
    period: at.period,
    computedAt: at.computedAt.toISOString(),
    groupSize: group.units.length,
    unit,
    losing: Object.entries(unit.lost)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([c, lost]) => ({ code: c, name: shaped.names.get(c) ?? c, lost })),
    aspects: shaped.aspects,
    lagging: lagging.filter((l) => l.unit === code),
  };
}
