import type { InnovationProject, JudgedProject, ProjectCreate, ProjectUpdate } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, bad, conflict, notFound, versionConflict } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/upload.js';
import { recordAudit } from '../audit/audit.service.js';
import { attachChecked } from '../submissions/evidence.service.js';
import { presentEvidence } from '../submissions/present.js';
import { listEvidence } from '../submissions/submissions.repository.js';
import { callStatusAt, callStep } from './call-state.js';
import { visibleCall } from './calls.service.js';
import * as repo from './innovation.repository.js';
import { isOffice, judgeOf, projectView, speaksFor, visibleProject } from './innovation-access.js';
import { judgedIds } from './scoring.repository.js';

/**
 * Units' innovation projects (H10, issue 12 point 1): submitted in a category of an open call with
 * title, summary, results and attachments (evidence files, content-checked), editable by their
 * unit until the call closes or its deadline passes, then locked (409 `innovation.project_locked`);
 * also once judging started on it (a sheet, or a place in a defence session).
 */

export const OWNER = 'innovation_project';
const who = (ctx: Ctx) => ctx.actor?.username ?? null;

async function presentAll(deps: Deps, db: Executor, ctx: Ctx, rows: repo.ProjectListRow[]) {
  const ids = rows.map((r) => r.project.id);
  const files = await listEvidence(db, OWNER, ids);
  const office = isOffice(ctx.actor!);
  const judges = office ? await repo.judgeCounts(db, ids) : new Map<number, number>();
  const calls = new Map<number, repo.CallRow>();
  for (const callId of new Set(rows.map((r) => r.project.callId))) {
    const c = await repo.findCall(db, callId);
    if (c) calls.set(callId, c);
  }
  const now = deps.now();
  const judged = await judgedIds(db, ids);
  return rows.map((r): InnovationProject => {
    const p = r.project;
    const call = calls.get(p.callId)!;
    return {
      id: p.id,
      callId: p.callId,
      year: r.year,
      unitId: p.unitId,
      unitCode: r.unitCode,
      unitName: r.unitName,
      category: p.category,
      categoryName: call.categories.find((c) => c.code === p.category)?.name ?? p.category,
      title: p.title,
      summary: p.summary,
      results: p.results,
      status: 'submitted',
      attachments: files.filter((f) => f.ownerId === p.id).map(presentEvidence),
      judges: judges.get(p.id) ?? 0,
      createdAt: p.createdAt.toISOString(),
      createdBy: p.createdBy,
      updatedAt: p.updatedAt.toISOString(),
      updatedBy: p.updatedBy,
      editable:
        callStep(callStatusAt(call, now), 'apply').ok &&
        speaksFor(ctx.actor!, r.unitPath) &&
        !judged.has(p.id),
      version: p.version,
    };
  });
}

/** The projects of a call the caller may see: all (office, leaders) or its unit's. */
export async function listProjects(deps: Deps, ctx: Ctx, callId: number) {
  const db = deps.database.db;
  await visibleCall(db, ctx, callId);
  return presentAll(deps, db, ctx, await repo.listProjects(db, projectView(ctx.actor!), { callId }));
}

async function presentOne(deps: Deps, db: Executor, ctx: Ctx, id: number) {
  const [p] = await presentAll(deps, db, ctx, [await visibleProject(db, ctx, id)]);
  return p!;
}

export const getProject = (deps: Deps, ctx: Ctx, id: number) => presentOne(deps, deps.database.db, ctx, id);

/** Applications are taken while the call is open and before its deadline; else 409. */
function assertApplying(call: repo.CallRow, now: Date) {
  const status = callStatusAt(call, now);
  if (!callStep(status, 'apply').ok)
    throw conflict('innovation.project_locked', { status, deadline: call.deadline });
}

function assertCategory(call: repo.CallRow, category: string) {
  if (!call.categories.some((c) => c.code === category))
    throw bad('category', 'innovation.unknown_category', { category });
}

export async function createProject(deps: Deps, ctx: Ctx, callId: number, b: ProjectCreate) {
  return deps.database.db.transaction(async (tx) => {
    const actor = ctx.actor!;
    const call = await visibleCall(tx, ctx, callId);
    assertApplying(call, deps.now());
    assertCategory(call, b.category);
    const unitId = b.unitId ?? actor.orgNodeId;
    if (!unitId) throw bad('unitId', 'innovation.unit_required');
    const unit = await repo.findNode(tx, unitId);
    // Another unit is not revealed (404), as everywhere in the API.
    if (!unit || !speaksFor(actor, unit.path)) throw notFound('Unit');
    if (!unit.groupId) throw bad('unitId', 'innovation.not_a_unit', { id: unitId });
    const now = deps.now();
    const row = await repo.insertProject(tx, {
      callId,
      unitId,
      category: b.category,
      title: b.title,
      summary: b.summary,
      results: b.results,
      createdAt: now,
      createdBy: who(ctx),
      updatedAt: now,
      updatedBy: who(ctx),
    });
    await recordAudit(deps, tx, ctx, {
      action: 'innovation_project.create',
      objectType: 'innovation_project',
      objectId: row.id,
      after: { callId, unitId, category: row.category, title: row.title },
    });
    return presentOne(deps, tx, ctx, row.id);
  });
}

/** The project's unit may change it (else 403) while applications are taken (else 409). */
async function writableProject(deps: Deps, db: Executor, ctx: Ctx, id: number) {
  const r = await visibleProject(db, ctx, id);
  if (!speaksFor(ctx.actor!, r.unitPath)) throw new AppError('FORBIDDEN', 'A unit edits its own projects');
  const call = (await repo.findCall(db, r.project.callId))!;
  assertApplying(call, deps.now());
  // Judges have started on it (a sheet, or its place in a defence session): what they judge stays.
  if ((await judgedIds(db, [id])).size)
    throw conflict('innovation.project_locked', { status: 'judging', deadline: call.deadline });
  return { r, call };
}

export async function updateProject(deps: Deps, ctx: Ctx, id: number, b: ProjectUpdate) {
  return deps.database.db.transaction(async (tx) => {
    const { r, call } = await writableProject(deps, tx, ctx, id);
    if (b.category) assertCategory(call, b.category);
    const p = r.project;
    if (b.version !== p.version) throw versionConflict('The innovation project');
    const { version, ...patch } = b;
    const row = await repo.updateProject(tx, id, version, {
      ...patch,
      updatedAt: deps.now(),
      updatedBy: who(ctx),
    });
    if (!row) throw versionConflict('The innovation project');
    await recordAudit(deps, tx, ctx, {
      action: 'innovation_project.update',
      objectType: 'innovation_project',
      objectId: id,
      before: {
        category: p.category,
        title: p.title,
        summary: p.summary,
        results: p.results,
        version: p.version,
      },
      after: { ...patch, version: row.version },
    });
    return presentOne(deps, tx, ctx, id);
  });
}

/** The unit attaches a file (PDF, image, Office; checked by content) while the project is editable. */
export async function uploadAttachment(
  deps: Deps,
  ctx: Ctx,
  id: number,
  readFile: () => Promise<UploadedFile>,
) {
  return attachChecked(deps, ctx, { type: OWNER, id }, (db) => writableProject(deps, db, ctx, id), readFile);
}

/** The projects assigned to the calling expert, read-only (no judges, no contacts). */
export async function judgedProjects(deps: Deps, ctx: Ctx): Promise<JudgedProject[]> {
  const db = deps.database.db;
  const judge = await judgeOf(db, ctx.actor!);
  if (!judge) return [];
  return presentJudged(deps, db, ctx, await repo.listProjects(db, { expertId: judge.id }, {}));
}

/** Projects as their judge sees them: no judges, no edit flag. */
export async function presentJudged(
  deps: Deps,
  db: Executor,
  ctx: Ctx,
  rows: repo.ProjectListRow[],
): Promise<JudgedProject[]> {
  return (await presentAll(deps, db, ctx, rows)).map(({ judges: _, editable: __, ...p }) => p);
}
