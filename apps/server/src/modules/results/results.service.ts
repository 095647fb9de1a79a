import {
  type EvaluationRun,
  planIssueEnglish,
  type RunStatus,
  type RunSummary,
  type UnitScore,
  type ValueSource,
} from '@jixiao/contracts';
import {
  type EvaluationInput,
  EvaluationInputError,
  type EvaluationResult,
  evaluate,
  type Plan,
  PlanValidationError,
  type TraceNode,
  type UnitResult,
} from '@jixiao/engine';
import type { Database, Executor } from '../../db/client.js';
import { hasPermission, orgScope } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { type Download, XLSX } from '../../platform/download.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { Recent } from '../../platform/recent.js';
import { workbookBytes } from '../../platform/xlsx-table.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  applyMissing,
  cycleInput,
  type MissingMode,
  periodOpen,
  type UnitSource,
} from '../inputs/inputs.service.js';
import * as objectionsRepo from '../objections/objections.repository.js';
import { inSystemScope, planInScope, systemScope } from '../plans/plans.policy.js';
import * as repo from '../plans/plans.repository.js';
import { planIssues } from '../plans/plans.service.js';
import { resultsWorkbook } from './results-export.js';
import { statusesFor } from './run-state.js';

export const iso = (d: Date | string) => new Date(d).toISOString();
export const who = (ctx: Ctx) => ctx.actor?.username ?? null;

/** The plan as the engine needs it; an invalid plan cannot take data or be evaluated. */
export function usablePlan(document: Record<string, unknown>): Plan {
  const issues = planIssues(document);
  if (issues.length > 0)
    throw new AppError(
      'PLAN_INVALID',
      `The plan has ${issues.length} problem(s); fix them first: ${planIssueEnglish(issues[0]!)}`,
      issues,
    );
  return document as unknown as Plan;
}

/** Run the engine; its refusals become 422s with their issues, never 500s. */
export function runEngine(plan: Plan, input: EvaluationInput): EvaluationResult {
  try {
    return evaluate(plan, input);
  } catch (e) {
    if (e instanceof PlanValidationError)
      throw new AppError(
        'PLAN_INVALID',
        `plan is invalid (${e.issues.length} issue(s)): ${e.issues.slice(0, 3).map(planIssueEnglish).join('; ')}`,
        planIssues(plan),
      );
    if (e instanceof EvaluationInputError)
      throw new AppError(
        'INPUT_INVALID',
        `The data cannot be evaluated: ${e.issues[0]?.message ?? e.message}`,
        e.issues,
      );
    throw e;
  }
}

// --- evaluation ------------------------------------------------------------------------------------

export function toUnitScore(u: UnitResult, unitId: number | null): UnitScore {
  return {
    unitId,
    unit: u.unit,
    name: u.name ?? u.unit,
    group: u.group,
    category: u.category,
    total: u.total,
    base: u.base,
    bonus: u.bonus.capped,
    deductions: u.deductions.total,
    vetoes: u.vetoes.map((v) => v.event),
    rank: u.rank,
    placement: u.placement,
    grade: u.grade
      ? { code: u.grade.code, name: u.grade.name, color: u.grade.color, downgraded: u.grade.downgraded }
      : null,
    components: u.components.map((c) => ({ code: c.code, name: c.name, score: c.score, full: c.full })),
    awards: u.awards,
  };
}

/**
 * What a run stores: the serialisable result, the exact input and the cycle's missing-value
 * decisions (so the run recomputes to the same numbers), and where every input came from.
 */
export interface StoredResult {
  units: UnitScore[];
  rankings: EvaluationRun['rankings'];
  awards: EvaluationRun['awards'];
  /** Absent in runs stored before quota counts were kept. */
  quotas?: EvaluationRun['quotas'];
  input: EvaluationInput;
  missing?: Record<string, MissingMode>;
  sources?: UnitSource[];
}

export function resultToStored(
  result: EvaluationResult,
  input: EvaluationInput,
  ids: Map<string, number>,
  extra: { missing?: Record<string, MissingMode>; sources?: UnitSource[] } = {},
): StoredResult {
  return {
    units: result.units.map((u) => toUnitScore(u, ids.get(u.unit) ?? null)),
    rankings: result.rankings.map((r) => ({ code: r.code, name: r.name, entries: r.entries })),
    awards: result.awards.map((a) => ({ code: a.code, name: a.name, units: a.units })),
    quotas: result.quotas,
    input,
    ...extra,
  };
}

/** The steps a run took, as every run answer shows them (contracts `runSteps`). */
export function runStepsOf(run: Omit<repo.RunRow, 'result'>) {
  return {
    publicity:
      run.publicity && run.publishedAt
        ? { ...run.publicity, publishedAt: iso(run.publishedAt), publishedBy: run.publishedBy }
        : null,
    submittedAt: run.submittedAt ? iso(run.submittedAt) : null,
    submittedBy: run.submittedBy,
    releasedAt: run.releasedAt ? iso(run.releasedAt) : null,
    releasedBy: run.releasedBy,
    returnNote: run.returnNote,
    change:
      run.basedOnId && run.changeKind
        ? {
            kind: run.changeKind as 'objection' | 'correction',
            basedOn: run.basedOnId,
            reason: run.changeReason,
            objectionId: run.objectionId,
          }
        : null,
  };
}

export function toRun(run: repo.RunRow, stored: StoredResult, latest: boolean): EvaluationRun {
  return {
    id: run.id,
    planId: run.planId,
    period: run.period,
    planRevision: run.planRevision,
    computedAt: iso(run.computedAt),
    computedBy: run.computedBy,
    status: run.status as RunStatus,
    ...runStepsOf(run),
    latest,
    units: stored.units,
    rankings: stored.rankings,
    awards: stored.awards,
    quotas: stored.quotas ?? [],
  };
}

/** A seeded release that went through a publicity first (its days and when it was published). */
export interface ReleasedAfterPublicity {
  publicity: NonNullable<repo.RunRow['publicity']>;
  publishedAt: Date;
}

/**
 * Evaluate the cycle's data of a plan and period into a run: a draft or, for seeds, released
 * (directly, or after the publicity given).
 */
export async function computeRun(
  tx: Executor,
  plan: repo.PlanRow,
  period: string,
  at: Date,
  by: string | null,
  status: 'draft' | 'released' | ReleasedAfterPublicity = 'draft',
  change?: { basedOnId: number; changeKind: 'correction'; changeReason: string },
  /** A last change of the input before it is evaluated (a correction carries adjustments that stood). */
  adjust: (input: EvaluationInput) => EvaluationInput = (input) => input,
) {
  const doc = usablePlan(plan.document);
  const ci = await cycleInput(tx, plan, period, at);
  const input = adjust(ci.input);
  const result = runEngine(applyMissing(doc, ci.missing), input);
  const stored = resultToStored(result, input, new Map(ci.rows.map((r) => [r.code, r.id])), {
    missing: ci.missing,
    sources: ci.sources,
  });
  const run = await repo.insertRun(tx, {
    planId: plan.id,
    period,
    planRevision: plan.revision,
    result: stored as unknown as Record<string, unknown>,
    computedAt: at,
    computedBy: by,
    ...(status === 'draft' ? { status } : { status: 'released', releasedAt: at, releasedBy: by }),
    ...(typeof status === 'object' && {
      publicity: status.publicity,
      publishedAt: status.publishedAt,
      publishedBy: by,
    }),
    ...change,
  });
  return { run, stored, counted: ci.counted, units: ci.rows.length };
}

/**
 * Compute a draft run of a plan and period from the cycle's own data. While the period is still
 * open for submissions the office must say so (`whileOpen`): a number taken mid-period is not final.
 */
export async function evaluatePlan(
  deps: Deps,
  ctx: Ctx,
  id: number,
  body: { period: string; whileOpen?: boolean },
): Promise<EvaluationRun> {
  const { period } = body;
  return deps.database.db.transaction(async (tx) => {
    const plan = await planInScope(tx, ctx.actor!, id, 'results.compute');
    const now = deps.now();
    if (!body.whileOpen && (await periodOpen(tx, id, period, now)))
      throw new AppError(
        'PERIOD_OPEN',
        `period: ${period} is still open for submissions; confirm with whileOpen to compute a draft anyway`,
        [{ path: 'whileOpen', message: 'the period is open' }],
      );
    await assertNoOpenObjections(tx, id, period);
    const { run, stored, counted, units } = await computeRun(tx, plan, period, now, who(ctx));
    // The newest run is the only live one: earlier unreleased runs of the period are superseded.
    const superseded = await repo.supersedeLive(tx, id, period, run.id);
    await recordAudit(deps, tx, ctx, {
      action: 'evaluation.run',
      objectType: 'evaluation_run',
      objectId: run.id,
      after: {
        planId: id,
        period,
        planRevision: plan.revision,
        status: 'draft',
        units,
        values: counted,
        superseded,
      },
    });
    return toRun(run, stored, true);
  });
}

/**
 * A new run supersedes the live one, and with it the run open objections were filed against: they
 * are settled first (409 with their count).
 */
export async function assertNoOpenObjections(tx: Executor, planId: number, period: string) {
  const open = await objectionsRepo.openCount(tx, planId, period);
  if (open > 0) throw conflict('results.objections_open', { count: open });
}

/** Whether the actor computes results of the plan's system (the office): it sees drafts. */
async function seesDrafts(db: Executor, ctx: Ctx, plan: repo.PlanRow) {
  return inSystemScope(await systemScope(db, ctx.actor!, 'results.compute'), plan.systemId);
}

/** Which runs the actor sees (run-state `statusesFor`): the office's, the leaders' or a unit's. */
export async function viewerOf(db: Executor, ctx: Ctx, plan: repo.PlanRow) {
  if (await seesDrafts(db, ctx, plan)) return 'office';
  return hasPermission(ctx.actor!, 'results.approve') ? 'leader' : 'unit';
}

/**
 * Which units' results the actor may see: all of them (office, leaders, the system's own grants,
 * indicator assessors) or only those under its org subtrees (unit roles see their own unit).
 */
async function visibleUnits(db: Executor, ctx: Ctx, plan: repo.PlanRow, stored: StoredResult) {
  const actor = ctx.actor!;
  if (inSystemScope(await systemScope(db, actor, 'results.read'), plan.systemId)) {
    const s = orgScope(actor, 'results.read');
    if (s.all || s.systemIds.includes(plan.systemId)) return null;
    const ids = stored.units.flatMap((u) => (u.unitId ? [u.unitId] : []));
    const paths = await repo.nodePaths(db, ids);
    const pathOf = new Map(paths.map((p) => [p.id, p.path]));
    return new Set(
      stored.units
        .filter((u) => u.unitId && s.paths.some((p) => (pathOf.get(u.unitId!) ?? '').startsWith(p)))
        .map((u) => u.unit),
    );
  }
  return new Set<string>();
}

/**
 * The run the actor asks for, default the newest it may see: the office any run, leaders also runs
 * waiting for approval, units runs in publicity or released. Others are not even said to exist.
 */
export async function chosenRun(db: Executor, ctx: Ctx, id: number, period: string, runId?: number) {
  const plan = await planInScope(db, ctx.actor!, id, 'results.read');
  const statuses = statusesFor(await viewerOf(db, ctx, plan));
  const run = runId ? await repo.findRun(db, id, runId) : await repo.latestRun(db, id, period, statuses);
  if (!run || run.period !== period || !statuses.includes(run.status as RunStatus))
    throw notFound(`Released results of this plan for ${period}`);
  const stored = run.result as unknown as StoredResult;
  const newest = await repo.latestRun(db, id, period);
  return {
    plan,
    run,
    stored,
    latest: newest?.id === run.id,
    visible: await visibleUnits(db, ctx, plan, stored),
  };
}

export async function getResults(
  deps: Deps,
  ctx: Ctx,
  id: number,
  q: { period: string; run?: number },
): Promise<EvaluationRun> {
  const { run, stored, visible, latest } = await chosenRun(deps.database.db, ctx, id, q.period, q.run);
  if (!visible) return toRun(run, stored, latest);
  // A unit sees its own row, its own place in the rankings and its own awards only.
  return toRun(
    run,
    {
      ...stored,
      units: stored.units.filter((u) => visible.has(u.unit)),
      rankings: stored.rankings.map((r) => ({ ...r, entries: r.entries.filter((e) => visible.has(e.unit)) })),
      awards: stored.awards.map((a) => ({ ...a, units: a.units.filter((u) => visible.has(u)) })),
    },
    latest,
  );
}

/** Runs of a plan the actor may see (the office: drafts and superseded ones too). */
export async function listRuns(deps: Deps, ctx: Ctx, id: number, period?: string): Promise<RunSummary[]> {
  const db = deps.database.db;
  const plan = await planInScope(db, ctx.actor!, id, 'results.read');
  const rows = await repo.listRuns(db, id, period, statusesFor(await viewerOf(db, ctx, plan)));
  const newest = new Map((await repo.latestRunIds(db, id)).map((r) => [r.period, r.id]));
  return rows.map((r) => ({
    id: r.id,
    planId: r.planId,
    period: r.period,
    status: r.status as RunStatus,
    planRevision: r.planRevision,
    computedAt: iso(r.computedAt),
    computedBy: r.computedBy,
    ...runStepsOf(r),
    latest: newest.get(r.period) === r.id,
    units: Number(r.units),
  }));
}

/** The stored input of a run, for the what-if (office only; nothing is written back). */
export async function runInput(deps: Deps, ctx: Ctx, id: number, runId: number) {
  const db = deps.database.db;
  await planInScope(db, ctx.actor!, id, 'results.compute');
  const run = await repo.findRun(db, id, runId);
  if (!run) throw notFound('This run');
  const stored = run.result as unknown as StoredResult;
  return { runId: run.id, period: run.period, input: stored.input as unknown as Record<string, unknown> };
}

/** A run's plan: its revision's document with the cycle's missing-value decisions applied. */
export async function runPlan(db: Executor, run: repo.RunRow): Promise<Plan> {
  const rev = await repo.findRevision(db, run.planId, run.planRevision);
  if (!rev) throw notFound('The plan revision of these results');
  return applyMissing(rev.document as unknown as Plan, (run.result as unknown as StoredResult).missing);
}

/**
 * Evaluations of stored runs, per database, the few most recently read. A run's result, plan and
 * revision never change once stored (trigger `evaluation_run_locked`), so neither does its
 * evaluation: a trace click, a scorecard or the consequences need not run the engine again.
 */
const evaluations = new WeakMap<Database, Recent<number, Promise<EvaluationResult>>>();

/** A stored run evaluated again from its own plan revision and snapshot (see `evaluations`). */
export function evaluatedRun(deps: Deps, run: repo.RunRow): Promise<EvaluationResult> {
  const recent = evaluations.get(deps.database) ?? new Recent<number, Promise<EvaluationResult>>(4);
  evaluations.set(deps.database, recent);
  const hit = recent.get(run.id);
  if (hit) return hit;
  const stored = run.result as unknown as StoredResult;
  const result = runPlan(deps.database.db, run).then((plan) => runEngine(plan, stored.input));
  recent.set(run.id, result);
  result.catch(() => recent.delete(run.id));
  return result;
}

/** The trace of one unit, rebuilt from the run's plan revision and stored input, with its sources. */
export async function getTrace(
  deps: Deps,
  ctx: Ctx,
  id: number,
  unit: string,
  q: { period: string; run?: number },
) {
  const db = deps.database.db;
  const { run, stored, visible } = await chosenRun(db, ctx, id, q.period, q.run);
  if ((visible && !visible.has(unit)) || !stored.units.some((u) => u.unit === unit))
    throw notFound(`Unit ${unit} in these results`);
  const result = await evaluatedRun(deps, run);
  const sources: ValueSource[] = (stored.sources ?? [])
    .filter((s) => s.unit === unit)
    .map(({ unit: _, ...s }) => s);
  return { ...(result.trace(unit) as unknown as Record<string, unknown>), sources };
}

/**
 * Every node of the units' trace trees (components, indicators, sub-items), depth first in plan
 * order, and each unit's score of each: the 指标得分 sheet of the full results.
 */
export function indicatorTable(result: EvaluationResult, units: readonly string[]) {
  const nodes = new Map<string, string>();
  const rows = units.map((unit) => {
    const scores: Record<string, number | null> = {};
    const walk = (ns: readonly TraceNode[]) => {
      for (const n of ns) {
        if (!nodes.has(n.code)) nodes.set(n.code, n.name);
        scores[n.code] = n.score;
        walk(n.children);
      }
    };
    walk(result.trace(unit).components);
    return { unit, scores };
  });
  return { nodes: [...nodes].map(([code, name]) => ({ code, name })), rows };
}

/**
 * The run chosen as for the results page as an .xlsx workbook: one sheet per group, and the full
 * results (every indicator of every unit the caller sees) on the sheet 指标得分.
 */
export async function exportResults(
  deps: Deps,
  ctx: Ctx,
  id: number,
  q: { period: string; run?: number },
): Promise<Download> {
  const db = deps.database.db;
  const run = await getResults(deps, ctx, id, q);
  const { plan, run: row } = await chosenRun(db, ctx, id, q.period, run.id);
  const doc = plan.document as unknown as Plan;
  const result = await evaluatedRun(deps, row);
  const wb = resultsWorkbook(run, {
    groups: doc.groups,
    decimals: doc.rounding?.decimals ?? 2,
    title: `${plan.name} · ${run.period}${run.status === 'draft' ? '（草稿）' : ''}`,
    indicators: indicatorTable(
      result,
      [...run.units]
        .sort((a, b) => a.group.localeCompare(b.group) || a.placement - b.placement)
        .map((u) => u.unit),
    ),
  });
  return {
    fileName: `考评结果-${run.period}.xlsx`,
    asciiName: `results-${run.period}.xlsx`,
    contentType: XLSX,
    data: await workbookBytes(wb),
  };
}
