import type { ProgressCell, ProgressMatrix } from '@jixiao/contracts';
import type { Plan } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import { type Actor, orgScope, rolePermissions } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import * as inputsRepo from '../inputs/inputs.repository.js';
import { yearOf } from '../periods/period-code.js';
import { type Leaf, planLeaves } from '../plans/plan-leaves.js';
import { inSystemScope, systemScope } from '../plans/plans.policy.js';
import * as plans from '../plans/plans.repository.js';
import * as supervision from '../supervision/supervision.repository.js';
import {
  accumulation,
  cumulativeActual,
  monthOf,
  progressOf,
  scheduleOf,
  type Thresholds,
  tracked,
} from './progress.js';
import * as repo from './progress.repository.js';

/** A leaf as the schedule reads it (progress.ts): its direction, method and unit of measure. */
const traits = (l: Leaf) => ({
  code: l.code,
  name: l.name,
  direction: l.direction,
  methodKind: l.methodKind,
  unit: l.measureUnit ?? undefined,
});

/** What of a plan's progress an actor sees: which units (by org path) and which indicators. */
interface View {
  paths: string[] | null;
  indicators: Set<string> | null;
}

async function viewOf(db: Executor, actor: Actor, plan: plans.PlanRow): Promise<View> {
  const s = orgScope(actor, 'progress.read');
  if (s.all) return { paths: null, indicators: null };
  // Lead departments (assessors) follow their own indicators across every unit.
  const refs = actor.grants
    .filter((g) => g.scopeType === 'indicators' && rolePermissions[g.role].includes('progress.read'))
    .flatMap((g) => g.refs);
  if (refs.length) return { paths: null, indicators: new Set(refs) };
  if (s.systemIds.includes(plan.systemId)) return { paths: null, indicators: null };
  if (s.paths.length && inSystemScope(await systemScope(db, actor, 'progress.read'), plan.systemId))
    return { paths: s.paths, indicators: null };
  throw notFound('Plan');
}

/** Units × indicators progress of a plan at the end of a month, within the actor's view. */
export async function computeProgress(
  db: Executor,
  actor: Actor | null,
  planId: number,
  period: string,
  thresholds?: Thresholds,
): Promise<ProgressMatrix & { groups: Map<number, string> }> {
  const plan = await plans.findPlan(db, planId);
  if (!plan) throw notFound('Plan');
  const view = actor ? await viewOf(db, actor, plan) : { paths: null, indicators: null };
  const doc = plan.document as unknown as Plan;
  const months = monthOf(period);
  const year = yearOf(period);

  const units = (await plans.systemUnits(db, plan.systemId)).filter(
    (u) => !view.paths || view.paths.some((p) => u.path.startsWith(p)),
  );
  const key = (unit: number | string, ind: string) => `${unit}|${ind}`;
  const taskTarget = new Map(
    (await repo.taskTargetsOf(db, planId)).map((t) => [key(t.unitId, t.indicator), t.target]),
  );
  // The office's reference targets where no task book states one (as the cycle input takes them).
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const dataTarget = new Map<string, number>();
  for (const r of await inputsRepo.references(db, planId))
    if (r.target !== null && codeOf.has(r.unitId) && r.period.startsWith(String(plan.year)))
      dataTarget.set(key(codeOf.get(r.unitId)!, r.indicator), r.target);
  const monthly = new Map<string, { month: number; value: number }[]>();
  for (const s of await repo.monthlyValues(db, planId, year)) {
    if (s.value === null) continue;
    const k = key(s.unitId, s.indicator);
    monthly.set(k, [...(monthly.get(k) ?? []), { month: monthOf(s.period), value: s.value }]);
  }
  const superv = new Map(
    (await supervision.averageProgress(db, planId)).map((r) => [
      key(r.unitId, r.indicator),
      Number(r.average),
    ]),
  );

  // Indicators with a schedule: tracked, and with a target or supervision items somewhere.
  const targeted = new Set(
    [...taskTarget.keys(), ...dataTarget.keys(), ...superv.keys()].map((k) => k.split('|')[1]),
  );
  const indicators = planLeaves(doc)
    .map(traits)
    .filter((l) => tracked(l) && targeted.has(l.code))
    .filter(
      (l) => !view.indicators || view.indicators.has(l.code) || view.indicators.has(l.code.split('.')[0]!),
    )
    .map((l) => ({ code: l.code, name: l.name, mode: accumulation(l), schedule: scheduleOf(l) }));

  const cells: ProgressCell[] = [];
  for (const u of units)
    for (const ind of indicators) {
      const reported = monthly.get(key(u.id, ind.code));
      const fromItems = superv.get(key(u.id, ind.code));
      let target = taskTarget.get(key(u.id, ind.code)) ?? dataTarget.get(key(u.code, ind.code)) ?? null;
      let actual: number | null = null;
      let source: ProgressCell['source'] = 'none';
      if (reported?.length) {
        actual = cumulativeActual(reported, months);
        source = 'submissions';
      } else if (fromItems !== undefined) {
        // Supervision progress is a percentage of the whole item: its target is 100 (H6).
        actual = Math.round(fromItems * 100) / 100;
        target = 100;
        source = 'supervision';
      }
      cells.push({
        unitId: u.id,
        unit: u.code,
        indicator: ind.code,
        target,
        actual,
        source,
        // Supervision items are scheduled over the year; a rate is due in full all year.
        ...progressOf(
          target,
          actual,
          source !== 'supervision' && ind.schedule === 'level' ? 12 : months,
          thresholds,
        ),
      });
    }
  return {
    planId,
    period,
    months,
    indicators,
    units: units.map((u) => ({ id: u.id, code: u.code, name: u.name, group: u.group })),
    cells,
    groups: new Map(units.map((u) => [u.id, u.group])),
  };
}

/** The progress matrix for the caller (GET /api/progress/:planId). */
export async function progressMatrix(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  period: string,
): Promise<ProgressMatrix> {
  const { groups: _, ...m } = await computeProgress(deps.database.db, ctx.actor, planId, period);
  return m;
}
