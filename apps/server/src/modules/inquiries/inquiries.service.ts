import {
  beijingDay,
  type Inquiry,
  type InquiryCloseBody,
  type InquiryCreate,
  type InquiryStatus,
} from '@jixiao/contracts';
import { type Plan, yearPeriod } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, bad, conflict, versionConflict } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/upload.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertEvent } from '../events/events.service.js';
import { notify, unitStaff } from '../notifications/notifications.service.js';
import { planLeaves } from '../plans/plan-leaves.js';
import { attachChecked } from '../submissions/evidence.service.js';
import { presentEvidence } from '../submissions/present.js';
import { listEvidence } from '../submissions/submissions.repository.js';
import * as repo from './inquiries.repository.js';
import { inquiryView, isAsker, speaksFor, visibleAssignment, visibleInquiry } from './inquiry-access.js';
import { deadlineInFuture, inquiryStep, statusAt } from './inquiry-rules.js';
import { reviewPlan } from './review.service.js';

/**
 * Inquiries (质询) of the year-end expert review (S11): an expert raises one on a unit assigned to
 * them, the unit answers before the deadline with text and evidence, the expert closes it — with a
 * deduction (a deduction event, in the same transaction) or without. Versioned, audited, told to
 * the other side. The overdue penalty is in penalties.service.ts.
 */

const OWNER = 'inquiry';
const who = (ctx: Ctx) => ctx.actor?.username ?? 'system';
const link = (id: number) => `/inquiries?id=${id}`;
/** The year-end period the review's deductions count in. */
/**
 * A deduction of the inquiry's unit in the plan's year-end period (an expert's, or the plan's points
 * for an unanswered inquiry), written in the caller's transaction.
 */
export const inquiryDeduction = (
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  plan: { id: number; year: number },
  r: Pick<repo.InquiryListRow, 'q' | 'unitCode' | 'unitName' | 'unitPath'>,
  d: { code: 'inquiry_deduction' | 'inquiry_unanswered'; points: number; reason: string },
) =>
  insertEvent(
    deps,
    tx,
    ctx,
    plan.id,
    { id: r.q.unitId, code: r.unitCode, name: r.unitName, path: r.unitPath },
    { period: yearPeriod(plan.year), kind: 'deduction', indicator: r.q.indicator, ...d },
  );

function present(
  r: repo.InquiryListRow,
  files: Parameters<typeof presentEvidence>[0][],
  ctx: Ctx,
  now: Date,
) {
  const q = r.q;
  const status = statusAt(q, now);
  const actor = ctx.actor!;
  return {
    id: q.id,
    planId: q.planId,
    unitId: q.unitId,
    unitCode: r.unitCode,
    unitName: r.unitName,
    expertUserId: q.expertUserId,
    expertName: r.expertName,
    indicator: q.indicator,
    question: q.question,
    deadline: q.deadline,
    status,
    answer: q.answer,
    answeredAt: q.answeredAt?.toISOString() ?? null,
    answeredBy: q.answeredBy,
    closedAt: q.closedAt?.toISOString() ?? null,
    closedBy: q.closedBy,
    closeNote: q.closeNote,
    deductionPoints: q.deductionPoints,
    deductionReason: q.deductionReason,
    eventId: q.eventId,
    evidence: files.map(presentEvidence),
    createdAt: q.createdAt.toISOString(),
    createdBy: q.createdBy,
    can: {
      answer: inquiryStep(status, 'answer').ok && speaksFor(actor, r.unitPath),
      close: inquiryStep(status, 'close').ok && isAsker(actor, q.expertUserId),
    },
    version: q.version,
  } satisfies Inquiry;
}

async function presentAll(deps: Deps, db: Executor, ctx: Ctx, rows: repo.InquiryListRow[]) {
  const files = await listEvidence(
    db,
    OWNER,
    rows.map((r) => r.q.id),
  );
  const now = deps.now();
  return rows.map((r) =>
    present(
      r,
      files.filter((f) => f.ownerId === r.q.id),
      ctx,
      now,
    ),
  );
}

export async function listInquiries(
  deps: Deps,
  ctx: Ctx,
  q: { planId?: number; unitId?: number; status?: InquiryStatus },
) {
  const db = deps.database.db;
  const { status, ...f } = q;
  const rows = await repo.listInquiries(db, inquiryView(ctx.actor!), f);
  const all = await presentAll(deps, db, ctx, rows);
  return status ? all.filter((i) => i.status === status) : all;
}

async function presentOne(deps: Deps, db: Executor, ctx: Ctx, id: number) {
  const [i] = await presentAll(deps, db, ctx, [await visibleInquiry(db, ctx, id)]);
  return i!;
}

export const getInquiry = (deps: Deps, ctx: Ctx, id: number) => presentOne(deps, deps.database.db, ctx, id);

/** An expert raises an inquiry on a unit assigned to them (another's assignment is not found). */
export async function raise(deps: Deps, ctx: Ctx, b: InquiryCreate) {
  return deps.database.db.transaction(async (tx) => {
    const a = await visibleAssignment(tx, ctx, b.assignmentId);
    if (!isAsker(ctx.actor!, a.a.expertUserId))
      throw new AppError('FORBIDDEN', 'The assigned expert raises inquiries');
    const plan = await reviewPlan(tx, a.a.planId);
    const indicator = b.indicator ?? null;
    if (indicator && !planLeaves(plan.document as unknown as Plan).some((l) => l.code === indicator))
      throw bad('indicator', 'inquiry.unknown_indicator', { indicator });
    const now = deps.now();
    if (!deadlineInFuture(b.deadline, beijingDay(now)))
      throw bad('deadline', 'inquiry.deadline_not_future', { deadline: b.deadline, today: beijingDay(now) });
    const row = await repo.insertInquiry(tx, {
      planId: plan.id,
      unitId: a.a.unitId,
      expertUserId: a.a.expertUserId,
      indicator,
      question: b.question,
      deadline: b.deadline,
      status: 'open',
      createdAt: now,
      createdBy: who(ctx),
    });
    await notify(deps, tx, unitStaff(a.a.unitId), {
      kind: 'inquiry',
      message: {
        code: 'inquiry.raised',
        params: { expert: a.expertName, question: b.question, due: b.deadline },
      },
      link: link(row.id),
      todo: true,
    });
    await recordAudit(deps, tx, ctx, {
      action: 'inquiry.raise',
      objectType: 'inquiry',
      objectId: row.id,
      after: { planId: plan.id, unitId: a.a.unitId, indicator, question: b.question, deadline: b.deadline },
    });
    return presentOne(deps, tx, ctx, row.id);
  });
}

/** The refusal of a step: past the deadline the unit is told so (409 inquiry.deadline_passed). */
function refuse(status: InquiryStatus, action: 'answer' | 'close' | 'evidence', deadline: string) {
  if (status === 'overdue' || (status === 'penalised' && action !== 'close'))
    return conflict('inquiry.deadline_passed', { deadline });
  return conflict('inquiry.state', { status, action });
}

/** The unit answers an open inquiry before its deadline. */
export async function answer(deps: Deps, ctx: Ctx, id: number, b: { answer: string; version: number }) {
  return deps.database.db.transaction(async (tx) => {
    const r = await visibleInquiry(tx, ctx, id);
    if (!speaksFor(ctx.actor!, r.unitPath)) throw new AppError('FORBIDDEN', 'The unit answers');
    const now = deps.now();
    const status = statusAt(r.q, now);
    const step = inquiryStep(status, 'answer');
    if (!step.ok) throw refuse(status, 'answer', r.q.deadline);
    if (b.version !== r.q.version) throw versionConflict('The inquiry');
    const row = await repo.updateInquiry(tx, id, b.version, {
      status: step.to,
      answer: b.answer,
      answeredAt: now,
      answeredBy: who(ctx),
    });
    if (!row) throw versionConflict('The inquiry');
    await notify(
      deps,
      tx,
      { userIds: [r.q.expertUserId] },
      {
        kind: 'inquiry',
        message: { code: 'inquiry.answered', params: { unit: r.unitName, question: r.q.question } },
        link: link(id),
        todo: true,
      },
    );
    await recordAudit(deps, tx, ctx, {
      action: 'inquiry.answer',
      objectType: 'inquiry',
      objectId: id,
      before: { status: r.q.status, version: r.q.version },
      after: { status: step.to, answer: b.answer, version: row.version },
    });
    return presentOne(deps, tx, ctx, id);
  });
}

/**
 * The expert closes an answered inquiry, without or with a deduction: the deduction becomes a
 * deduction event of the year-end period (code `inquiry_deduction`), recorded in this transaction
 * and told to the unit like any deduction.
 */
export async function close(deps: Deps, ctx: Ctx, id: number, b: InquiryCloseBody) {
  return deps.database.db.transaction(async (tx) => {
    const r = await visibleInquiry(tx, ctx, id);
    if (!isAsker(ctx.actor!, r.q.expertUserId))
      throw new AppError('FORBIDDEN', 'The expert who asked closes the inquiry');
    const now = deps.now();
    const status = statusAt(r.q, now);
    const step = inquiryStep(status, 'close');
    if (!step.ok) throw refuse(status, 'close', r.q.deadline);
    if (b.version !== r.q.version) throw versionConflict('The inquiry');
    const plan = await reviewPlan(tx, r.q.planId);
    const event = b.deduction
      ? await inquiryDeduction(deps, tx, ctx, plan, r, { code: 'inquiry_deduction', ...b.deduction })
      : null;
    const row = await repo.updateInquiry(tx, id, b.version, {
      status: step.to,
      closedAt: now,
      closedBy: who(ctx),
      closeNote: b.note || null,
      deductionPoints: b.deduction?.points ?? null,
      deductionReason: b.deduction?.reason ?? null,
      eventId: event?.id ?? null,
    });
    if (!row) throw versionConflict('The inquiry');
    await notify(deps, tx, unitStaff(r.q.unitId), {
      kind: 'inquiry',
      message: b.deduction
        ? {
            code: 'inquiry.closedDeduction',
            params: { question: r.q.question, points: b.deduction.points, reason: b.deduction.reason },
          }
        : { code: 'inquiry.closed', params: { question: r.q.question, note: b.note || '' } },
      link: link(id),
    });
    await recordAudit(deps, tx, ctx, {
      action: 'inquiry.close',
      objectType: 'inquiry',
      objectId: id,
      before: { status: r.q.status, version: r.q.version },
      after: {
        status: step.to,
        note: b.note || null,
        deduction: b.deduction ?? null,
        eventId: event?.id ?? null,
        version: row.version,
      },
    });
    return presentOne(deps, tx, ctx, id);
  });
}

/** The unit attaches evidence to its answer while the inquiry is open and in time. */
export async function uploadEvidence(
  deps: Deps,
  ctx: Ctx,
  id: number,
  readFile: () => Promise<UploadedFile>,
) {
  const check = async (db: Executor) => {
    const r = await visibleInquiry(db, ctx, id);
    if (!speaksFor(ctx.actor!, r.unitPath)) throw new AppError('FORBIDDEN', 'The unit attaches its evidence');
    const status = statusAt(r.q, deps.now());
    if (status !== 'open') throw refuse(status, 'evidence', r.q.deadline);
  };
  return attachChecked(deps, ctx, { type: OWNER, id }, check, readFile);
}
