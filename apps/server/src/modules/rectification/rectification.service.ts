import {
  beijingDay,
  type RectificationCreate,
  type RectificationSourceKind,
  type RectificationStatus,
  type RectificationStepBody,
  type RectificationTask,
} from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import { type Ctx, type Deps, systemCtx } from '../../platform/context.js';
import { AppError, bad, conflict, versionConflict } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/upload.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify, theOffice, unitStaff } from '../notifications/notifications.service.js';
import { attachChecked } from '../submissions/evidence.service.js';
import { presentEvidence } from '../submissions/present.js';
import { listEvidence } from '../submissions/submissions.repository.js';
import * as repo from './rectification.repository.js';
import { isOffice, speaksFor, taskView, visibleTask } from './rectification-access.js';
import { fromSource, resultWeakness, weaknessesOf } from './rectification-sources.js';
import { overdue, rectificationStep, stepBy } from './rectification-state.js';

/**
 * Rectification tasks (整改, issue 11 point 8): the office makes them from a source (one by one, or
 * from the weaknesses of a released run), the unit reports progress with evidence, the office closes
 * them or sends them back. Every step is versioned, audited and told to whoever acts next.
 */

const OWNER = 'rectification';
const who = (ctx: Ctx) => ctx.actor?.username ?? 'system';
const link = (id: number) => `/rectifications?id=${id}`;

function present(
  r: repo.TaskListRow,
  reports: repo.ReportRow[],
  files: Parameters<typeof presentEvidence>[0][],
  ctx: Ctx,
  now: Date,
): RectificationTask {
  const t = r.task;
  const status = t.status as RectificationStatus;
  const actor = ctx.actor!;
  const ok = (a: 'report' | 'close' | 'return') => rectificationStep(status, a).ok;
  return {
    id: t.id,
    unitId: t.unitId,
    unitCode: r.unitCode,
    unitName: r.unitName,
    source: { kind: t.sourceKind as RectificationSourceKind, refId: t.sourceId, refKey: t.sourceKey },
    title: t.title,
    weakness: { code: t.weaknessCode, params: t.weaknessParams, note: t.weaknessNote },
    measures: t.measures,
    deadline: t.deadline,
    status,
    overdue: overdue(t, now),
    progress: t.progress,
    returnReason: t.returnReason,
    reports: reports.map((p) => ({
      id: p.id,
      percent: p.percent,
      text: p.text,
      reportedAt: p.reportedAt.toISOString(),
      reportedBy: p.reportedBy,
    })),
    evidence: files.map(presentEvidence),
    createdAt: t.createdAt.toISOString(),
    createdBy: t.createdBy,
    closedAt: t.closedAt?.toISOString() ?? null,
    closedBy: t.closedBy,
    closeNote: t.closeNote,
    can: {
      report: ok('report') && speaksFor(actor, r.unitPath),
      close: ok('close') && isOffice(actor),
      return: ok('return') && isOffice(actor),
    },
    version: t.version,
  };
}

async function presentAll(deps: Deps, db: Executor, ctx: Ctx, rows: repo.TaskListRow[]) {
  const ids = rows.map((r) => r.task.id);
  const reports = await repo.reportsOf(db, ids);
  const files = await listEvidence(db, OWNER, ids);
  const now = deps.now();
  return rows.map((r) =>
    present(
      r,
      reports.filter((p) => p.taskId === r.task.id),
      files.filter((f) => f.ownerId === r.task.id),
      ctx,
      now,
    ),
  );
}

export async function listTasks(
  deps: Deps,
  ctx: Ctx,
  q: {
    status?: RectificationStatus;
    sourceKind?: RectificationSourceKind;
    unitId?: number;
    overdue?: boolean;
  },
) {
  const db = deps.database.db;
  const rows = await repo.listTasks(db, taskView(ctx.actor!), {
    ...q,
    overdueBefore: q.overdue === undefined ? undefined : { day: beijingDay(deps.now()), overdue: q.overdue },
  });
  return presentAll(deps, db, ctx, rows);
}

async function presentOne(deps: Deps, db: Executor, ctx: Ctx, id: number) {
  const [t] = await presentAll(deps, db, ctx, [await visibleTask(db, ctx, id)]);
  return t!;
}

export const getTask = (deps: Deps, ctx: Ctx, id: number) => presentOne(deps, deps.database.db, ctx, id);

/** A task to open: the unit, where it comes from and what was found. */
export interface TaskInput {
  unitId: number;
  sourceKind: RectificationSourceKind;
  sourceId: number | null;
  sourceKey: string | null;
  title: string;
  weakness: { code: string; params: Record<string, unknown>; note: string | null };
  measures: string;
  deadline: string;
}

/**
 * Open tasks inside the caller's transaction: each unit gets one to-do (however many tasks it got),
 * and each task an audit row. Shared by the office's create, the bulk from a run and a rating
 * round's close.
 */
export async function openTasks(deps: Deps, tx: Executor, ctx: Ctx, tasks: TaskInput[]) {
  const now = deps.now();
  const rows = await repo.insertTasks(
    tx,
    tasks.map((t) => ({
      unitId: t.unitId,
      sourceKind: t.sourceKind,
      sourceId: t.sourceId,
      sourceKey: t.sourceKey,
      title: t.title,
      weaknessCode: t.weakness.code,
      weaknessParams: t.weakness.params,
      weaknessNote: t.weakness.note,
      measures: t.measures,
      deadline: t.deadline,
      status: 'open',
      createdAt: now,
      createdBy: who(ctx),
    })),
  );
  const perUnit = new Map<number, repo.TaskRow[]>();
  for (const r of rows) perUnit.set(r.unitId, [...(perUnit.get(r.unitId) ?? []), r]);
  for (const [unitId, list] of perUnit)
    await notify(deps, tx, unitStaff(unitId), {
      kind: 'rectification',
      message:
        list.length === 1
          ? { code: 'rectification.assigned', params: { title: list[0]!.title, due: list[0]!.deadline } }
          : {
              code: 'rectification.assignedMany',
              params: { count: list.length, due: list.map((t) => t.deadline).sort()[0]! },
            },
      link: list.length === 1 ? link(list[0]!.id) : '/rectifications',
      todo: true,
    });
  if (rows.length)
    await recordAudit(
      deps,
      tx,
      ctx,
      rows.map((r) => ({
        action: 'rectification.create',
        objectType: 'rectification_task',
        objectId: r.id,
        after: {
          unitId: r.unitId,
          source: { kind: r.sourceKind, refId: r.sourceId, refKey: r.sourceKey },
          title: r.title,
          weakness: { code: r.weaknessCode, params: r.weaknessParams, note: r.weaknessNote },
          deadline: r.deadline,
        },
      })),
    );
  return rows;
}

/** The office makes one task from a source (or by hand). */
export async function createTask(deps: Deps, ctx: Ctx, b: RectificationCreate) {
  return deps.database.db.transaction(async (tx) => {
    const src = await fromSource(tx, b);
    const unit = await repo.findNode(tx, src.unitId);
    if (!unit?.groupId) throw bad('unitId', 'rectification.not_a_unit', { id: src.unitId });
    if (b.source.kind !== 'manual' && b.source.refId) {
      const same = (await repo.tasksFromSource(tx, b.source.kind, b.source.refId)).filter(
        (t) => t.unitId === src.unitId && t.sourceKey === b.source.refKey && t.status !== 'closed',
      );
      if (same.length) throw conflict('rectification.duplicate', { id: same[0]!.id });
    }
    const [row] = await openTasks(deps, tx, ctx, [
      {
        unitId: src.unitId,
        sourceKind: b.source.kind,
        sourceId: b.source.kind === 'manual' ? null : b.source.refId,
        sourceKey: b.source.kind === 'result' ? b.source.refKey : null,
        title: b.title,
        weakness: { ...src.weakness, note: b.note || null },
        measures: b.measures,
        deadline: b.deadline,
      },
    ]);
    return presentOne(deps, tx, ctx, row!.id);
  });
}

/**
 * Tasks from the weaknesses of a released run: one per unit and indicator that lost more than
 * `minLostShare` of its points, unless that run already gave the unit a task for that indicator.
 */
export async function createFromRun(
  deps: Deps,
  ctx: Ctx,
  b: { runId: number; minLostShare: number; deadline: string; measures: string },
) {
  return deps.database.db.transaction(async (tx) => {
    const { run, ids, weaknesses } = await weaknessesOf(tx, b.runId, b.minLostShare, 'runId');
    const existing = new Set(
      (await repo.tasksFromSource(tx, 'result', run.id)).map((t) => `${t.unitId}|${t.sourceKey}`),
    );
    const todo = weaknesses.flatMap((w) => {
      const unitId = ids.get(w.unit);
      return unitId && !existing.has(`${unitId}|${w.indicator}`) ? [{ w, unitId }] : [];
    });
    await openTasks(
      deps,
      tx,
      ctx,
      todo.map(({ w, unitId }) => ({
        unitId,
        sourceKind: 'result',
        sourceId: run.id,
        sourceKey: w.indicator,
        title: w.name,
        weakness: { ...resultWeakness(run, w, b.minLostShare), note: null },
        measures: b.measures,
        deadline: b.deadline,
      })),
    );
    return { created: todo.length, skipped: weaknesses.length - todo.length };
  });
}

/** Report, close or send back (rectification-state.ts); versioned, audited, told to the other side. */
export async function stepTask(deps: Deps, ctx: Ctx, id: number, b: RectificationStepBody) {
  return deps.database.db.transaction(async (tx) => {
    const actor = ctx.actor!;
    const current = await visibleTask(tx, ctx, id);
    const t = current.task;
    if (stepBy[b.action] === 'unit' ? !speaksFor(actor, current.unitPath) : !isOffice(actor))
      throw new AppError(
        'FORBIDDEN',
        stepBy[b.action] === 'unit' ? 'The unit reports' : 'The office does this',
      );
    const step = rectificationStep(t.status as RectificationStatus, b.action);
    if (!step.ok) throw conflict(step.code, step.params);
    if (b.version !== t.version) throw versionConflict('The rectification task');
    const now = deps.now();
    const patch: Partial<repo.NewTask> = { status: step.to };
    if (b.action === 'report') Object.assign(patch, { progress: b.percent, returnReason: null });
    if (b.action === 'return') patch.returnReason = b.reason;
    if (b.action === 'close')
      Object.assign(patch, { closedAt: now, closedBy: who(ctx), closeNote: b.note || null });
    const row = await repo.updateTask(tx, id, b.version, patch);
    if (!row) throw versionConflict('The rectification task');
    if (b.action === 'report') {
      await repo.insertReport(tx, {
        taskId: id,
        percent: b.percent,
        text: b.text,
        reportedAt: now,
        reportedBy: who(ctx),
      });
      await notify(deps, tx, theOffice, {
        kind: 'rectification',
        message: {
          code: 'rectification.reported',
          params: { unit: current.unitName, title: t.title, percent: b.percent, text: b.text },
        },
        link: link(id),
        todo: true,
      });
    }
    if (b.action === 'return')
      await notify(deps, tx, unitStaff(t.unitId), {
        kind: 'rectification',
        message: { code: 'rectification.returned', params: { title: t.title, reason: b.reason } },
        link: link(id),
        todo: true,
      });
    if (b.action === 'close')
      await notify(deps, tx, unitStaff(t.unitId), {
        kind: 'rectification',
        message: { code: 'rectification.closed', params: { title: t.title, note: b.note || '' } },
        link: link(id),
      });
    const { version: _, ...detail } = b;
    await recordAudit(deps, tx, ctx, {
      action: `rectification.${b.action}`,
      objectType: 'rectification_task',
      objectId: id,
      before: { status: t.status, progress: t.progress, version: t.version },
      after: { ...detail, status: step.to, version: row.version },
    });
    return presentOne(deps, tx, ctx, id);
  });
}

/** The unit attaches evidence of its progress to a task that is not closed. */
export async function uploadTaskEvidence(
  deps: Deps,
  ctx: Ctx,
  id: number,
  readFile: () => Promise<UploadedFile>,
) {
  const check = async (db: Executor) => {
    const r = await visibleTask(db, ctx, id);
    if (!speaksFor(ctx.actor!, r.unitPath)) throw new AppError('FORBIDDEN', 'The unit attaches its evidence');
    if (r.task.status === 'closed')
      throw conflict('rectification.state', { status: 'closed', action: 'evidence' });
  };
  return attachChecked(deps, ctx, { type: OWNER, id }, check, readFile);
}

/**
 * Remind units of tasks whose deadline has passed, once per task: a to-do for the unit and one
 * summary for the office. Run hourly by the server with the deadline reminders (main.ts), and by
 * the office's "remind now". Returns how many tasks were reminded.
 */
export async function remindOverdue(deps: Deps, now: Date, ctx: Ctx = systemCtx): Promise<number> {
  return deps.database.db.transaction(async (tx) => {
    const due = await repo.overdueUnreminded(tx, beijingDay(now));
    for (const r of due)
      await notify(deps, tx, unitStaff(r.task.unitId), {
        kind: 'rectification',
        message: { code: 'rectification.overdue', params: { title: r.task.title, due: r.task.deadline } },
        link: link(r.task.id),
        todo: true,
      });
    if (due.length) {
      await notify(deps, tx, theOffice, {
        kind: 'rectification',
        message: {
          code: 'rectification.overdueSummary',
          params: { count: due.length, units: [...new Set(due.map((r) => r.unitName))].join('、') },
        },
        link: '/rectifications?overdue=true',
      });
      await repo.markReminded(
        tx,
        due.map((r) => r.task.id),
        now,
      );
      await recordAudit(
        deps,
        tx,
        ctx,
        due.map((r) => ({
          action: 'rectification.remind_overdue',
          objectType: 'rectification_task',
          objectId: r.task.id,
          after: { unitId: r.task.unitId, deadline: r.task.deadline },
        })),
      );
    }
    return due.length;
  });
}

export const remindOverdueNow = async (deps: Deps, ctx: Ctx) => ({
  reminded: await remindOverdue(deps, deps.now(), ctx),
});
