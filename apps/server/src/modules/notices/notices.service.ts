import type { Notice, NoticeAction, NoticeStatus, NotificationMessage } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import { type Actor, orgScope, rolePermissions } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify, type Recipients, theOffice, unitStaff } from '../notifications/notifications.service.js';
import * as plans from '../plans/plans.repository.js';
import { actionBy, nextStatus } from './notice-state.js';
import * as repo from './notices.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const who = (ctx: Ctx) => ctx.actor?.username ?? 'system';

/** The reader's view: office and leaders see all; units their subtree; lead departments their indicators; observers what they filed. */
export function noticeView(actor: Actor): repo.NoticeView {
  const v: repo.NoticeView = { all: false, paths: [], indicators: [], filedBy: null };
  for (const g of actor.grants) {
    if (!rolePermissions[g.role].includes('notices.read')) continue;
    if (g.role === 'observer') v.filedBy = actor.username;
    else if (g.scopeType === 'global') v.all = true;
    else if (g.scopeType === 'org' && g.orgPath) v.paths.push(g.orgPath);
    else if (g.scopeType === 'indicators') v.indicators.push(...g.refs);
  }
  return v;
}

export function present(r: repo.NoticeListRow): Notice {
  const n = r.notice;
  return {
    id: n.id,
    kind: n.kind as Notice['kind'],
    planId: n.planId,
    unitId: n.unitId,
    unitName: r.unitName,
    indicator: n.indicator,
    period: n.period,
    title: n.title,
    body: n.body,
    message: n.code ? { code: n.code, params: n.params ?? {} } : null,
    status: n.status as NoticeStatus,
    dueDate: n.dueDate,
    issuedAt: n.issuedAt.toISOString(),
    issuedBy: n.issuedBy,
    acknowledgedAt: iso(n.acknowledgedAt),
    answer: n.answer,
    answeredAt: iso(n.answeredAt),
    answeredBy: n.answeredBy,
    proposal: r.proposal
      ? { id: r.proposal.id, reason: r.proposal.reason, proposedAt: r.proposal.proposedAt.toISOString() }
      : null,
    version: n.version,
  };
}

export async function listNotices(
  deps: Deps,
  ctx: Ctx,
  q: { kind?: string; status?: string; unitId?: number; page: number; pageSize: number },
) {
  const { items, total } = await repo.listNotices(
    deps.database.db,
    noticeView(ctx.actor!),
    q,
    q.page,
    q.pageSize,
  );
  return { items: items.map(present), total, page: q.page, pageSize: q.pageSize };
}

/** One notice the actor may read; anything else is "not found". */
async function load(db: Executor, actor: Actor, id: number) {
  const row = (await repo.listNotices(db, noticeView(actor), { id }, 1, 1)).items[0];
  if (!row) throw notFound('Notice');
  return row;
}

export const getNotice = async (deps: Deps, ctx: Ctx, id: number) =>
  present(await load(deps.database.db, ctx.actor!, id));

const badField = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${path}: ${message}`, [{ path, message }]);

async function unitOf(db: Executor, unitId: number) {
  const unit = await repo.findUnit(db, unitId);
  if (!unit?.groupId) throw badField('unitId', `no evaluated unit ${unitId}`);
  return unit;
}

/**
 * Open a notice about `unit` (issued now by the caller), tell `to` with a to-do that links to it,
 * and audit `action` with `after`; the notice as presented.
 */
async function openNotice(
  deps: Deps,
  ctx: Ctx,
  tx: Executor,
  unit: { id: number; name: string; path: string },
  o: {
    notice: Omit<repo.NewNotice, 'issuedAt' | 'issuedBy'> & { kind: 'urging' | 'observation' };
    to: Recipients;
    message: NotificationMessage;
    action: string;
    after: unknown;
  },
) {
  const row = await repo.insertNotice(tx, { ...o.notice, issuedAt: deps.now(), issuedBy: who(ctx) });
  const link = `/notices/${row.id}`;
  await notify(deps, tx, o.to, { kind: o.notice.kind, message: o.message, link, todo: true });
  await recordAudit(deps, tx, ctx, {
    action: o.action,
    objectType: 'notice',
    objectId: row.id,
    after: o.after,
  });
  return present({ notice: row, unitName: unit.name, unitPath: unit.path, proposal: null });
}

/** The office's urging notice (督查催办单) to a unit about an indicator, with a due date. */
export async function issueUrging(
  deps: Deps,
  ctx: Ctx,
  b: { planId: number; unitId: number; indicator: string; title: string; body: string; dueDate: string },
) {
  return deps.database.db.transaction(async (tx) => {
    if (!(await plans.findPlan(tx, b.planId))) throw badField('planId', `no plan ${b.planId}`);
    const unit = await unitOf(tx, b.unitId);
    return openNotice(deps, ctx, tx, unit, {
      notice: { ...b, kind: 'urging', status: 'open' },
      to: unitStaff(unit.id),
      message: { code: 'notice.urging', params: { title: b.title, body: b.body, due: b.dueDate } },
      action: 'notice.issue',
      after: { kind: 'urging', unitId: unit.id, indicator: b.indicator, dueDate: b.dueDate },
    });
  });
}

/** An observer's observation (Z15) on any unit; the office is told and routes it to the unit. */
export async function fileObservation(
  deps: Deps,
  ctx: Ctx,
  b: { unitId: number; title: string; body: string },
) {
  return deps.database.db.transaction(async (tx) => {
    const unit = await unitOf(tx, b.unitId);
    return openNotice(deps, ctx, tx, unit, {
      notice: { ...b, kind: 'observation', status: 'filed' },
      to: theOffice,
      message: { code: 'notice.observation', params: { title: b.title, unit: unit.name, body: b.body } },
      action: 'notice.file',
      after: { kind: 'observation', unitId: unit.id, title: b.title },
    });
  });
}

/** Move a notice along its state machine (notice-state.ts), versioned; the unit acts only on its own. */
export async function act(
  deps: Deps,
  ctx: Ctx,
  id: number,
  action: NoticeAction,
  b: { version: number; answer?: string; reason?: string },
) {
  return deps.database.db.transaction(async (tx) => {
    const actor = ctx.actor!;
    const current = await load(tx, actor, id);
    const n = current.notice;
    if (actionBy[action] === 'unit') {
      const s = orgScope(actor, 'notices.answer');
      if (!s.all && !s.paths.some((p) => current.unitPath.startsWith(p)))
        throw new AppError('FORBIDDEN', 'Only the unit itself answers its notices');
    } else if (!orgScope(actor, 'notices.issue').all)
      throw new AppError('FORBIDDEN', 'Only the office does this');
    const to = nextStatus(n.status as NoticeStatus, action);
    if (!to)
      throw new AppError('CONFLICT', `A notice that is ${n.status} cannot be ${action}d`, {
        status: n.status,
        action,
      });
    if (b.version !== n.version) throw versionConflict('The notice');
    const now = deps.now();
    const patch: Partial<repo.NewNotice> = { status: to };
    if (action === 'acknowledge' || (action === 'answer' && !n.acknowledgedAt))
      Object.assign(patch, { acknowledgedAt: now, acknowledgedBy: who(ctx) });
    if (action === 'answer')
      Object.assign(patch, { answer: b.answer, answeredAt: now, answeredBy: who(ctx) });
    const row = await repo.updateNotice(tx, id, b.version, patch);
    if (!row) throw versionConflict('The notice');
    let proposal = current.proposal;
    if (action === 'escalate')
      proposal = await repo.insertProposal(tx, {
        noticeId: id,
        unitId: n.unitId,
        reason: b.reason!,
        proposedAt: now,
        proposedBy: who(ctx),
      });
    if (action === 'route')
      await notify(deps, tx, unitStaff(n.unitId), {
        kind: 'observation',
        message: { code: 'observation.routed', params: { title: n.title, body: n.body } },
        link: `/notices/${id}`,
        todo: true,
      });
    if (action === 'answer')
      await notify(deps, tx, theOffice, {
        kind: n.kind === 'observation' ? 'observation' : 'urging',
        message: {
          code: 'notice.answered',
          params: { title: n.title, unit: current.unitName, answer: b.answer! },
        },
        link: `/notices/${id}`,
      });
    await recordAudit(deps, tx, ctx, [
      {
        action: `notice.${action}`,
        objectType: 'notice',
        objectId: id,
        before: { status: n.status, version: n.version },
        after: { status: to, version: row.version, answer: b.answer, reason: b.reason },
      },
      ...(action === 'escalate' && proposal
        ? [
            {
              action: 'accountability_proposal.create',
              objectType: 'accountability_proposal',
              objectId: proposal.id,
              after: { noticeId: id, unitId: n.unitId, reason: b.reason },
            },
          ]
        : []),
    ]);
    return present({ ...current, notice: row, proposal });
  });
}
