import type { InnovationResults } from '@jixiao/contracts';
import { InnovationInputError, sourceCap } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import { orgScope } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import * as plansRepo from '../plans/plans.repository.js';
import { usablePlan } from '../results/results.service.js';
import { visibleCall } from './calls.service.js';
import * as repo from './innovation.repository.js';
import { type ComputePlan, computeResults, type StoredResults } from './results-compute.js';
import * as scoringRepo from './scoring.repository.js';
import { assertSettings, checkSettings, settingsOf } from './scoring-settings.service.js';

/**
 * A call's results (issue 12 point 5): the office computes them from the sheets of the closed
 * projects (results-compute.ts, the engine's arithmetic) and stores them; the office and the
 * leaders read everything, a unit its own projects' scores, ranks and top-ten seats — the judges'
 * names only when the office publishes them, and no dispersion. Applying turns the proposals with
 * points into approved bonus events of the plan (apply.service.ts).
 */

const who = (ctx: Ctx) => ctx.actor?.username ?? null;

/** The plan and source the bonus goes to, with its cap; null when the settings name none. */
async function bonusPlan(db: Executor, planId: number | null, source: string | null) {
  if (planId === null || source === null) return null;
  const plan = (await plansRepo.findPlan(db, planId))!;
  const doc = usablePlan(plan.document);
  const cap = sourceCap(doc.bonus, source);
  const info: ComputePlan = {
    id: plan.id,
    name: plan.name,
    year: plan.year,
    period: `${plan.year}-Y`,
    source,
    sourceName: doc.bonus?.sources.find((s) => s.code === source)?.name ?? source,
    cap,
  };
  return { plan, info, units: new Set((await plansRepo.systemUnits(db, plan.systemId)).map((u) => u.id)) };
}

/** Compute and store the call's results (office); every earlier computation is replaced. */
export async function computeCallResults(deps: Deps, ctx: Ctx, callId: number) {
  return deps.database.db.transaction(async (tx) => {
    const call = await visibleCall(tx, ctx, callId);
    return present(tx, ctx, call, await computeIn(deps, tx, ctx, call));
  });
}

/** The computation inside the caller's transaction (the demo seed uses it too): the stored row. */
export async function computeIn(deps: Deps, tx: Executor, ctx: Ctx, call: repo.CallRow) {
  const callId = call.id;
  const settings = settingsOf(call);
  assertSettings(await checkSettings(tx, call, settings));
  const projects = await repo.listProjects(tx, { all: true }, { callId });
  const stages = await scoringRepo.stagesOfCall(tx, callId);
  const sheets = await scoringRepo.sheetsOfCall(tx, callId);
  const target = await bonusPlan(tx, settings.bonus.planId, settings.bonus.source);
  const earlier = await scoringRepo.awardsOfCall(tx, callId);
  const already = target
    ? await scoringRepo.bonusPointsOf(
        tx,
        target.plan.id,
        target.info.source,
        earlier.map((a) => a.award.eventId),
      )
    : new Map<number, number>();
  let stored: StoredResults;
  try {
    stored = computeResults(
      callId,
      settings,
      projects.map((p) => ({
        id: p.project.id,
        title: p.project.title,
        unitId: p.project.unitId,
        unitCode: p.unitCode,
        unitName: p.unitName,
        unitPath: p.unitPath,
        category: p.project.category,
        categoryName: call.categories.find((c) => c.code === p.project.category)?.name ?? p.project.category,
        categoryOrder: call.categories.findIndex((c) => c.code === p.project.category),
        closed: stages.some((s) => s.projectId === p.project.id && s.stage === 'closed'),
        inPlan: !!target?.units.has(p.project.unitId),
      })),
      sheets.map((s) => ({
        projectId: s.sheet.projectId,
        expertId: s.sheet.expertId,
        judgeName: s.judgeName,
        score: s.sheet.score,
      })),
      target?.info ?? null,
      already,
    );
  } catch (e) {
    if (e instanceof InnovationInputError)
      throw new AppError('INPUT_INVALID', `The scores cannot be computed: ${e.issues[0]?.message}`, e.issues);
    throw e;
  }
  const now = deps.now();
  const before = await scoringRepo.findResult(tx, callId);
  const values = { output: stored, computedAt: now, computedBy: who(ctx) };
  const row = before
    ? await scoringRepo.updateResult(tx, callId, before.version, values)
    : await scoringRepo.insertResult(tx, { callId, ...values });
  if (!row) throw versionConflict('The innovation results');
  await recordAudit(deps, tx, ctx, {
    action: 'innovation.results.compute',
    objectType: 'innovation_call',
    objectId: callId,
    after: {
      projects: stored.view.projects.length,
      topTen: stored.view.topTen,
      proposals: stored.view.proposals.map((p) => ({ project: p.projectId, points: p.points })),
      version: row.version,
    },
  });
  return row;
}

/** Sheets written, projects closed or settings changed after the computation. */
export async function isStale(db: Executor, call: repo.CallRow, row: scoringRepo.ResultRow) {
  const stored = row.output as StoredResults;
  const { last } = await scoringRepo.sheetStats(db, call.id);
  const closed = (await scoringRepo.stagesOfCall(db, call.id)).filter((s) => s.stage === 'closed');
  return (
    (!!last && last > row.computedAt) ||
    closed.length !== stored.closed.length ||
    // Both through the schema: jsonb keeps keys in its own order.
    JSON.stringify(settingsOf({ scoring: stored.view.settings })) !== JSON.stringify(settingsOf(call))
  );
}

const JUDGE_STEPS = new Set(['innovation.judge_scale', 'innovation.normalised', 'innovation.not_normalised']);

/** The results as the caller may see them (see the file's head). */
export async function present(
  db: Executor,
  ctx: Ctx,
  call: repo.CallRow,
  row: scoringRepo.ResultRow,
): Promise<InnovationResults> {
  const stored = row.output as StoredResults;
  const scope = orgScope(ctx.actor!, 'innovation.read');
  // The bonus events standing for this call (the last application; a later one replaces them).
  const standing = (await scoringRepo.awardsOfCall(db, call.id)).filter((a) =>
    ['approved', 'pending'].includes(a.event.status),
  );
  const base = {
    ...stored.view,
    computedAt: row.computedAt.toISOString(),
    computedBy: row.computedBy,
    stale: await isStale(db, call, row),
    applied: row.appliedAt
      ? {
          appliedAt: row.appliedAt.toISOString(),
          appliedBy: row.appliedBy,
          events: standing.length,
          points: standing.reduce((sum, a) => sum + (a.event.points ?? 0), 0),
        }
      : null,
    version: row.version,
  };
  if (scope.all) return base;
  const own = (projectId: number) => scope.paths.some((p) => stored.paths[String(projectId)]?.startsWith(p));
  const names = settingsOf(call).publishJudges;
  return {
    ...base,
    projects: base.projects
      .filter((p) => own(p.projectId))
      .map((p) => ({
        ...p,
        panel: names ? p.panel : p.panel.map((x) => ({ ...x, judge: null })).sort((a, b) => b.raw - a.raw),
        steps: names ? p.steps : p.steps.filter((s) => !JUDGE_STEPS.has(s.code)),
      })),
    topTen: base.topTen.filter(own),
    left: base.left.filter((l) => own(l.projectId)),
    dispersion: null,
    judges: [],
    proposals: base.proposals.filter((p) => own(p.projectId)),
    units: base.units.filter((u) => base.projects.some((p) => p.unitId === u.unitId && own(p.projectId))),
  };
}

export async function getResults(deps: Deps, ctx: Ctx, callId: number) {
  const db = deps.database.db;
  const call = await visibleCall(db, ctx, callId);
  const row = await scoringRepo.findResult(db, callId);
  if (!row) throw notFound('Innovation results');
  return present(db, ctx, call, row);
}
