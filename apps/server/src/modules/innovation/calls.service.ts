import type { CallAction, CallCreate, CallUpdate, InnovationCall } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { conflict, notFound, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { type CallMove, callStatusAt, callStep } from './call-state.js';
import * as repo from './innovation.repository.js';
import { applies, isOffice } from './innovation-access.js';

/**
 * The office's yearly call for innovation projects (H10, issue 12 point 1): a draft with its
 * categories (four by unit function by default) and deadline, opened to the units, closed by the
 * office or by its deadline (call-state.ts). Every change is versioned and audited.
 */

const who = (ctx: Ctx) => ctx.actor?.username ?? null;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function present(c: repo.CallRow, projects: number, ctx: Ctx, now: Date): InnovationCall {
  const status = callStatusAt(c, now);
  const office = isOffice(ctx.actor!);
  const ok = (m: CallMove) => callStep(status, m).ok;
  return {
    id: c.id,
    year: c.year,
    title: c.title,
    categories: c.categories,
    deadline: c.deadline,
    status,
    projects,
    createdAt: c.createdAt.toISOString(),
    createdBy: c.createdBy,
    openedAt: iso(c.openedAt),
    openedBy: c.openedBy,
    closedAt: iso(c.closedAt),
    closedBy: c.closedBy,
    can: {
      edit: office && ok('edit'),
      open: office && ok('open'),
      close: office && ok('close'),
      apply: applies(ctx.actor!) && ok('apply'),
    },
    version: c.version,
  };
}

async function presentAll(deps: Deps, db: Executor, ctx: Ctx, rows: repo.CallRow[]) {
  const counts = await repo.projectCounts(
    db,
    rows.map((r) => r.id),
  );
  const now = deps.now();
  // Units do not see drafts.
  const shown = isOffice(ctx.actor!) ? rows : rows.filter((r) => r.status !== 'draft');
  return shown.map((r) => present(r, counts.get(r.id) ?? 0, ctx, now));
}

export async function listCalls(deps: Deps, ctx: Ctx) {
  const db = deps.database.db;
  return presentAll(deps, db, ctx, await repo.listCalls(db));
}

/** A call the caller may see (a draft is the office's only): else 404. */
export async function visibleCall(db: Executor, ctx: Ctx, id: number) {
  const c = await repo.findCall(db, id);
  if (!c || (c.status === 'draft' && !isOffice(ctx.actor!))) throw notFound('Innovation call');
  return c;
}

async function presentOne(deps: Deps, db: Executor, ctx: Ctx, id: number) {
  const [c] = await presentAll(deps, db, ctx, [await visibleCall(db, ctx, id)]);
  return c!;
}

export const getCall = (deps: Deps, ctx: Ctx, id: number) => presentOne(deps, deps.database.db, ctx, id);

export async function createCall(deps: Deps, ctx: Ctx, b: CallCreate) {
  return deps.database.db.transaction(async (tx) => {
    const same = await repo.findCallOfYear(tx, b.year);
    if (same) throw conflict('innovation.call_exists', { year: b.year, id: same.id });
    const row = await repo.insertCall(tx, {
      year: b.year,
      title: b.title,
      categories: b.categories,
      deadline: b.deadline,
      status: 'draft',
      createdAt: deps.now(),
      createdBy: who(ctx),
    });
    await recordAudit(deps, tx, ctx, {
      action: 'innovation_call.create',
      objectType: 'innovation_call',
      objectId: row.id,
      after: { year: row.year, title: row.title, categories: row.categories, deadline: row.deadline },
    });
    return presentOne(deps, tx, ctx, row.id);
  });
}

/** Move a step of the call's state machine or refuse with 409 `{ code, params }`. */
export function assertStep(c: repo.CallRow, now: Date, move: CallMove) {
  const step = callStep(callStatusAt(c, now), move);
  if (!step.ok) throw conflict(step.code, step.params);
  return step.to;
}

export async function updateCall(deps: Deps, ctx: Ctx, id: number, b: CallUpdate) {
  return deps.database.db.transaction(async (tx) => {
    const c = await visibleCall(tx, ctx, id);
    const now = deps.now();
    assertStep(c, now, 'edit');
    if (b.categories) assertStep(c, now, 'editCategories');
    if (b.version !== c.version) throw versionConflict('The innovation call');
    const { version, ...patch } = b;
    const row = await repo.updateCall(tx, id, version, patch);
    if (!row) throw versionConflict('The innovation call');
    await recordAudit(deps, tx, ctx, {
      action: 'innovation_call.update',
      objectType: 'innovation_call',
      objectId: id,
      before: { title: c.title, categories: c.categories, deadline: c.deadline, version: c.version },
      after: { ...patch, version: row.version },
    });
    return presentOne(deps, tx, ctx, id);
  });
}

export async function stepCall(deps: Deps, ctx: Ctx, id: number, b: { action: CallAction; version: number }) {
  return deps.database.db.transaction(async (tx) => {
    const c = await visibleCall(tx, ctx, id);
    const now = deps.now();
    const to = assertStep(c, now, b.action);
    if (b.version !== c.version) throw versionConflict('The innovation call');
    const row = await repo.updateCall(
      tx,
      id,
      b.version,
      b.action === 'open'
        ? { status: to, openedAt: now, openedBy: who(ctx) }
        : { status: to, closedAt: now, closedBy: who(ctx) },
    );
    if (!row) throw versionConflict('The innovation call');
    await recordAudit(deps, tx, ctx, {
      action: `innovation_call.${b.action}`,
      objectType: 'innovation_call',
      objectId: id,
      before: { status: c.status, version: c.version },
      after: { status: to, version: row.version },
    });
    return presentOne(deps, tx, ctx, id);
  });
}
