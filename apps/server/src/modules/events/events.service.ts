import type { CycleEvent, EventCreate, EvidenceFile } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/upload.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify, unitStaff } from '../notifications/notifications.service.js';
import { planLeaves } from '../plans/plan-leaves.js';
import { planInScope } from '../plans/plans.policy.js';
import * as plansRepo from '../plans/plans.repository.js';
import { usablePlan } from '../results/results.service.js';
import { attachChecked } from '../submissions/evidence.service.js';
import { presentEvidence } from '../submissions/present.js';
import { listEvidence } from '../submissions/submissions.repository.js';
import { assertMayRecord, assertRecorderOrOffice, canSeeEvent, isOffice } from './events.policy.js';
import * as repo from './events.repository.js';

/**
 * Veto, bonus and deduction events against a unit (W5, W9, W12, S8, S15, Z13): recorded by lead
 * departments and the office, bonuses approved by the office, any of them withdrawn with a reason.
 * Every change is audited in its transaction; the cycle input reads the approved ones
 * (events.repository effectiveEvents).
 */

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const who = (ctx: Ctx) => ctx.actor?.username ?? null;
const bad = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${path}: ${message}`, [{ path, message }]);

export function present(e: repo.EventWithUnit, evidence: EvidenceFile[] = []): CycleEvent {
  return {
    id: e.id,
    planId: e.planId,
    period: e.period,
    unitId: e.unitId,
    unitCode: e.unitCode,
    unitName: e.unitName,
    kind: e.kind as CycleEvent['kind'],
    code: e.code,
    indicator: e.indicator,
    points: e.points,
    reason: e.reason,
    status: e.status as CycleEvent['status'],
    source: e.source as CycleEvent['source'],
    importBatchId: e.importBatchId,
    evidence,
    createdAt: e.createdAt.toISOString(),
    createdBy: e.createdBy,
    decidedAt: iso(e.decidedAt),
    decidedBy: e.decidedBy,
    decisionNote: e.decisionNote,
    version: e.version,
  };
}

async function evidenceOf(db: Executor, ids: number[]) {
  const by = new Map<number, EvidenceFile[]>();
  for (const e of await listEvidence(db, 'event', ids)) {
    const list = by.get(e.ownerId) ?? [];
    list.push(presentEvidence(e));
    by.set(e.ownerId, list);
  }
  return by;
}

/** The events of a plan the caller may see (a plan outside its scope is 404). */
export async function listEvents(
  deps: Deps,
  ctx: Ctx,
  q: { planId: number; period?: string; unitId?: number; kind?: string; status?: string },
): Promise<CycleEvent[]> {
  const db = deps.database.db;
  const plan = await planInScope(db, ctx.actor!, q.planId, 'events.read');
  const rows = (await repo.listEvents(db, q)).filter((e) =>
    canSeeEvent(ctx.actor!, e, { path: e.unitPath }, plan.systemId),
  );
  const evidence = await evidenceOf(
    db,
    rows.map((e) => e.id),
  );
  return rows.map((e) => present(e, evidence.get(e.id)));
}

/** An event the caller may see, with its plan; else 404. */
async function visible(db: Executor, ctx: Ctx, id: number) {
  const ev = await repo.findEvent(db, id);
  if (!ev) throw notFound('Event');
  const plan = await planInScope(db, ctx.actor!, ev.planId, 'events.read').catch(() => {
    throw notFound('Event');
  });
  const unit = { path: ev.unitPath };
  if (!canSeeEvent(ctx.actor!, ev, unit, plan.systemId)) throw notFound('Event');
  return { ev, plan, unit };
}

/**
 * Check an event against its plan: the unit is an evaluated unit of the plan's system (else 404),
 * the period lies in the plan's year, bonus sources and indicators exist in the plan, and the
 * points fit the kind. Each refusal names its field.
 */
async function checkedEvent(db: Executor, ctx: Ctx, body: EventCreate) {
  const plan = await planInScope(db, ctx.actor!, body.planId, 'events.read');
  if (plan.status === 'archived')
    throw new AppError(
      'CONFLICT',
      `planId: plan ${plan.id} is archived; events are recorded on a current plan`,
      [{ path: 'planId', message: 'archived' }],
    );
  const unit = (await plansRepo.systemUnits(db, plan.systemId)).find((u) => u.id === body.unitId);
  if (!unit) throw notFound('Unit');
  if (!body.period.startsWith(`${plan.year}-`))
    throw bad('period', `${body.period} is not a period of the plan's year ${plan.year}`);
  const doc = usablePlan(plan.document);
  const code = body.code ?? null;
  const indicator = body.indicator ?? null;
  const points = body.points ?? null;
  if (indicator !== null && !planLeaves(doc).some((l) => l.code === indicator))
    throw bad('indicator', `${indicator} is not an indicator of this plan that takes a value`);
  if (body.kind === 'bonus') {
    const sources = (doc.bonus?.sources ?? []).map((s) => s.code);
    if (!code || !sources.includes(code))
      throw bad(
        'code',
        sources.length
          ? `a bonus names one of the plan's bonus sources (${sources.join(', ')})`
          : 'the plan has no bonus sources',
      );
  }
  if (body.kind === 'veto') {
    if (!code) throw bad('code', 'a veto names its event code (e.g. safety_accident)');
    if (points !== null) throw bad('points', 'a veto carries no points');
  } else if (points === null) throw bad('points', `a ${body.kind} needs its points`);
  assertMayRecord(ctx.actor!, unit, plan.systemId, indicator);
  return { plan, unit, code, indicator, points };
}

/**
 * Record an event. Bonuses wait for the office's approval — also when the office records one itself
 * (one rule); vetoes and deductions count at once, decided by their recorder. The unit is told of a
 * veto or deduction against it.
 */
export async function recordEvent(deps: Deps, ctx: Ctx, body: EventCreate): Promise<CycleEvent> {
  return deps.database.db.transaction(async (tx) => {
    const { plan, unit, code, indicator, points } = await checkedEvent(tx, ctx, body);
    return insertEvent(deps, tx, ctx, plan.id, unit, {
      period: body.period,
      kind: body.kind,
      code,
      indicator,
      points,
      reason: body.reason,
    });
  });
}

/**
 * Store an event the caller has checked, inside its transaction: a bonus waits for the office's
 * approval, a veto or deduction counts at once (decided by its recorder) and is told to the unit.
 * Audited. Used by the recording above, by the year-end review's deductions (inquiries) and by the
 * innovation results' bonuses (approved as the office applies them).
 */
export async function insertEvent(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  planId: number,
  unit: { id: number; code: string; name: string; path: string },
  e: {
    period: string;
    kind: CycleEvent['kind'];
    code: string | null;
    indicator: string | null;
    points: number | null;
    reason: string;
  },
  /** `approved`: a bonus the office decided as it recorded it (innovation results applied). */
  opts: { approved?: boolean } = {},
): Promise<CycleEvent> {
  const now = deps.now();
  const pending = e.kind === 'bonus' && !opts.approved;
  const row = await repo.insertEvent(tx, {
    planId,
    period: e.period,
    unitId: unit.id,
    kind: e.kind,
    code: e.code,
    indicator: e.indicator,
    points: e.points,
    reason: e.reason,
    status: pending ? 'pending' : 'approved',
    source: 'entry',
    createdAt: now,
    createdBy: who(ctx),
    decidedAt: pending ? null : now,
    decidedBy: pending ? null : who(ctx),
  });
  const ev = present({ ...row, unitCode: unit.code, unitName: unit.name, unitPath: unit.path });
  await recordAudit(deps, tx, ctx, {
    action: 'event.record',
    objectType: 'cycle_event',
    objectId: row.id,
    after: ev,
  });
  const { code, indicator, points, reason, period } = e;
  if (!pending)
    await notify(deps, tx, unitStaff(unit.id), {
      kind: 'info',
      message:
        e.kind === 'veto'
          ? { code: 'event.veto', params: { unit: unit.name, period, code: code!, reason } }
          : indicator
            ? {
                code: e.kind === 'bonus' ? 'event.bonusOn' : 'event.deductionOn',
                params: { unit: unit.name, period, points: points!, indicator, reason },
              }
            : {
                code: e.kind === 'bonus' ? 'event.bonus' : 'event.deduction',
                params: { unit: unit.name, period, points: points!, reason },
              },
      link: `/events?planId=${planId}&unitId=${unit.id}`,
    });
  return ev;
}

/** The office approves or rejects a pending bonus (a rejection needs a note); optimistic version. */
export async function decideEvent(
  deps: Deps,
  ctx: Ctx,
  id: number,
  body: { decision: 'approve' | 'reject'; note?: string | null; version: number },
): Promise<CycleEvent> {
  return deps.database.db.transaction(async (tx) => {
    const { ev, plan, unit } = await visible(tx, ctx, id);
    if (!isOffice(ctx.actor!, unit, plan.systemId))
      throw new AppError('FORBIDDEN', 'Only the performance office decides on bonuses of this unit');
    if (ev.kind !== 'bonus' || ev.status !== 'pending')
      throw new AppError('CONFLICT', `only a pending bonus is decided; this ${ev.kind} is ${ev.status}`, {
        kind: ev.kind,
        status: ev.status,
      });
    const note = body.note?.trim() || null;
    if (body.decision === 'reject' && !note) throw bad('note', 'a rejection needs a note');
    if (ev.version !== body.version) throw versionConflict('This event');
    const row = await repo.updateEvent(tx, id, body.version, {
      status: body.decision === 'approve' ? 'approved' : 'rejected',
      decidedAt: deps.now(),
      decidedBy: who(ctx),
      decisionNote: note,
    });
    if (!row) throw versionConflict('This event');
    const after = { ...ev, ...row };
    await recordAudit(deps, tx, ctx, {
      action: body.decision === 'approve' ? 'event.approve' : 'event.reject',
      objectType: 'cycle_event',
      objectId: id,
      before: present(ev),
      after: present(after),
    });
    return present(after, (await evidenceOf(tx, [id])).get(id));
  });
}

/**
 * Withdraw a pending or approved event (the recorder or the office), with a reason. The reason and
 * who withdrew it go to the decision columns; the earlier decision stays in the audit trail.
 */
export async function withdrawEvent(
  deps: Deps,
  ctx: Ctx,
  id: number,
  body: { reason: string; version: number },
): Promise<CycleEvent> {
  return deps.database.db.transaction(async (tx) => {
    const { ev, plan, unit } = await visible(tx, ctx, id);
    assertRecorderOrOffice(ctx.actor!, ev, unit, plan.systemId);
    if (ev.status !== 'pending' && ev.status !== 'approved')
      throw new AppError('CONFLICT', `this ${ev.kind} is already ${ev.status}`, { status: ev.status });
    if (ev.version !== body.version) throw versionConflict('This event');
    const row = await repo.updateEvent(tx, id, body.version, {
      status: 'withdrawn',
      decidedAt: deps.now(),
      decidedBy: who(ctx),
      decisionNote: body.reason,
    });
    if (!row) throw versionConflict('This event');
    const after = { ...ev, ...row };
    await recordAudit(deps, tx, ctx, {
      action: 'event.withdraw',
      objectType: 'cycle_event',
      objectId: id,
      before: present(ev),
      after: { ...present(after), reason: body.reason },
    });
    return present(after, (await evidenceOf(tx, [id])).get(id));
  });
}

/**
 * Attach an evidence file to an event (the recorder or the office). The caller is checked before the
 * upload is read (`readFile`), so others never get their bytes taken in.
 */
export async function uploadEventEvidence(
  deps: Deps,
  ctx: Ctx,
  id: number,
  readFile: () => Promise<UploadedFile>,
): Promise<EvidenceFile> {
  const check = async (db: Executor) => {
    const { ev, plan, unit } = await visible(db, ctx, id);
    assertRecorderOrOffice(ctx.actor!, ev, unit, plan.systemId);
  };
  return attachChecked(deps, ctx, { type: 'event', id }, check, readFile);
}
