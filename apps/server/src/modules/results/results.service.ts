import type { EvaluationRun, UnitScore } from '@jixiao/contracts';
import {
  type EvaluationInput,
  EvaluationInputError,
  type EvaluationResult,
  evaluate,
  type Plan,
  PlanValidationError,
  type UnitInput,
  type UnitResult,
} from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import { orgScope } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { frozenHalfYear } from '../live/half-year.js';
import { inSystemScope, planInScope, systemScope } from '../plans/plans.policy.js';
import * as repo from '../plans/plans.repository.js';
import { planIssues } from '../plans/plans.service.js';
import { buildInputs, type PeriodInput, readDataFile } from './data-file.js';

const iso = (d: Date | string) => new Date(d).toISOString();
const who = (ctx: Ctx) => ctx.actor?.username ?? null;

/** The plan as the engine needs it; an invalid plan cannot take data or be evaluated. */
export function usablePlan(document: Record<string, unknown>): Plan {
  const issues = planIssues(document);
  if (issues.length > 0)
    throw new AppError(
      'PLAN_INVALID',
      `The plan has ${issues.length} problem(s); fix them first: ${issues[0]!.message}`,
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
      throw new AppError('PLAN_INVALID', e.message.split('\n')[0]!, planIssues(plan));
    if (e instanceof EvaluationInputError)
      throw new AppError(
        'INPUT_INVALID',
        `The data cannot be evaluated: ${e.issues[0]?.message ?? e.message}`,
        e.issues,
      );
    throw e;
  }
}

/** The evaluated units of the plan's system: org nodes with a group (code = node code). */
async function unitsOf(db: Executor, systemId: number) {
  const rows = await repo.systemUnits(db, systemId);
  const units: UnitInput[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    group: r.group,
    category: r.category,
  }));
  return { rows, units };
}

// --- datasets --------------------------------------------------------------------------------------

function toDataset(planId: number, period: string, row: repo.DatasetRow | undefined) {
  const input = row?.input ?? { period, values: [], bonuses: [], deductions: [], vetoes: [] };
  return {
    planId,
    period,
    version: row?.version ?? 0,
    rows: Array.isArray(input.values) ? input.values.length : 0,
    input,
    updatedAt: iso(row?.updatedAt ?? new Date(0)),
  };
}

/** The stored inputs of a period; an empty dataset of version 0 when nothing is stored yet. */
export async function getDataset(deps: Deps, ctx: Ctx, id: number, period: string) {
  const db = deps.database.db;
  await planInScope(db, ctx.actor!, id, 'plans.write');
  return toDataset(id, period, await repo.findDataset(db, id, period));
}

const normalise = (input: Record<string, unknown>, period: string): PeriodInput => {
  const { units: _, ...rest } = input as unknown as EvaluationInput;
  return {
    ...rest,
    period,
    values: rest.values ?? [],
    bonuses: rest.bonuses ?? [],
    deductions: rest.deductions ?? [],
    vetoes: rest.vetoes ?? [],
  };
};

async function storeDataset(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  plan: repo.PlanRow,
  period: string,
  input: PeriodInput,
  version: number | null,
  action: string,
) {
  const before = await repo.findDataset(tx, plan.id, period);
  const row = await repo.saveDataset(
    tx,
    {
      planId: plan.id,
      period,
      input: input as unknown as Record<string, unknown>,
      updatedBy: who(ctx),
      at: deps.now(),
    },
    version,
  );
  if (!row) throw versionConflict('The data of this period');
  const count = (i: PeriodInput) => ({
    values: i.values.length,
    bonuses: i.bonuses?.length ?? 0,
    deductions: i.deductions?.length ?? 0,
    vetoes: i.vetoes?.length ?? 0,
  });
  await recordAudit(deps, tx, ctx, {
    action,
    objectType: 'plan_dataset',
    objectId: row.id,
    before: before
      ? { planId: plan.id, period, version: before.version, ...count(before.input as unknown as PeriodInput) }
      : null,
    after: { planId: plan.id, period, version: row.version, ...count(input) },
  });
  return toDataset(plan.id, period, row);
}

/** Replace a period's data from a CSV/.xlsx upload: every row checked, all stored or none. */
export async function uploadData(
  deps: Deps,
  ctx: Ctx,
  id: number,
  period: string,
  file: { data: Uint8Array },
) {
  const parsed = await readDataFile(file.data);
  return deps.database.db.transaction(async (tx) => {
    const plan = await planInScope(tx, ctx.actor!, id, 'plans.write');
    if (parsed.problems.length > 0) reject(parsed.problems);
    const doc = usablePlan(plan.document);
    const { units } = await unitsOf(tx, plan.systemId);
    const { problems, inputs } = buildInputs(doc, units, parsed.rows, { period });
    if (problems.length > 0) reject(problems);
    if (parsed.rows.length === 0)
      throw new AppError('VALIDATION_FAILED', 'file: the file has a header row but no data rows', [
        { path: 'file', message: 'no data rows' },
      ]);
    return storeDataset(deps, tx, ctx, plan, period, inputs.get(period)!, null, 'plan_dataset.import');
  });
}

function reject(problems: { line: number; field: string; message: string }[]): never {
  throw new AppError(
    'IMPORT_REJECTED',
    `${problems.length} row problem(s); nothing was stored. First: ${problems[0]!.message}`,
    problems,
  );
}

/** Save edited inputs (what-if "save"): checked by a dry run of the engine. */
export async function saveData(
  deps: Deps,
  ctx: Ctx,
  id: number,
  period: string,
  body: { input: Record<string, unknown>; version: number },
) {
  return deps.database.db.transaction(async (tx) => {
    const plan = await planInScope(tx, ctx.actor!, id, 'plans.write');
    const doc = usablePlan(plan.document);
    const input = normalise(body.input, period);
    if (!Array.isArray(input.values))
      throw new AppError('VALIDATION_FAILED', 'input.values: must be a list', [
        { path: 'input.values', message: 'must be a list' },
      ]);
    const { units } = await unitsOf(tx, plan.systemId);
    runEngine(doc, { ...input, units });
    return storeDataset(deps, tx, ctx, plan, period, input, body.version, 'plan_dataset.update');
  });
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

/** What a run stores: the serialisable result and the exact input, so traces can be rebuilt. */
interface StoredResult {
  units: UnitScore[];
  rankings: EvaluationRun['rankings'];
  awards: EvaluationRun['awards'];
  input: EvaluationInput;
}

export function resultToStored(
  result: EvaluationResult,
  input: EvaluationInput,
  ids: Map<string, number>,
): StoredResult {
  return {
    units: result.units.map((u) => toUnitScore(u, ids.get(u.unit) ?? null)),
    rankings: result.rankings.map((r) => ({ code: r.code, name: r.name, entries: r.entries })),
    awards: result.awards.map((a) => ({ code: a.code, name: a.name, units: a.units })),
    input,
  };
}

function toRun(run: repo.RunRow, stored: StoredResult): EvaluationRun {
  return {
    id: run.id,
    planId: run.planId,
    period: run.period,
    planRevision: run.planRevision,
    computedAt: iso(run.computedAt),
    computedBy: run.computedBy,
    units: stored.units,
    rankings: stored.rankings,
    awards: stored.awards,
  };
}

/** Evaluate a plan for a period on its system's units and the stored data; keeps the run. */
export async function evaluatePlan(deps: Deps, ctx: Ctx, id: number, period: string): Promise<EvaluationRun> {
  return deps.database.db.transaction(async (tx) => {
    const plan = await planInScope(tx, ctx.actor!, id, 'results.compute');
    const doc = usablePlan(plan.document);
    const data = await repo.findDataset(tx, id, period);
    if (!data) throw notFound(`Data of this plan for ${period}`);
    const { rows, units } = await unitsOf(tx, plan.systemId);
    const input: EvaluationInput = { ...normalise(data.input, period), units };
    // S9: a frozen half-year result carries into the year end (the plan's halfYear weight decides how).
    const halfYear = period.endsWith('-Y') && !input.halfYear?.length ? await frozenHalfYear(tx, id) : null;
    if (halfYear) input.halfYear = halfYear;
    const result = runEngine(doc, input);
    const stored = resultToStored(result, input, new Map(rows.map((r) => [r.code, r.id])));
    const run = await repo.insertRun(tx, {
      planId: id,
      period,
      planRevision: plan.revision,
      result: stored as unknown as Record<string, unknown>,
      computedAt: deps.now(),
      computedBy: who(ctx),
    });
    await recordAudit(deps, tx, ctx, {
      action: 'evaluation.run',
      objectType: 'evaluation_run',
      objectId: run.id,
      after: {
        planId: id,
        period,
        planRevision: plan.revision,
        datasetVersion: data.version,
        units: units.length,
      },
    });
    return toRun(run, stored);
  });
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

async function currentRun(db: Executor, ctx: Ctx, id: number, period: string) {
  const plan = await planInScope(db, ctx.actor!, id, 'results.read');
  const run = await repo.latestRun(db, id, period);
  if (!run) throw notFound(`Results of this plan for ${period}`);
  const stored = run.result as unknown as StoredResult;
  return { plan, run, stored, visible: await visibleUnits(db, ctx, plan, stored) };
}

export async function getResults(deps: Deps, ctx: Ctx, id: number, period: string): Promise<EvaluationRun> {
  const { run, stored, visible } = await currentRun(deps.database.db, ctx, id, period);
  if (!visible) return toRun(run, stored);
  // A unit sees its own row, its own place in the rankings and its own awards only.
  return toRun(run, {
    ...stored,
    units: stored.units.filter((u) => visible.has(u.unit)),
    rankings: stored.rankings.map((r) => ({ ...r, entries: r.entries.filter((e) => visible.has(e.unit)) })),
    awards: stored.awards.map((a) => ({ ...a, units: a.units.filter((u) => visible.has(u)) })),
  });
}

/** The trace of one unit, rebuilt from the run's plan revision and its stored input. */
export async function getTrace(deps: Deps, ctx: Ctx, id: number, unit: string, period: string) {
  const db = deps.database.db;
  const { run, stored, visible } = await currentRun(db, ctx, id, period);
  if ((visible && !visible.has(unit)) || !stored.units.some((u) => u.unit === unit))
    throw notFound(`Unit ${unit} in these results`);
  const rev = await repo.findRevision(db, id, run.planRevision);
  if (!rev) throw notFound('The plan revision of these results');
  const result = runEngine(rev.document as unknown as Plan, stored.input);
  return result.trace(unit) as unknown as Record<string, unknown>;
}
