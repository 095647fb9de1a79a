import type {
  ChangeRequestCreate,
  NotificationMessage,
  TaskBookTransition,
  TaskTargetInput,
} from '@jixiao/contracts';
import { unitRoles } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import { inScope, orgScope } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify, theOffice } from '../notifications/notifications.service.js';
import type { TaskBookStatus } from './taskbook-state.js';
import { type LoadedBook, loadBook, loadBookFor, refuse } from './taskbooks.policy.js';
import * as repo from './taskbooks.repository.js';
import {
  checkTargets,
  getBook,
  presentChange,
  targetRows,
  toInput,
  writeTargets,
} from './taskbooks.service.js';

const who = (ctx: Ctx) => ctx.actor?.username ?? null;
const link = (id: number) => `/task-books/${id}`;
const recipients = { fillers: unitRoles, leader: ['unit_admin'] as const };

/** Tell the next actor of the workflow, as a to-do in their bell. */
async function tellNext(deps: Deps, tx: Executor, l: LoadedBook, to: TaskBookStatus, reason?: string) {
  const u = l.unit;
  const n = (message: NotificationMessage) => ({
    kind: 'task_book' as const,
    message,
    link: link(l.book.id),
    todo: true,
  });
  switch (to) {
    case 'submitted':
      return notify(
        deps,
        tx,
        { unit: { id: u.id, roles: recipients.leader } },
        n({ code: 'taskBook.submitted', params: { unit: u.name } }),
      );
    case 'confirmed': {
      const reviewers = await repo.reviewersOf(tx, [...new Set(l.lines.flatMap((x) => x.chain))]);
      return notify(
        deps,
        tx,
        { userIds: reviewers, global: ['office_admin'] },
        n({ code: 'taskBook.confirmed', params: { unit: u.name } }),
      );
    }
    case 'reviewed':
      return notify(deps, tx, theOffice, n({ code: 'taskBook.reviewed', params: { unit: u.name } }));
    case 'issued':
      return notify(
        deps,
        tx,
        { unit: { id: u.id, roles: recipients.fillers } },
        n({ code: 'taskBook.issued', params: { unit: u.name, revision: l.book.revision } }),
      );
    case 'draft':
      return notify(
        deps,
        tx,
        { unit: { id: u.id, roles: recipients.fillers } },
        n({ code: 'taskBook.returned', params: { unit: u.name, reason: reason ?? '' } }),
      );
  }
}

const snapshot = async (tx: Executor, bookId: number) => (await repo.targetsOf(tx, [bookId])).map(toInput);

/** Take one workflow step (submit, confirm, return, review, issue) on the book's version. */
export async function act(deps: Deps, ctx: Ctx, id: number, input: TaskBookTransition) {
  await deps.database.db.transaction(async (tx) => {
    const l = await loadBookFor(tx, ctx.actor!, id, input.action);
    const now = deps.now();
    const patch: Partial<repo.BookRow> = { status: l.to, updatedAt: now };
    if (input.action === 'return') patch.returnReason = input.reason!;
    else patch.returnReason = null;
    if (input.action === 'confirm') Object.assign(patch, { confirmedAt: now, confirmedBy: who(ctx) });
    if (input.action === 'review') Object.assign(patch, { reviewedAt: now, reviewedBy: who(ctx) });
    if (input.action === 'issue') Object.assign(patch, { issuedAt: now, issuedBy: who(ctx) });
    const row = await repo.updateBook(tx, id, input.version, patch);
    if (!row) throw versionConflict('This task book');
    if (input.action === 'issue')
      await repo.insertRevision(tx, {
        taskBookId: id,
        revision: row.revision,
        targets: await snapshot(tx, id),
        reason: null,
        savedAt: now,
        savedBy: who(ctx),
      });
    await tellNext(deps, tx, { ...l, book: row }, l.to, input.reason);
    await recordAudit(deps, tx, ctx, {
      action: `task_book.${input.action}`,
      objectType: 'task_book',
      objectId: id,
      before: { status: l.book.status },
      after: { status: l.to, reason: input.reason ?? null },
    });
  });
  return getBook(deps, ctx, id);
}

export async function listRevisions(deps: Deps, ctx: Ctx, id: number) {
  const db = deps.database.db;
  await loadBook(db, ctx.actor!, id);
  return (await repo.revisionsOf(db, id)).map((r) => ({
    revision: r.revision,
    targets: r.targets as TaskTargetInput[],
    reason: r.reason,
    savedAt: r.savedAt.toISOString(),
    savedBy: r.savedBy,
  }));
}

/** Ask to change an issued book: reason and proposed targets; one pending request at a time. */
export const requestChange = (deps: Deps, ctx: Ctx, id: number, input: ChangeRequestCreate) =>
  writeTargets(deps, ctx, { id, action: 'request_change', targets: input.targets }, async (tx, l) => {
    if ((await repo.changesOf(tx, [id])).some((c) => c.status === 'pending'))
      throw new AppError('CONFLICT', 'A change request of this task book is already pending');
    const row = await repo.insertChange(tx, {
      taskBookId: id,
      reason: input.reason,
      proposed: input.targets,
      requestedAt: deps.now(),
      requestedBy: who(ctx),
    });
    await notify(deps, tx, theOffice, {
      kind: 'task_book',
      message: { code: 'taskBook.changeRequested', params: { unit: l.unit.name, reason: input.reason } },
      link: '/task-books/changes',
      todo: true,
    });
    await recordAudit(deps, tx, ctx, {
      action: 'task_book.change_request',
      objectType: 'task_change_request',
      objectId: row.id,
      after: { taskBookId: id, reason: input.reason, proposed: input.targets },
    });
  });

/** Change requests the actor may see (the office: all; a unit: its own). */
export async function listChanges(deps: Deps, ctx: Ctx, status: 'pending' | 'approved' | 'rejected' | 'all') {
  const db = deps.database.db;
  const rows = await repo.changesByStatus(db, status);
  const scope = orgScope(ctx.actor!, 'taskbooks.read');
  return rows
    .filter((r) => scope.all || inScope(scope, { path: r.path, systemIds: [] }))
    .map((r) => presentChange(r.c, { id: r.unitId, name: r.unitName }));
}

/** The office approves (targets updated, new revision with the reason) or rejects with a note. */
export async function decideChange(
  deps: Deps,
  ctx: Ctx,
  changeId: number,
  input: { approve: boolean; note?: string; version: number },
) {
  const bookId = await deps.database.db.transaction(async (tx) => {
    const c = await repo.findChange(tx, changeId);
    if (!c) throw notFound('Change request');
    const l = await loadBook(tx, ctx.actor!, c.taskBookId).catch(() => {
      throw notFound('Change request');
    });
    if (!l.caps.has('issue')) throw refuse('FORBIDDEN', 'Only the office decides change requests');
    if (c.status !== 'pending') throw new AppError('CONFLICT', `This change request is already ${c.status}`);
    const now = deps.now();
    const decided = await repo.updateChange(tx, changeId, input.version, {
      status: input.approve ? 'approved' : 'rejected',
      decidedAt: now,
      decidedBy: who(ctx),
      decisionNote: input.note ?? null,
    });
    if (!decided) throw versionConflict('This change request');
    if (input.approve) {
      const proposed = c.proposed as TaskTargetInput[];
      checkTargets(l, proposed);
      await repo.upsertTargets(tx, targetRows(l.book.id, proposed));
      const book = await repo.updateBook(tx, l.book.id, l.book.version, {
        revision: l.book.revision + 1,
        updatedAt: now,
      });
      if (!book) throw versionConflict('This task book');
      await repo.insertRevision(tx, {
        taskBookId: book.id,
        revision: book.revision,
        targets: await snapshot(tx, book.id),
        reason: c.reason,
        savedAt: now,
        savedBy: who(ctx),
      });
    }
    await notify(
      deps,
      tx,
      { unit: { id: l.unit.id, roles: recipients.fillers } },
      {
        kind: 'task_book',
        message: {
          code: input.approve ? 'taskBook.changeApproved' : 'taskBook.changeRejected',
          params: { unit: l.unit.name, note: input.note || '—' },
        },
        link: link(l.book.id),
        todo: !input.approve,
      },
    );
    await recordAudit(deps, tx, ctx, {
      action: input.approve ? 'task_book.change_approve' : 'task_book.change_reject',
      objectType: 'task_change_request',
      objectId: changeId,
      before: { status: 'pending' },
      after: { status: decided.status, note: input.note ?? null },
    });
    return l.book.id;
  });
  return getBook(deps, ctx, bookId);
}
