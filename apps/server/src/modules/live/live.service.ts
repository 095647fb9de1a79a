import { type LiveScores, standingOf } from '@jixiao/contracts';
import type { EvaluationInput, EvaluationResult, TraceNode } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import { orgScope } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  applyMissing,
  type CycleInput,
  cycleInput,
  fingerprint,
  type UnitSource,
} from '../inputs/inputs.service.js';
import { planInScope } from '../plans/plans.policy.js';
import type * as plansRepo from '../plans/plans.repository.js';
import { computeRun, runEngine, usablePlan } from '../results/results.service.js';
import { losingLeaves } from './leaf-losses.js';
import * as repo from './live.repository.js';

interface Cached {
  fingerprint: string;
  result: EvaluationResult;
  input: EvaluationInput;
  computedAt: Date;
  rows: CycleInput['rows'];
  counted: number;
  sources: UnitSource[];
}
/** Live results per plan, period and plan revision; a changed fingerprint means recompute (Z6). */
const cache = new Map<string, Cached>();
const CACHE_MAX = 64;

/**
 * Evaluate the cycle input of (plan, period); cached per plan revision and period while nothing it
 * reads has changed (the fingerprint) and no deadline has passed in between (the hour in the key).
 */
export async function liveEvaluation(db: Executor, plan: plansRepo.PlanRow, period: string, now: Date) {
  const key = `${plan.id}|${period}|${plan.revision}`;
  const fp = `${await fingerprint(db, plan.id)}|${now.toISOString().slice(0, 13)}`;
  const hit = cache.get(key);
  if (hit && hit.fingerprint === fp) return hit;
  const ci = await cycleInput(db, plan, period, now);
  const result = runEngine(applyMissing(usablePlan(plan.document), ci.missing), ci.input);
  const entry: Cached = {
    fingerprint: fp,
    result,
    input: ci.input,
    computedAt: now,
    rows: ci.rows,
    counted: ci.counted,
    sources: ci.sources,
  };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return entry;
}

/** Leaves that lose points, with the engine's own formula, inputs and their sources (Z6: "which and why"). */
function lostPoints(nodes: TraceNode[], sources: UnitSource[]) {
  const out: LiveScores['units'][number]['lost'] & object = losingLeaves(nodes).map(({ node: n, lost }) => ({
    code: n.code,
    name: n.name,
    full: n.full,
    score: n.score,
    lost,
    steps: n.steps,
    vars: n.vars,
    notes: n.notes,
    sources: sources.filter((s) => s.indicator === n.code).map(({ unit: _, ...rest }) => rest),
  }));
  return out.sort((a, b) => b.lost - a.lost);
}

/** Live scores: a unit sees its own (with lost points), the office and leaders everyone. */
export async function liveScores(deps: Deps, ctx: Ctx, planId: number, period: string): Promise<LiveScores> {
  const db = deps.database.db;
  const actor = ctx.actor!;
  const plan = await planInScope(db, actor, planId, 'results.read');
  const c = await liveEvaluation(db, plan, period, deps.now());
  const s = orgScope(actor, 'results.read');
  const all = s.all || s.systemIds.includes(plan.systemId);
  const visible = new Set(
    c.rows.filter((r) => all || s.paths.some((p) => r.path.startsWith(p))).map((r) => r.code),
  );
  const idOf = new Map(c.rows.map((r) => [r.code, r.id]));
  const single = !all && visible.size <= 3;
  return {
    planId,
    period,
    computedAt: c.computedAt.toISOString(),
    values: c.counted,
    halfYearFrozen: !!(await repo.findHalfYear(db, planId)),
    units: c.result.units
      .filter((u) => visible.has(u.unit))
      .map((u) => ({
        unitId: idOf.get(u.unit) ?? null,
        ...standingOf(u),
        ...(single
          ? {
              lost: lostPoints(
                c.result.trace(u.unit).components,
                c.sources.filter((s) => s.unit === u.unit),
              ),
            }
          : {}),
      })),
  };
}

/**
 * Run and freeze the half-year assessment (S9, G7) once: an evaluation run of `<year>-H1` from the
 * data entered so far, kept as the plan's half-year result that the year end carries forward.
 */
export async function freezeHalfYear(deps: Deps, ctx: Ctx, planId: number) {
  return deps.database.db.transaction(async (tx) => {
    const plan = await planInScope(tx, ctx.actor!, planId, 'results.compute');
    if (await repo.findHalfYear(tx, planId))
      throw new AppError(
        'CONFLICT',
        'The half-year result of this plan is already frozen; it cannot be run again',
        [{ path: 'planId', message: 'already frozen' }],
      );
    const at = deps.now();
    const by = ctx.actor?.username ?? null;
    const period = `${plan.year}-H1`;
    // The frozen half year is an official result: computed from the cycle input and released at once.
    const { run, units } = await computeRun(tx, plan, period, at, by, 'released');
    const frozen = await repo.insertHalfYear(tx, {
      planId: plan.id,
      runId: run.id,
      frozenAt: at,
      frozenBy: by,
    });
    await recordAudit(deps, tx, ctx, [
      {
        action: 'evaluation.run',
        objectType: 'evaluation_run',
        objectId: run.id,
        after: { planId, period, units },
      },
      {
        action: 'half_year.freeze',
        objectType: 'half_year_result',
        objectId: frozen.id,
        after: { planId, runId: run.id },
      },
    ]);
    return { planId, runId: run.id, period, frozenAt: frozen.frozenAt.toISOString(), units };
  });
}
