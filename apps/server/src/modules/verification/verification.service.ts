import type { VerificationMethod, VerificationRecord } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/upload.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify, unitStaff } from '../notifications/notifications.service.js';
import { planInScope } from '../plans/plans.policy.js';
import { attachChecked } from '../submissions/evidence.service.js';
import { planContext } from '../submissions/plan-context.js';
import { present } from '../submissions/present.js';
import { canRead, canVerify } from '../submissions/submissions.policy.js';
import * as subRepo from '../submissions/submissions.repository.js';
import { drawSample } from './sample.js';
import * as repo from './verification.repository.js';
import { verificationsOf } from './verification-records.js';

const who = (ctx: Ctx) => ctx.actor?.username ?? null;

/** Latest sample that drew each submission, for the "on-site (sampled)" mark. */
async function sampledIn(db: Executor, planId: number) {
  const of = new Map<number, number>();
  for (const s of (await repo.listSamples(db, planId)).reverse())
    for (const id of s.submissionIds) of.set(id, s.id);
  return of;
}

/** Submitted values the actor may verify: its indicators (assessor) or everyone's (office). */
export async function queue(deps: Deps, ctx: Ctx, planId: number, period?: string) {
  const db = deps.database.db;
  const pc = await planContext(db, ctx, planId);
  const sampled = await sampledIn(db, planId);
  const rows = (await repo.submittedOf(db, planId, period)).filter((s) => {
    const unit = pc.unitOf.get(s.unitId);
    return unit && canVerify(ctx.actor!, unit, s.indicator, pc.plan.systemId);
  });
  const counts = await subRepo.evidenceCounts(
    db,
    'submission',
    rows.map((r) => r.id),
  );
  return rows.map((s) => ({
    submission: present(s, counts.get(s.id) ?? 0),
    unitCode: pc.unitOf.get(s.unitId)!.code,
    unitName: pc.unitOf.get(s.unitId)!.name,
    indicatorName: pc.leafOf.get(s.indicator)?.name ?? s.indicator,
    sampleId: sampled.get(s.id) ?? null,
  }));
}

/** Load a submission the actor may verify: 404 when it cannot even see it, 403 when it only can read. */
async function verifiable(tx: Executor, ctx: Ctx, submissionId: number) {
  const s = await subRepo.findSubmission(tx, submissionId);
  if (!s) throw notFound('Submission');
  const pc = await planContext(tx, ctx, s.planId).catch(() => {
    throw notFound('Submission');
  });
  const unit = pc.unitOf.get(s.unitId);
  if (!unit) throw notFound('Submission');
  if (!canVerify(ctx.actor!, unit, s.indicator, pc.plan.systemId)) {
    if (canRead(ctx.actor!, unit, s.indicator, pc.plan.systemId))
      throw new AppError('FORBIDDEN', `You do not verify ${s.indicator}`);
    throw notFound('Submission');
  }
  return { s, pc, unit };
}

/** Record a conformity check: pass → verified; fail → returned to the unit with the reason (a to-do). */
export async function verify(
  deps: Deps,
  ctx: Ctx,
  body: {
    submissionId: number;
    method: VerificationMethod;
    result: 'pass' | 'fail';
    note?: string | null;
    correctedValue?: number | null;
    version: number;
  },
): Promise<VerificationRecord> {
  return deps.database.db.transaction(async (tx) => {
    const { s, pc, unit } = await verifiable(tx, ctx, body.submissionId);
    const note = body.note?.trim() || null;
    if (body.result === 'fail' && !note)
      throw new AppError('VALIDATION_FAILED', 'note: a failed check needs the reason sent to the unit', [
        { path: 'note', message: 'required when the result is fail' },
      ]);
    const corrected = body.correctedValue ?? null;
    if (corrected !== null && body.result !== 'pass')
      throw new AppError(
        'VALIDATION_FAILED',
        'correctedValue: only a passed check carries a corrected value',
        [{ path: 'correctedValue', message: 'only with result pass' }],
      );
    if (corrected !== null && !note)
      throw new AppError('VALIDATION_FAILED', 'note: a corrected value needs the reason for the correction', [
        { path: 'note', message: 'required with correctedValue' },
      ]);
    if (s.version !== body.version) throw versionConflict('This value');
    if (s.status !== 'submitted')
      throw new AppError('CONFLICT', `status: only submitted values are verified (this one is ${s.status})`, [
        { path: 'status', message: s.status },
      ]);
    const now = deps.now();
    const sampleId = (await sampledIn(tx, s.planId)).get(s.id) ?? null;
    const v = await repo.insertVerification(tx, {
      submissionId: s.id,
      method: body.method,
      result: body.result,
      note,
      correctedValue: corrected,
      sampleId,
      verifiedAt: now,
      verifiedBy: who(ctx),
    });
    const pass = body.result === 'pass';
    const row = await subRepo.updateSubmission(tx, s.id, s.version, {
      status: pass ? 'verified' : 'returned',
      returnReason: pass ? null : note,
      verifiedAt: pass ? now : null,
      verifiedBy: pass ? who(ctx) : null,
      updatedAt: now,
    });
    if (!row) throw versionConflict('This value');
    await subRepo.insertHistory(tx, [
      {
        submissionId: s.id,
        // A verified correction (Z4) is what counts from now on; the submitted value stays in history.
        value: corrected ?? s.value,
        status: row.status,
        reason: note,
        changedAt: now,
        changedBy: who(ctx),
      },
    ]);
    const leafName = pc.leafOf.get(s.indicator)?.name ?? s.indicator;
    if (!pass)
      await notify(deps, tx, unitStaff(unit.id), {
        kind: 'returned',
        message: {
          code: 'submission.returned',
          params: { indicator: s.indicator, indicatorName: leafName, period: s.period, note: note ?? '' },
        },
        link: `/submissions?planId=${s.planId}&period=${s.period}`,
        todo: true,
      });
    await recordAudit(deps, tx, ctx, [
      {
        action: 'verification.record',
        objectType: 'verification',
        objectId: v.id,
        after: { ...body, note, sampleId },
      },
      {
        action: pass ? 'submission.verify' : 'submission.return',
        objectType: 'submission',
        objectId: s.id,
        before: present(s),
        after: present(row),
      },
    ]);
    return (await verificationsOf(tx, [s.id])).find((x) => x.id === v.id)!;
  });
}

/**
 * Attach an evidence file to a check. Who may not verify it gets 404 / 403 before the upload is
 * read (`readFile`), so their bytes are never taken in.
 */
export async function uploadVerificationEvidence(
  deps: Deps,
  ctx: Ctx,
  id: number,
  readFile: () => Promise<UploadedFile>,
) {
  const check = async (db: Executor) => {
    const v = await repo.findVerification(db, id);
    if (!v) throw notFound('Verification');
    await verifiable(db, ctx, v.submissionId);
  };
  return attachChecked(deps, ctx, { type: 'verification', id }, check, readFile);
}

const presentSample = (s: repo.SampleRow) => ({
  id: s.id,
  planId: s.planId,
  period: s.period,
  seed: s.seed,
  size: s.size,
  submissionIds: s.submissionIds,
  drawnAt: s.drawnAt.toISOString(),
  drawnBy: s.drawnBy,
});

/** The office draws self-reported submitted values of a period for on-site checks (seeded). */
export async function createSample(
  deps: Deps,
  ctx: Ctx,
  body: { planId: number; period: string; size: number; seed: string },
) {
  return deps.database.db.transaction(async (tx) => {
    await planInScope(tx, ctx.actor!, body.planId, 'verification.sample');
    const candidates = (await repo.submittedOf(tx, body.planId, body.period, 'unit')).map((s) => s.id);
    if (candidates.length === 0)
      throw new AppError(
        'CONFLICT',
        `period: no self-reported submitted values in ${body.period} to sample`,
        [{ path: 'period', message: 'nothing to sample' }],
      );
    const ids = drawSample(candidates, body.size, body.seed);
    const row = await repo.insertSample(tx, {
      ...body,
      submissionIds: ids,
      drawnAt: deps.now(),
      drawnBy: who(ctx),
    });
    await recordAudit(deps, tx, ctx, {
      action: 'verification_sample.draw',
      objectType: 'verification_sample',
      objectId: row.id,
      after: { ...presentSample(row), candidates: candidates.length },
    });
    return presentSample(row);
  });
}

export async function listSamples(deps: Deps, ctx: Ctx, planId: number) {
  await planInScope(deps.database.db, ctx.actor!, planId, 'verification.sample');
  return (await repo.listSamples(deps.database.db, planId)).map(presentSample);
}

/** Checks per unit and method (Z4), every unit of the plan's system listed. */
export async function counts(deps: Deps, ctx: Ctx, planId: number) {
  const db = deps.database.db;
  const pc = await planContext(db, ctx, planId);
  const rows = await repo.countsByUnitMethod(db, planId);
  return pc.units.map((u) => {
    const of = (m: string) => rows.find((r) => r.unitId === u.id && r.method === m)?.n ?? 0;
    const c = { on_site: of('on_site'), work_slip: of('work_slip'), comprehensive: of('comprehensive') };
    return {
      unitId: u.id,
      unitCode: u.code,
      unitName: u.name,
      ...c,
      total: c.on_site + c.work_slip + c.comprehensive,
    };
  });
}
