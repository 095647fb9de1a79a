import {
  emptyPlanDocument,
  type PlanDetail,
  type PlanDiffEntry,
  type PlanIssue,
  type PlanSummary,
  planIssueEnglish,
  type RevisionNote,
} from '@jixiao/contracts';
import {
  AHP_CR_LIMIT,
  ahp,
  getTemplate,
  type Plan,
  type PlanValidationIssue,
  templates,
  validatePlan,
} from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Download } from '../../platform/download.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/upload.js';
import { recordAudit } from '../audit/audit.service.js';
import { deepEqual, diffPlans } from './plan-diff.js';
import { formatPlanFile, PlanFileError, parsePlanFile } from './plan-file.js';
import { inSystemScope, planInScope, systemScope } from './plans.policy.js';
import * as repo from './plans.repository.js';

type Doc = Record<string, unknown>;

// --- validation ------------------------------------------------------------------------------------

const toIssue = (i: PlanValidationIssue): PlanIssue => ({
  code: i.code,
  path: i.path,
  indicator: i.indicator ?? null,
  params: i.params,
  severity: 'error',
});

/** Every problem of a document at once; never throws, whatever the document holds. */
export function planIssues(document: unknown): PlanIssue[] {
  try {
    return validatePlan(document as Plan).map(toIssue);
  } catch (e) {
    return [
      {
        code: 'unreadable',
        path: '',
        indicator: null,
        params: { error: (e as Error).message },
        severity: 'error',
      },
    ];
  }
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toSummary(p: repo.PlanRow, issues = planIssues(p.document)): PlanSummary {
  return {
    id: p.id,
    systemId: p.systemId,
    year: p.year,
    name: p.name,
    status: p.status as PlanSummary['status'],
    version: p.version,
    revision: p.revision,
    clonedFromId: p.clonedFromId,
    updatedAt: iso(p.updatedAt)!,
    updatedBy: p.updatedBy,
    activatedAt: iso(p.activatedAt),
    errorCount: issues.filter((i) => i.severity === 'error').length,
    adHoc: (p.document as { period?: { adHoc?: unknown } }).period?.adHoc === true,
  };
}

export function toDetail(p: repo.PlanRow): PlanDetail {
  const issues = planIssues(p.document);
  return { ...toSummary(p, issues), document: p.document, issues };
}

/** What the audit log keeps of a plan: everything but the bulky document (kept in plan_revision). */
const auditView = (p: repo.PlanRow) => ({
  id: p.id,
  systemId: p.systemId,
  year: p.year,
  name: p.name,
  status: p.status,
  version: p.version,
  revision: p.revision,
  clonedFromId: p.clonedFromId,
});

const who = (ctx: Ctx) => ctx.actor?.username ?? null;

// --- templates -------------------------------------------------------------------------------------

export const listTemplates = () =>
  templates.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.plan.description ?? '',
    year: t.plan.year ?? null,
  }));

// --- plans -----------------------------------------------------------------------------------------

export async function listPlans(
  deps: Deps,
  ctx: Ctx,
  q: { systemId?: number; year?: number },
): Promise<PlanSummary[]> {
  const db = deps.database.db;
  const scope = await systemScope(db, ctx.actor!, 'plans.read');
  const rows = await repo.listPlans(db, { systemIds: scope.all ? null : scope.systemIds, ...q });
  return rows.map((r) => toSummary(r));
}

export async function getPlan(deps: Deps, ctx: Ctx, id: number): Promise<PlanDetail> {
  return toDetail(await planInScope(deps.database.db, ctx.actor!, id, 'plans.read'));
}

/** A new plan starts with the system's own categories and groups and nothing else. */
async function skeleton(db: Executor, systemId: number, year: number, name: string): Promise<Doc> {
  const rows = await repo.systemGroups(db, systemId);
  const cats = new Map<string, string>();
  for (const r of rows) cats.set(r.categoryCode, r.categoryName);
  return emptyPlanDocument({
    id: `plan-${systemId}-${year}`,
    name,
    year,
    categories: [...cats].map(([code, n]) => ({ code, name: n })),
    groups: rows.map((r) => ({ code: r.code, name: r.name, category: r.categoryCode })),
  });
}

async function requireSystemWrite(db: Executor, ctx: Ctx, systemId: number) {
  if (!(await repo.findSystem(db, systemId)))
    throw new AppError('VALIDATION_FAILED', 'systemId: no such evaluation system', [
      { path: 'systemId', message: 'unknown system' },
    ]);
  if (inSystemScope(await systemScope(db, ctx.actor!, 'plans.write'), systemId)) return;
  throw new AppError('FORBIDDEN', 'You may not write the plans of this evaluation system');
}

/** Insert a plan and its first revision, with an audit row. */
async function insertWithRevision(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  v: { systemId: number; year: number; name: string; document: Doc; clonedFromId?: number | null },
  action: string,
  note: RevisionNote,
) {
  const at = deps.now();
  const row = await repo.insertPlan(tx, {
    systemId: v.systemId,
    year: v.year,
    name: v.name,
    document: v.document,
    clonedFromId: v.clonedFromId ?? null,
    createdAt: at,
    createdBy: who(ctx),
    updatedAt: at,
    updatedBy: who(ctx),
  });
  await repo.insertRevision(tx, {
    planId: row.id,
    revision: 1,
    document: v.document,
    savedAt: at,
    savedBy: who(ctx),
    ...repo.noteColumns(note),
  });
  await recordAudit(deps, tx, ctx, { action, objectType: 'plan', objectId: row.id, after: auditView(row) });
  return row;
}

export async function createPlan(
  deps: Deps,
  ctx: Ctx,
  input: { systemId: number; year: number; name: string; templateId?: string; document?: Doc },
): Promise<PlanDetail> {
  return deps.database.db.transaction(async (tx) => {
    await requireSystemWrite(tx, ctx, input.systemId);
    let document: Doc;
    let note: RevisionNote = { code: 'plan.created', params: {} };
    if (input.templateId) {
      const t = getTemplate(input.templateId);
      if (!t)
        throw new AppError('VALIDATION_FAILED', `templateId: no template "${input.templateId}"`, [
          { path: 'templateId', message: 'unknown template' },
        ]);
      document = { ...structuredClone(t.plan as unknown as Doc), name: input.name, year: input.year };
      note = { code: 'plan.from_template', params: { templateId: t.id } };
    } else if (input.document) document = input.document;
    else document = await skeleton(tx, input.systemId, input.year, input.name);
    const row = await insertWithRevision(deps, tx, ctx, { ...input, document }, 'plan.create', note);
    return toDetail(row);
  });
}

function requireDraft(p: repo.PlanRow) {
  if (p.status !== 'draft')
    throw new AppError(
      'CONFLICT',
      `This plan is ${p.status === 'active' ? 'active' : 'archived'} and locked; clone it to make changes`,
    );
}

/** Save a new document of a draft as the next revision. */
async function saveDocument(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  before: repo.PlanRow,
  version: number,
  document: Doc,
  note: RevisionNote | null,
  action: string,
) {
  requireDraft(before);
  const at = deps.now();
  const revision = before.revision + 1;
  const after = await repo.updatePlanVersioned(tx, before.id, version, {
    document,
    revision,
    updatedAt: at,
    updatedBy: who(ctx),
  });
  if (!after) throw versionConflict('This plan');
  await repo.insertRevision(tx, {
    planId: before.id,
    revision,
    document,
    savedAt: at,
    savedBy: who(ctx),
    ...repo.noteColumns(note),
  });
  await recordAudit(deps, tx, ctx, {
    action,
    objectType: 'plan',
    objectId: before.id,
    before: auditView(before),
    after: { ...auditView(after), changes: diffPlans(before.document, document).length },
  });
  return after;
}

export async function savePlan(
  deps: Deps,
  ctx: Ctx,
  id: number,
  input: { document: Doc; version: number; note?: string },
): Promise<PlanDetail> {
  return deps.database.db.transaction(async (tx) => {
    const before = await planInScope(tx, ctx.actor!, id, 'plans.write');
    const after = await saveDocument(
      deps,
      tx,
      ctx,
      before,
      input.version,
      input.document,
      input.note ? { code: 'text', params: { text: input.note } } : null,
      'plan.update',
    );
    return toDetail(after);
  });
}

export async function activatePlan(
  deps: Deps,
  ctx: Ctx,
  id: number,
  input: { version: number },
): Promise<PlanDetail> {
  return deps.database.db.transaction(async (tx) => {
    const before = await planInScope(tx, ctx.actor!, id, 'plans.write');
    if (before.version !== input.version) throw versionConflict('This plan');
    if (before.status === 'active') throw new AppError('CONFLICT', 'This plan is already active');
    requireDraft(before);
    const issues = planIssues(before.document);
    if (issues.some((i) => i.severity === 'error'))
      throw new AppError(
        'PLAN_INVALID',
        `The plan has ${issues.length} problem(s) and cannot be activated: ${issues
          .slice(0, 3)
          .map(planIssueEnglish)
          .join('; ')}${issues.length > 3 ? '; …' : ''}`,
        issues,
      );
    const at = deps.now();
    // Z7: an ad-hoc plan runs beside the yearly one; only a yearly plan replaces the yearly plan.
    const adHoc = (before.document as { period?: { adHoc?: unknown } }).period?.adHoc === true;
    const archived = adHoc ? [] : await repo.archiveActive(tx, before.systemId, before.year, id, at);
    const after = await repo.updatePlanVersioned(tx, id, input.version, {
      status: 'active',
      activatedAt: at,
      updatedAt: at,
      updatedBy: who(ctx),
    });
    if (!after) throw versionConflict('This plan');
    await recordAudit(deps, tx, ctx, [
      ...archived.map((a) => ({
        action: 'plan.archive',
        objectType: 'plan',
        objectId: a.id,
        after: auditView(a),
      })),
      {
        action: 'plan.activate',
        objectType: 'plan',
        objectId: id,
        before: auditView(before),
        after: auditView(after),
      },
    ]);
    return toDetail(after);
  });
}

/** "无锡… 2016" cloned to 2017 becomes "无锡… 2017"; otherwise the year is appended. */
export function cloneName(name: string, fromYear: number, toYear: number): string {
  const y = String(fromYear);
  return name.includes(y) ? name.split(y).join(String(toYear)) : `${name} ${toYear}`;
}

export async function clonePlan(
  deps: Deps,
  ctx: Ctx,
  id: number,
  input: { year: number; name?: string },
): Promise<PlanDetail> {
  return deps.database.db.transaction(async (tx) => {
    const source = await planInScope(tx, ctx.actor!, id, 'plans.write');
    const name = input.name ?? cloneName(source.name, source.year, input.year);
    const document: Doc = { ...structuredClone(source.document), year: input.year };
    const docYear = typeof source.document.year === 'number' ? source.document.year : source.year;
    if (typeof document.name === 'string') document.name = cloneName(document.name, docYear, input.year);
    const row = await insertWithRevision(
      deps,
      tx,
      ctx,
      { systemId: source.systemId, year: input.year, name, document, clonedFromId: source.id },
      'plan.clone',
      { code: 'plan.cloned', params: { planId: source.id, year: source.year } },
    );
    return toDetail(row);
  });
}

export async function listRevisions(deps: Deps, ctx: Ctx, id: number) {
  const db = deps.database.db;
  await planInScope(db, ctx.actor!, id, 'plans.read');
  return (await repo.listRevisions(db, id)).map((r) => ({
    revision: r.revision,
    savedAt: iso(r.savedAt)!,
    savedBy: r.savedBy,
    note: repo.noteOf(r),
  }));
}

/**
 * Differences from another plan (say last year's) or an earlier revision to this plan's current
 * document; with neither, from the plan it was cloned from.
 */
export async function diffPlan(
  deps: Deps,
  ctx: Ctx,
  id: number,
  q: { againstPlanId?: number; revision?: number },
): Promise<PlanDiffEntry[]> {
  const db = deps.database.db;
  const plan = await planInScope(db, ctx.actor!, id, 'plans.read');
  let base: unknown;
  if (q.revision !== undefined) {
    const r = await repo.findRevision(db, id, q.revision);
    if (!r) throw notFound(`Revision ${q.revision} of this plan`);
    base = r.document;
  } else {
    const other = q.againstPlanId ?? plan.clonedFromId;
    if (!other)
      throw new AppError('VALIDATION_FAILED', 'query: give againstPlanId or revision', [
        { path: 'query.againstPlanId', message: 'required' },
      ]);
    base = (await planInScope(db, ctx.actor!, other, 'plans.read')).document;
  }
  return diffPlans(base, plan.document);
}

export async function exportPlan(
  deps: Deps,
  ctx: Ctx,
  id: number,
  format: 'yaml' | 'json',
): Promise<Download> {
  const plan = await planInScope(deps.database.db, ctx.actor!, id, 'plans.read');
  const base = String(plan.document.id ?? `plan-${plan.id}`).replace(/[^A-Za-z0-9._-]/g, '_');
  return {
    fileName: `${base}-${plan.year}.${format === 'yaml' ? 'yaml' : 'json'}`,
    contentType: format === 'yaml' ? 'application/yaml; charset=utf-8' : 'application/json; charset=utf-8',
    data: formatPlanFile(plan.document, format),
  };
}

/** Replace a draft's document with an uploaded YAML or JSON file, as a new revision. */
export async function importPlan(deps: Deps, ctx: Ctx, id: number, file: UploadedFile): Promise<PlanDetail> {
  let document: Doc;
  try {
    document = parsePlanFile(file.data).document;
  } catch (e) {
    if (e instanceof PlanFileError)
      throw new AppError('VALIDATION_FAILED', `file: ${e.message}`, [
        { path: 'file', line: e.line, code: e.code, params: e.params, indicator: null, severity: 'error' },
      ]);
    throw e;
  }
  return deps.database.db.transaction(async (tx) => {
    const before = await planInScope(tx, ctx.actor!, id, 'plans.write');
    requireDraft(before);
    if (deepEqual(before.document, document)) return toDetail(before);
    const after = await saveDocument(
      deps,
      tx,
      ctx,
      before,
      before.version,
      document,
      { code: 'plan.imported', params: { fileName: file.fileName } },
      'plan.import',
    );
    return toDetail(after);
  });
}

// --- AHP -------------------------------------------------------------------------------------------

export function ahpWeightsOf(matrix: number[][]) {
  const r = ahp(matrix);
  // A malformed matrix has no weights; an inconsistent one has weights and a CR issue (answered 200).
  if (r.weights.length === 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `matrix: ${planIssueEnglish(r.issues[0]!)}`,
      r.issues.map((m) => ({ path: 'matrix', code: m.code, params: m.params, message: planIssueEnglish(m) })),
    );
  const cr = r.consistencyRatio.toFixed(3);
  return {
    weights: r.weights,
    lambdaMax: r.lambdaMax,
    ci: r.consistencyIndex,
    cr: r.consistencyRatio,
    ri: r.ri,
    riTable: r.riTable,
    consistent: r.consistent,
    issues: r.issues,
    message: r.consistent
      ? `CR = ${cr} < ${AHP_CR_LIMIT.toFixed(2)}: the comparisons are consistent; the weights may be used`
      : `CR = ${cr} ≥ ${AHP_CR_LIMIT.toFixed(2)}: the comparisons are inconsistent; revise the matrix before using these weights (${r.issues.map(planIssueEnglish).join('; ')})`,
  };
}
