import type { LiveScores } from '@jixiao/contracts';
import type { EvaluationInput, EvaluationResult, Plan, TraceNode, UnitInput } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import { orgScope } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { planInScope } from '../plans/plans.policy.js';
import * as plansRepo from '../plans/plans.repository.js';
import { resultToStored, runEngine, usablePlan } from '../results/results.service.js';
import { supervisionValues } from '../supervision/supervision.service.js';
import { frozenHalfYear } from './half-year.js';
import * as repo from './live.repository.js';
import { composeLiveInput } from './live-input.js';

interface Cached {
  fingerprint: string;
  result: EvaluationResult;
  input: EvaluationInput;
  computedAt: Date;
}
/** Live results per plan, period and plan revision; a changed fingerprint means recompute (Z6). */
const cache = new Map<string, Cached>();
const CACHE_MAX = 64;

/** The engine input of (plan, period) from data entered so far. */
async function liveInput(db: Executor, plan: plansRepo.PlanRow, period: string) {
  const rows = await plansRepo.systemUnits(db, plan.systemId);
  const units: UnitInput[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    group: r.group,
    category: r.category,
  }));
  const codeOf = new Map(rows.map((r) => [r.id, r.code]));
  const dataset = await plansRepo.findDataset(db, plan.id, period);
  const { input, counted } = composeLiveInput({
    period,
    units,
    dataset: (dataset?.input as Partial<EvaluationInput> | undefined) ?? null,
    targets: (await repo.issuedTargets(db, plan.id)).flatMap((t) =>
      codeOf.has(t.unitId) ? [{ ...t, unit: codeOf.get(t.unitId)! }] : [],
    ),
    values: (await repo.countedValues(db, plan.id)).flatMap((v) =>
      codeOf.has(v.unitId) ? [{ ...v, unit: codeOf.get(v.unitId)! }] : [],
    ),
    supervision: await supervisionValues(db, plan.id),
    halfYear: await frozenHalfYear(db, plan.id),
  });
  return { rows, input, counted };
}

async function compute(db: Executor, plan: plansRepo.PlanRow, period: string, now: Date) {
  const key = `${plan.id}|${period}|${plan.revision}`;
  const fp = await repo.fingerprint(db, plan.id, period);
  const hit = cache.get(key);
  const { rows, input, counted } = await liveInput(db, plan, period);
  if (hit && hit.fingerprint === fp) return { ...hit, rows, counted };
  const result = runEngine(usablePlan(plan.document), input);
  const entry = { fingerprint: fp, result, input, computedAt: now };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return { ...entry, rows, counted };
}

/** Leaves that lose points, with the engine's own formula and inputs (Z6: "which and why"). */
function lostPoints(nodes: TraceNode[]) {
  const out: LiveScores['units'][number]['lost'] & object = [];
  const walk = (n: TraceNode) => {
    if (n.children.length) return n.children.forEach(walk);
    const lost = Math.round((n.full - (n.score ?? 0)) * 1e6) / 1e6;
    if (lost > 0)
      out.push({
        code: n.code,
        name: n.name,
        full: n.full,
        score: n.score,
        lost,
        formula: n.formula,
        vars: n.vars,
        notes: n.notes,
      });
  };
  nodes.forEach(walk);
  return out.sort((a, b) => b.lost - a.lost);
}

/** Live scores: a unit sees its own (with lost points), the office and leaders everyone. */
export async function liveScores(deps: Deps, ctx: Ctx, planId: number, period: string): Promise<LiveScores> {
  const db = deps.database.db;
  const actor = ctx.actor!;
  const plan = await planInScope(db, actor, planId, 'results.read');
  const c = await compute(db, plan, period, deps.now());
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
        unit: u.unit,
        name: u.name ?? u.unit,
        group: u.group,
        total: u.total,
        rank: u.rank,
        grade: u.grade ? { code: u.grade.code, name: u.grade.name, color: u.grade.color } : null,
        ...(single ? { lost: lostPoints(c.result.trace(u.unit).components) } : {}),
      })),
  };
}

/** Evaluate `<year>-H1` from the data so far and keep it as the plan's frozen half-year (no checks). */
export async function runHalfYear(tx: Executor, plan: plansRepo.PlanRow, by: string | null, now: Date) {
  const period = `${plan.year}-H1`;
  const { rows, input } = await liveInput(tx, plan, period);
  const result = runEngine(usablePlan(plan.document) as Plan, input);
  const run = await plansRepo.insertRun(tx, {
    planId: plan.id,
    period,
    planRevision: plan.revision,
    result: resultToStored(result, input, new Map(rows.map((r) => [r.code, r.id]))) as unknown as Record<
      string,
      unknown
    >,
    computedAt: now,
    computedBy: by,
  });
  const frozen = await repo.insertHalfYear(tx, {
    planId: plan.id,
    runId: run.id,
    frozenAt: now,
    frozenBy: by,
  });
  return { run, frozen, period, units: rows.length };
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
    const { run, frozen, period, units } = await runHalfYear(
      tx,
      plan,
      ctx.actor?.username ?? null,
      deps.now(),
    );
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
