import type {
  Submission,
  SubmissionCreate,
  SubmissionDetail,
  SubmissionSlot,
  SubmissionUpdate,
} from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { recordAudit, recordCreated } from '../audit/audit.service.js';
import { periodState } from '../periods/period-state.js';
import { findWindow } from '../periods/periods.repository.js';
import { assertPeriodAcceptsData } from '../periods/periods.service.js';
import { type Leaf, reportSlot } from '../plans/plan-leaves.js';
import { verificationsOf } from '../verification/verification-records.js';
import { type PlanContext, planContext, readable } from './plan-context.js';
import { present, presentEvidence } from './present.js';
import { assertCanWrite, canRead, mayWrite } from './submissions.policy.js';
import * as repo from './submissions.repository.js';

const who = (ctx: Ctx) => ctx.actor?.username ?? null;
const bad = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${path}: ${message}`, [{ path, message }]);

/** The measure unit must be the plan's own when the plan sets one (a value in 万元 is not one in 元). */
function checkMeasureUnit(leaf: Leaf, given: string | null | undefined): string | null {
  const u = given?.trim() || null;
  if (leaf.measureUnit && u !== null && u !== leaf.measureUnit)
    throw bad('measureUnit', `${leaf.code} is measured in "${leaf.measureUnit}", not "${u}"`);
  return u ?? leaf.measureUnit;
}

/** Load and authorise an entry: the plan, the unit and the indicator must exist and be writable. */
function target(pc: PlanContext, ctx: Ctx, unitId: number, indicator: string) {
  const unit = pc.unitOf.get(unitId);
  if (!unit) throw notFound('Unit');
  const leaf = pc.leafOf.get(indicator);
  if (!leaf) throw bad('indicator', `${indicator} is not an indicator of this plan that takes a value`);
  const source = assertCanWrite(ctx.actor!, unit, leaf, pc.plan.systemId, pc.providerOwned(leaf.code));
  return { unit, leaf, source };
}

/** Period gate of the periods module: closed periods refuse data; late entries are flagged. */
const gate = (deps: Deps, tx: Executor, planId: number, period: string, unitId: number) =>
  assertPeriodAcceptsData(tx, planId, period, unitId, deps.now());

export async function createSubmission(deps: Deps, ctx: Ctx, body: SubmissionCreate): Promise<Submission> {
  return deps.database.db.transaction(async (tx) => {
    const pc = await planContext(tx, ctx, body.planId);
    const { leaf, source } = target(pc, ctx, body.unitId, body.indicator);
    const measureUnit = checkMeasureUnit(leaf, body.measureUnit);
    const existing = await repo.findSlot(tx, body);
    if (existing)
      throw new AppError('CONFLICT', `${body.indicator} of this unit for ${body.period} exists; edit it`, {
        id: existing.id,
        version: existing.version,
      });
    const { late } = await gate(deps, tx, body.planId, body.period, body.unitId);
    const now = deps.now();
    const row = await repo.insertSubmission(tx, {
      planId: body.planId,
      unitId: body.unitId,
      indicator: body.indicator,
      period: body.period,
      value: body.value,
      measureUnit,
      note: body.note ?? null,
      status: body.submit ? 'submitted' : 'draft',
      source,
      late: body.submit && late,
      submittedAt: body.submit ? now : null,
      submittedBy: body.submit ? who(ctx) : null,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertHistory(tx, [
      { submissionId: row.id, value: row.value, status: row.status, changedAt: now, changedBy: who(ctx) },
    ]);
    return recordCreated(deps, tx, ctx, 'submission', row.id, present(row));
  });
}

/**
 * Change a value. A verified value is corrected only with a reason and goes back to "submitted" to be
 * checked again; every earlier value stays in the history (G5).
 */
export async function updateSubmission(
  deps: Deps,
  ctx: Ctx,
  id: number,
  body: SubmissionUpdate,
): Promise<Submission> {
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findSubmission(tx, id);
    if (!before) throw notFound('Submission');
    const pc = await planContext(tx, ctx, before.planId);
    const { leaf } = target(pc, ctx, before.unitId, before.indicator);
    const measureUnit = checkMeasureUnit(leaf, body.measureUnit ?? before.measureUnit);
    if (before.version !== body.version) throw versionConflict('This value');
    const correcting = before.status === 'verified';
    if (correcting && !body.reason?.trim())
      throw bad('reason', 'correcting a verified value needs a reason (G5)');
    const submit = body.submit || correcting;
    const { late } = await gate(deps, tx, before.planId, before.period, before.unitId);
    const now = deps.now();
    const row = await repo.updateSubmission(tx, id, body.version, {
      value: body.value,
      measureUnit,
      note: body.note === undefined ? before.note : body.note,
      status: submit ? 'submitted' : 'draft',
      late: submit ? before.late || late : before.late,
      returnReason: submit ? null : before.returnReason,
      submittedAt: submit ? now : before.submittedAt,
      submittedBy: submit ? who(ctx) : before.submittedBy,
      verifiedAt: null,
      verifiedBy: null,
      updatedAt: now,
    });
    if (!row) throw versionConflict('This value');
    await repo.insertHistory(tx, [
      {
        submissionId: id,
        value: row.value,
        status: row.status,
        reason: body.reason?.trim() || null,
        changedAt: now,
        changedBy: who(ctx),
      },
    ]);
    await recordAudit(deps, tx, ctx, {
      action: correcting ? 'submission.correct' : 'submission.update',
      objectType: 'submission',
      objectId: id,
      before: present(before),
      after: { ...present(row), reason: body.reason ?? null },
    });
    return present(row);
  });
}

export async function getSubmission(deps: Deps, ctx: Ctx, id: number): Promise<SubmissionDetail> {
  const db = deps.database.db;
  const { s, pc, unit } = await readable(db, ctx, id);
  const evidence = await repo.listEvidence(db, 'submission', [id]);
  return {
    ...present(s, evidence.length),
    unitCode: unit.code,
    unitName: unit.name,
    indicatorName: pc.leafOf.get(s.indicator)?.name ?? s.indicator,
    history: (await repo.listHistory(db, id)).map((h) => ({
      value: h.value,
      status: h.status,
      reason: h.reason,
      changedAt: h.changedAt.toISOString(),
      changedBy: h.changedBy,
    })),
    evidence: evidence.map(presentEvidence),
    verifications: await verificationsOf(db, [id]),
  };
}

/** The form of a period: every (unit, indicator) the actor may see, with its value if any. */
export async function listSlots(
  deps: Deps,
  ctx: Ctx,
  q: { planId: number; period: string; unitId?: number; status?: string },
) {
  const db = deps.database.db;
  const pc = await planContext(db, ctx, q.planId);
  const actor = ctx.actor!;
  const rows = await repo.listForPeriod(db, q.planId, q.period);
  const byKey = new Map(rows.map((r) => [`${r.unitId}|${r.indicator}`, r]));
  const counts = await repo.evidenceCounts(
    db,
    'submission',
    rows.map((r) => r.id),
  );
  const items: SubmissionSlot[] = [];
  for (const unit of pc.units) {
    if (q.unitId && unit.id !== q.unitId) continue;
    for (const leaf of pc.leaves) {
      const slot = reportSlot(leaf.frequency, q.period);
      if (!slot.takes || !canRead(actor, unit, leaf.code, pc.plan.systemId)) continue;
      const s = byKey.get(`${unit.id}|${leaf.code}`);
      if (q.status && s?.status !== q.status) continue;
      const providerOwned = pc.providerOwned(leaf.code);
      items.push({
        unitId: unit.id,
        unitCode: unit.code,
        unitName: unit.name,
        indicator: leaf.code,
        indicatorName: leaf.name,
        measureUnit: leaf.measureUnit,
        owner: leaf.owner,
        providerOwned,
        canWrite: mayWrite(actor, unit, leaf, pc.plan.systemId, providerOwned),
        ...(slot.due === null ? {} : { due: slot.due }),
        submission: s ? present(s, counts.get(s.id) ?? 0) : null,
      });
    }
  }
  const w = await findWindow(db, q.planId, q.period);
  return {
    planId: q.planId,
    period: q.period,
    periodState: w ? periodState(w, [], null, deps.now()) : null,
    items,
  };
}
