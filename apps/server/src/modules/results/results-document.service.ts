import { beijingDay, type ResultsDocument, type RunStatus } from '@jixiao/contracts';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import * as repo from '../plans/plans.repository.js';
import { planGroupsOf, rankedGroups } from './ranked-groups.js';
import { chosenRun } from './results.service.js';

/**
 * The official results document (考评结果通报) of a run: every group's ranking and the awards, as
 * printed on A4. It lists every unit, so only those who see every unit's result get it (the office,
 * leaders, the system's own grants); a run before its release prints as an unofficial draft.
 */
export async function resultsDocument(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  runId: number,
): Promise<ResultsDocument> {
  const db = deps.database.db;
  const found = await repo.findRun(db, planId, runId);
  if (!found) throw notFound('Run');
  const { plan, run, stored, visible } = await chosenRun(db, ctx, planId, found.period, runId);
  if (visible)
    throw new AppError('FORBIDDEN', 'The results document lists every unit', {
      code: 'results.document_all_units',
    });
  const [revision, system] = await Promise.all([
    repo.findRevision(db, plan.id, run.planRevision),
    repo.findSystem(db, plan.systemId),
  ]);
  const nameOf = new Map(stored.units.map((u) => [u.unit, u.name]));
  return {
    runId: run.id,
    plan: plan.name,
    system: system?.name ?? '',
    year: plan.year,
    period: run.period,
    status: run.status as RunStatus,
    releasedDay: run.releasedAt ? beijingDay(run.releasedAt) : null,
    groups: rankedGroups(stored.units, planGroupsOf(revision?.document ?? plan.document)),
    awards: stored.awards.map((a) => ({
      code: a.code,
      name: a.name,
      units: a.units.map((unit) => ({ unit, name: nameOf.get(unit) ?? unit })),
    })),
  };
}
