import type {
  HotlineFeed,
  HotlineField,
  HotlineImportResult,
  HotlinePreview,
  HotlineRowInput,
  HotlineStat,
} from '@jixiao/contracts';
import type { Plan } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/upload.js';
import { recordAudit } from '../audit/audit.service.js';
import { type DataProblem, readTable } from '../imports/data-file.js';
import { planLeaves } from '../plans/plan-leaves.js';
import { planInScope } from '../plans/plans.policy.js';
import { findPlan, type PlanRow, systemUnits } from '../plans/plans.repository.js';
import { requireToken, tokenSender } from '../supervision/supervision.service.js';
import * as repo from './hotline.repository.js';
import {
  checkHotlineRows,
  HOTLINE_COLUMNS,
  type HotlineFigures,
  type HotlineRaw,
  periodProblems,
  pushedRow,
} from './hotline.rows.js';

/**
 * Hotline work-order statistics (issue 10 point 8, H8). The office uploads a CSV / .xlsx of one
 * plan's period (preview, then commit), or the hotline system pushes the same rows with the API
 * token supervision uses; either replaces the period as a whole — every row or none — audited with
 * the row counts before and after. Feeds map a figure to a plan indicator; the cycle input
 * (inputs/assemble.ts) takes the figure as the unit's value of that indicator.
 */

/** A plan the office may load hotline figures into: in scope (else 404 / 403) and not archived. */
async function writablePlan(db: Executor, ctx: Ctx, planId: number) {
  const plan = await planInScope(db, ctx.actor!, planId, 'data.import');
  return current(plan);
}

function current(plan: PlanRow) {
  if (plan.status === 'archived')
    throw new AppError('CONFLICT', `plan ${plan.id} is archived; hotline figures go into a current plan`, {
      status: plan.status,
    });
  return plan;
}

/** Every problem of the rows (and of the period) against the plan's units. */
async function check(db: Executor, plan: PlanRow, period: string, raw: HotlineRaw[], shape: DataProblem[]) {
  const units = new Map((await systemUnits(db, plan.systemId)).map((u) => [u.code, u.id]));
  const checked = shape.some((p) => p.line === 1)
    ? { rows: [] as HotlineFigures[], problems: [] as DataProblem[] }
    : checkHotlineRows(raw, units, period);
  const problems = [...periodProblems(period, plan.year), ...shape, ...checked.problems].sort(
    (a, b) => a.line - b.line,
  );
  return { rows: checked.rows, problems };
}

/** Refused rows: 400 with every problem (line, column, code, params); nothing is stored. */
const rejected = (problems: DataProblem[]) =>
  new AppError(
    'VALIDATION_FAILED',
    `${problems.length} problem(s) in the hotline figures; nothing was stored. First: ${problems[0]!.message}`,
    problems.map((p) => ({ ...p, path: p.field })),
  );

async function analyseFile(db: Executor, plan: PlanRow, period: string, file: UploadedFile) {
  const table = await readTable(file.data, HOTLINE_COLUMNS);
  return { format: table.format, ...(await check(db, plan, period, table.rows, table.problems)) };
}

/** Replace a period's rows, audited with the counts before and after. */
async function replace(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  plan: PlanRow,
  period: string,
  rows: HotlineFigures[],
  source: string,
  actor?: { id: number; username: string },
): Promise<HotlineImportResult> {
  const before = await repo.countPeriod(tx, plan.id, period);
  const now = deps.now();
  const by = actor?.username ?? ctx.actor?.username ?? null;
  await repo.replacePeriod(
    tx,
    plan.id,
    period,
    rows.map(({ line: _, unit: __, ...r }) => ({
      ...r,
      planId: plan.id,
      period,
      source,
      importedAt: now,
      importedBy: by,
    })),
  );
  await recordAudit(
    deps,
    tx,
    ctx,
    {
      action: 'hotline_stat.import',
      objectType: 'plan',
      objectId: plan.id,
      before: { period, rows: before },
      after: { period, rows: rows.length, source },
    },
    actor,
  );
  return { planId: plan.id, period, before, after: rows.length };
}

/** Read and check a file; nothing is stored. */
export async function previewUpload(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  period: string,
  file: UploadedFile,
): Promise<HotlinePreview> {
  const db = deps.database.db;
  const plan = await writablePlan(db, ctx, planId);
  const { format, rows, problems } = await analyseFile(db, plan, period, file);
  return {
    planId,
    period,
    fileName: file.fileName,
    format,
    rows: rows.map(({ unitId: _, ...r }) => r),
    problems,
    replaces: await repo.countPeriod(db, planId, period),
  };
}

/** Store a file's rows as the period's: all of them, or none with every problem (400). */
export async function importUpload(deps: Deps, ctx: Ctx, planId: number, period: string, file: UploadedFile) {
  return deps.database.db.transaction(async (tx) => {
    const plan = await writablePlan(tx, ctx, planId);
    const { rows, problems } = await analyseFile(tx, plan, period, file);
    if (problems.length) throw rejected(problems);
    return replace(deps, tx, ctx, plan, period, rows, 'file');
  });
}

/** The same rows pushed by the hotline system with an API token (checked before the body, 401). */
export async function pushWithToken(
  deps: Deps,
  ctx: Ctx,
  authorization: string | undefined,
  body: { planId: number; period: string; rows: HotlineRowInput[] },
) {
  return deps.database.db.transaction(async (tx) => {
    const sender = await tokenSender(deps, tx, authorization);
    const found = await findPlan(tx, body.planId);
    if (!found) throw notFound('Plan');
    const plan = current(found);
    const { rows, problems } = await check(tx, plan, body.period, body.rows.map(pushedRow), []);
    if (problems.length) throw rejected(problems);
    return replace(deps, tx, ctx, plan, body.period, rows, `api:${sender.name}`, sender.actor);
  });
}

/** The units' stored figures of a period. */
export async function listStats(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  period: string,
): Promise<HotlineStat[]> {
  const db = deps.database.db;
  await planInScope(db, ctx.actor!, planId, 'data.import');
  return (await repo.listPeriod(db, planId, period)).map(({ stat: s, unitCode, unitName }) => ({
    id: s.id,
    planId: s.planId,
    period: s.period,
    unitId: s.unitId,
    unitCode,
    unitName,
    volume: s.volume,
    timelyRate: s.timelyRate,
    completionRate: s.completionRate,
    satisfaction: s.satisfaction,
    source: s.source,
    importedAt: s.importedAt.toISOString(),
    importedBy: s.importedBy,
  }));
}

const presentFeeds = (rows: repo.FeedRow[]): HotlineFeed[] =>
  rows.map((f) => ({ field: f.field as HotlineField, indicator: f.indicator }));

export async function listFeeds(deps: Deps, ctx: Ctx, planId: number): Promise<HotlineFeed[]> {
  const db = deps.database.db;
  await planInScope(db, ctx.actor!, planId, 'plans.read');
  return presentFeeds(await repo.listFeeds(db, planId));
}

/**
 * Replace the plan's feeds. Each names a leaf of the plan (an indicator or sub-item that takes a
 * value) at most once; one figure may feed several indicators.
 */
export async function putFeeds(deps: Deps, ctx: Ctx, planId: number, feeds: HotlineFeed[]) {
  return deps.database.db.transaction(async (tx) => {
    const plan = await writablePlan(tx, ctx, planId);
    const leaves = new Set(planLeaves(plan.document as unknown as Plan).map((l) => l.code));
    const seen = new Set<string>();
    const problems: { path: string; message: string }[] = [];
    feeds.forEach((f, i) => {
      if (!leaves.has(f.indicator))
        problems.push({
          path: `feeds.${i}.indicator`,
          message: `${f.indicator} is not a leaf indicator of the plan`,
        });
      else if (seen.has(f.indicator))
        problems.push({ path: `feeds.${i}.indicator`, message: `${f.indicator} is fed twice` });
      seen.add(f.indicator);
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', `feeds: ${problems[0]!.message}`, problems);
    const before = presentFeeds(await repo.listFeeds(tx, planId));
    await repo.replaceFeeds(tx, planId, feeds);
    await recordAudit(deps, tx, ctx, {
      action: 'hotline_feed.update',
      objectType: 'plan',
      objectId: planId,
      before: { feeds: before },
      after: { feeds },
    });
    return presentFeeds(await repo.listFeeds(tx, planId));
  });
}

/** The push's bearer check: the supervision system's API tokens, checked before the body is read. */
export const checkPushToken = (deps: Deps, authorization: string | undefined) =>
  requireToken(deps, authorization);
