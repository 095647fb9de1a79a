import type { ChangeRequest, SaveTargets, TaskBookDetail, TaskTargetInput } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import { hasPermission } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { planInScope } from '../plans/plans.policy.js';
import { systemUnits } from '../plans/plans.repository.js';
import { availableActions, type TaskBookAction, type TaskBookStatus } from './taskbook-state.js';
import {
  canRead,
  capabilities,
  type LoadedBook,
  linesOf,
  loadBook,
  loadBookFor,
  refuse,
  reviewerRefs,
  reviews,
} from './taskbooks.policy.js';
import * as repo from './taskbooks.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toInput = (t: repo.TargetRow): TaskTargetInput => ({
  indicator: t.indicator,
  target: t.target,
  baseline: t.baseline,
  measureUnit: t.measureUnit,
  note: t.note,
});

export function presentChange(c: repo.ChangeRow, unit: { id: number; name: string }): ChangeRequest {
  return {
    id: c.id,
    taskBookId: c.taskBookId,
    unitId: unit.id,
    unitName: unit.name,
    reason: c.reason,
    proposed: c.proposed as TaskTargetInput[],
    status: c.status as ChangeRequest['status'],
    requestedAt: iso(c.requestedAt)!,
    requestedBy: c.requestedBy,
    decidedAt: iso(c.decidedAt),
    decidedBy: c.decidedBy,
    decisionNote: c.decisionNote,
    version: c.version,
  };
}

function summary(
  b: repo.BookRow,
  unit: { id: number; code: string; name: string },
  set: number,
  total: number,
  pending: boolean,
) {
  return {
    id: b.id,
    planId: b.planId,
    unitId: unit.id,
    unitCode: unit.code,
    unitName: unit.name,
    status: b.status as TaskBookStatus,
    revision: b.revision,
    returnReason: b.returnReason,
    targetsSet: set,
    targetsTotal: total,
    pendingChange: pending,
    version: b.version,
    updatedAt: b.updatedAt.toISOString(),
  };
}

async function detail(db: Executor, ctx: Ctx, l: LoadedBook): Promise<TaskBookDetail> {
  const { book, unit, lines } = l;
  const rows = new Map((await repo.targetsOf(db, [book.id])).map((t) => [t.indicator, t]));
  const changes = await repo.changesOf(db, [book.id]);
  const refs = reviewerRefs(ctx.actor!);
  const office = hasPermission(ctx.actor!, 'taskbooks.issue');
  const targets = lines.map((line) => {
    const t = rows.get(line.indicator);
    return {
      indicator: line.indicator,
      name: line.name,
      path: line.path,
      leadDept: line.leadDept,
      decomposition: line.decomposition,
      target: t?.target ?? null,
      baseline: t?.baseline ?? null,
      measureUnit: t?.measureUnit ?? line.measureUnit,
      note: t?.note ?? null,
      reviewable: office || reviews(refs, line),
    };
  });
  return {
    ...summary(
      book,
      unit,
      targets.filter((t) => t.target !== null).length,
      lines.length,
      changes.some((c) => c.status === 'pending'),
    ),
    planName: l.plan.name,
    targets,
    confirmedAt: iso(book.confirmedAt),
    confirmedBy: book.confirmedBy,
    reviewedAt: iso(book.reviewedAt),
    reviewedBy: book.reviewedBy,
    issuedAt: iso(book.issuedAt),
    issuedBy: book.issuedBy,
    actions: availableActions(book.status as TaskBookStatus, l.caps),
    changeRequests: changes.map((c) => presentChange(c, unit)),
  };
}

/** The task books of a plan the actor may see, and the units in its reach that have none yet. */
export async function listBooks(deps: Deps, ctx: Ctx, planId: number) {
  const db = deps.database.db;
  const plan = await planInScope(db, ctx.actor!, planId, 'plans.read');
  const units = await systemUnits(db, plan.systemId);
  const books = new Map((await repo.booksOfPlan(db, planId)).map((b) => [b.unitId, b]));
  const targets = await repo.targetsOf(
    db,
    [...books.values()].map((b) => b.id),
  );
  const setCount = new Map<number, number>();
  for (const t of targets)
    if (t.target !== null) setCount.set(t.taskBookId, (setCount.get(t.taskBookId) ?? 0) + 1);
  const pending = new Set(
    (
      await repo.changesOf(
        db,
        [...books.values()].map((b) => b.id),
      )
    )
      .filter((c) => c.status === 'pending')
      .map((c) => c.taskBookId),
  );
  const items = [];
  const unitsWithout = [];
  for (const unit of units) {
    const lines = linesOf(plan, unit);
    if (!canRead(ctx.actor!, unit, plan.systemId, lines)) continue;
    const b = books.get(unit.id);
    if (b) items.push(summary(b, unit, setCount.get(b.id) ?? 0, lines.length, pending.has(b.id)));
    else if (capabilities(ctx.actor!, unit, plan.systemId, lines).has('edit'))
      unitsWithout.push({ id: unit.id, code: unit.code, name: unit.name });
  }
  return { items, unitsWithout };
}

export async function getBook(deps: Deps, ctx: Ctx, id: number) {
  const db = deps.database.db;
  return detail(db, ctx, await loadBook(db, ctx.actor!, id));
}

/** Start a unit's task book for an active plan: one line per indicator that applies to it. */
export async function createBook(deps: Deps, ctx: Ctx, planId: number, unitId: number) {
  const id = await deps.database.db.transaction(async (tx) => {
    const plan = await planInScope(tx, ctx.actor!, planId, 'plans.read');
    const unit = (await systemUnits(tx, plan.systemId)).find((u) => u.id === unitId);
    if (!unit) throw notFound('Unit');
    const lines = linesOf(plan, unit);
    if (!capabilities(ctx.actor!, unit, plan.systemId, lines).has('edit')) {
      if (canRead(ctx.actor!, unit, plan.systemId, lines))
        throw refuse('FORBIDDEN', "You may not draft this unit's task book");
      throw notFound('Unit');
    }
    if (plan.status !== 'active')
      throw new AppError('CONFLICT', 'Task books are drafted for the active plan only');
    if (await repo.findBookOf(tx, planId, unitId))
      throw new AppError('CONFLICT', `${unit.name} already has a task book for this plan`);
    const now = deps.now();
    const book = await repo.insertBook(tx, { planId, unitId, createdAt: now, updatedAt: now });
    await repo.upsertTargets(
      tx,
      lines.map((l) => ({ taskBookId: book.id, indicator: l.indicator, measureUnit: l.measureUnit })),
    );
    await recordAudit(deps, tx, ctx, {
      action: 'task_book.create',
      objectType: 'task_book',
      objectId: book.id,
      after: { planId, unitId },
    });
    return book.id;
  });
  return getBook(deps, ctx, id);
}

/** Check proposed targets against the book's lines; every problem names its row. */
export function checkTargets(l: LoadedBook, targets: TaskTargetInput[]) {
  const known = new Set(l.lines.map((x) => x.indicator));
  const seen = new Set<string>();
  const issues = targets.flatMap((t, i) => {
    const field = `targets[${i}].indicator`;
    if (!known.has(t.indicator))
      return [{ field, message: `indicator ${t.indicator} is not in this unit's task book` }];
    if (seen.has(t.indicator)) return [{ field, message: `indicator ${t.indicator} is listed twice` }];
    seen.add(t.indicator);
    return [];
  });
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues[0]!.message, issues);
}

export const targetRows = (bookId: number, targets: TaskTargetInput[]) =>
  targets.map((t) => ({
    taskBookId: bookId,
    indicator: t.indicator,
    target: t.target,
    baseline: t.baseline ?? null,
    measureUnit: t.measureUnit ?? null,
    note: t.note ?? null,
  }));

/**
 * Write targets for a book in one transaction: load it for `action` (scope, role and state
 * checked), check the targets against its plan, run `write`; then the book as it now is.
 */
export async function writeTargets(
  deps: Deps,
  ctx: Ctx,
  book: { id: number; action: TaskBookAction; targets: TaskTargetInput[] },
  write: (tx: Executor, l: LoadedBook) => Promise<void>,
) {
  await deps.database.db.transaction(async (tx) => {
    const l = await loadBookFor(tx, ctx.actor!, book.id, book.action);
    checkTargets(l, book.targets);
    await write(tx, l);
  });
  return getBook(deps, ctx, book.id);
}

/** Save draft targets (only while the book is a draft); optimistic on the book's version. */
export const saveTargets = (deps: Deps, ctx: Ctx, id: number, input: SaveTargets) =>
  writeTargets(deps, ctx, { id, action: 'edit', targets: input.targets }, async (tx) => {
    const before = (await repo.targetsOf(tx, [id])).filter((r) =>
      input.targets.some((x) => x.indicator === r.indicator),
    );
    if (!(await repo.updateBook(tx, id, input.version, { updatedAt: deps.now() })))
      throw versionConflict('This task book');
    await repo.upsertTargets(tx, targetRows(id, input.targets));
    await recordAudit(deps, tx, ctx, {
      action: 'task_book.targets',
      objectType: 'task_book',
      objectId: id,
      before: before.map(toInput),
      after: input.targets,
    });
  });
