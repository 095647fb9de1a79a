import type { EvidenceFile, InquiryAssignment, InquiryReview } from '@jixiao/contracts';
import type { Plan } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { bad, conflict, notFound } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { findPlan, systemUnits } from '../plans/plans.repository.js';
import { presentEvidence } from '../submissions/present.js';
import { listEvidence } from '../submissions/submissions.repository.js';
import { targetLines } from '../taskbooks/plan-targets.js';
import { findBookOf, targetsOf } from '../taskbooks/taskbooks.repository.js';
import * as repo from './inquiries.repository.js';
import { inquiryView, visibleAssignment } from './inquiry-access.js';
import { statusAt } from './inquiry-rules.js';

/**
 * The year-end review's assignments (S11): the office assigns expert accounts to units of a plan and
 * removes them; an expert (and the office) reads an assigned unit's issued targets beside its year
 * values and their evidence. Writes are audited in their transaction.
 */

const who = (ctx: Ctx) => ctx.actor?.username ?? 'system';

/** A plan the review may use: it exists and is not archived (a past year's review is closed). */
export async function reviewPlan(db: Executor, planId: number) {
  const plan = await findPlan(db, planId);
  if (!plan) throw notFound('Plan');
  if (plan.status === 'archived') throw conflict('inquiry.plan_archived', { planId });
  return plan;
}

export async function listAssignments(
  deps: Deps,
  ctx: Ctx,
  q: { planId?: number; expertUserId?: number },
): Promise<InquiryAssignment[]> {
  const db = deps.database.db;
  const view = inquiryView(ctx.actor!);
  const rows = await repo.listAssignments(db, view, q);
  const asked = await repo.listInquiries(db, view, { planId: q.planId });
  const now = deps.now();
  return rows.map((r) => {
    const mine = asked.filter(
      (i) => i.q.planId === r.a.planId && i.q.unitId === r.a.unitId && i.q.expertUserId === r.a.expertUserId,
    );
    const count = (...s: string[]) => mine.filter((i) => s.includes(statusAt(i.q, now))).length;
    return {
      id: r.a.id,
      planId: r.a.planId,
      year: r.a.year,
      expertUserId: r.a.expertUserId,
      expertName: r.expertName,
      unitId: r.a.unitId,
      unitCode: r.unitCode,
      unitName: r.unitName,
      counts: {
        open: count('open', 'overdue'),
        answered: count('answered'),
        done: count('closed', 'penalised'),
      },
      assignedAt: r.a.assignedAt.toISOString(),
      assignedBy: r.a.assignedBy,
    };
  });
}

/** Accounts with the expert role, for the office's assignment. */
export const listExperts = (deps: Deps) => repo.expertUsers(deps.database.db);

/** The office assigns one expert to units of a plan; pairs already assigned are kept as they are. */
export async function assign(
  deps: Deps,
  ctx: Ctx,
  b: { planId: number; expertUserId: number; unitIds: number[] },
) {
  return deps.database.db.transaction(async (tx) => {
    const plan = await reviewPlan(tx, b.planId);
    const experts = await repo.expertUsers(tx);
    if (!experts.some((e) => e.id === b.expertUserId))
      throw bad('expertUserId', 'inquiry.not_an_expert', { id: b.expertUserId });
    const units = new Map((await systemUnits(tx, plan.systemId)).map((u) => [u.id, u]));
    const stray = b.unitIds.find((id) => !units.has(id));
    if (stray !== undefined) throw bad('unitIds', 'inquiry.not_a_unit', { id: stray });
    const unitIds = [...new Set(b.unitIds)];
    const rows = await repo.insertAssignments(
      tx,
      unitIds.map((unitId) => ({
        planId: plan.id,
        year: plan.year,
        expertUserId: b.expertUserId,
        unitId,
        assignedAt: deps.now(),
        assignedBy: who(ctx),
      })),
    );
    if (rows.length) {
      await recordAudit(
        deps,
        tx,
        ctx,
        rows.map((r) => ({
          action: 'inquiry_assignment.create',
          objectType: 'inquiry_assignment',
          objectId: r.id,
          after: { planId: r.planId, expertUserId: r.expertUserId, unitId: r.unitId },
        })),
      );
      await notify(
        deps,
        tx,
        { userIds: [b.expertUserId] },
        {
          kind: 'inquiry',
          message: { code: 'inquiry.assigned', params: { plan: plan.name, count: rows.length } },
          link: '/inquiries',
          todo: true,
        },
      );
    }
    return { created: rows.length, kept: unitIds.length - rows.length };
  });
}

/** The office removes an assignment; one whose expert has asked the unit already is kept (409). */
export async function unassign(deps: Deps, ctx: Ctx, id: number) {
  return deps.database.db.transaction(async (tx) => {
    const a = await visibleAssignment(tx, ctx, id);
    const asked = await repo.listInquiries(tx, inquiryView(ctx.actor!), {
      planId: a.a.planId,
      unitId: a.a.unitId,
      expertUserId: a.a.expertUserId,
    });
    if (asked.length) throw conflict('inquiry.assignment_in_use', { count: asked.length });
    await repo.deleteAssignment(tx, id);
    await recordAudit(deps, tx, ctx, {
      action: 'inquiry_assignment.delete',
      objectType: 'inquiry_assignment',
      objectId: id,
      before: { planId: a.a.planId, expertUserId: a.a.expertUserId, unitId: a.a.unitId },
    });
  });
}

/**
 * An assigned unit as its expert reviews it: each indicator the unit is scored on with its issued
 * target, its newest reported value of the year and that value's evidence. Read-only.
 */
export async function review(deps: Deps, ctx: Ctx, assignmentId: number): Promise<InquiryReview> {
  const db = deps.database.db;
  const a = await visibleAssignment(db, ctx, assignmentId);
  const plan = await findPlan(db, a.a.planId);
  if (!plan) throw notFound('Plan');
  const unit = (await systemUnits(db, plan.systemId)).find((u) => u.id === a.a.unitId);
  const doc = plan.document as unknown as Plan;
  const lines = unit ? targetLines(doc, unit.group, unit.code) : [];
  const book = await findBookOf(db, plan.id, a.a.unitId);
  const issued = book?.status === 'issued';
  const targets = new Map(
    (issued && book ? await targetsOf(db, [book.id]) : []).map((t) => [t.indicator, t]),
  );
  const reports = await repo.unitReports(db, plan.id, a.a.unitId);
  const newest = new Map<string, (typeof reports)[number]>();
  for (const r of reports) if (!newest.has(r.indicator)) newest.set(r.indicator, r);
  const files = await listEvidence(
    db,
    'submission',
    [...newest.values()].map((r) => r.id),
  );
  const evidenceOf = (id: number | undefined): EvidenceFile[] =>
    id === undefined ? [] : files.filter((f) => f.ownerId === id).map(presentEvidence);
  return {
    assignmentId: a.a.id,
    planId: plan.id,
    planName: plan.name,
    year: plan.year,
    unitId: a.a.unitId,
    unitCode: a.unitCode,
    unitName: a.unitName,
    taskBookIssued: issued,
    lines: lines.map((l) => {
      const t = targets.get(l.indicator);
      const r = newest.get(l.indicator);
      return {
        indicator: l.indicator,
        name: l.name,
        measureUnit: t?.measureUnit ?? l.measureUnit ?? r?.measureUnit ?? null,
        target: t?.target ?? null,
        baseline: t?.baseline ?? null,
        value: r?.value ?? null,
        period: r?.period ?? null,
        submissionStatus: r?.status ?? null,
        evidence: evidenceOf(r?.id),
      };
    }),
  };
}
