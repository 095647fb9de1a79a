import type { RectificationCreate } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import { bad } from '../../platform/errors.js';
import { findObjection } from '../objections/objections.repository.js';
import * as plans from '../plans/plans.repository.js';
import { runEngine, runPlan, type StoredResult } from '../results/results.service.js';
import { findSubmission } from '../submissions/submissions.repository.js';
import { findComment } from '../surveys/comments.repository.js';
import { findVerification } from '../verification/verification.repository.js';
import { runWeaknesses, type Weakness } from './weaknesses.js';

/**
 * Where a rectification task comes from: the unit and the weakness read from the source the office
 * names (a released run's indicator, a verification record, a settled objection, a comment).
 */

/** A released run with its stored result; `field` names the request field that gave its id. */
async function releasedRun(db: Executor, runId: number, field: string) {
  const run = await plans.findRunById(db, runId);
  if (!run) throw bad(field, 'rectification.no_source', { kind: 'result', id: runId });
  if (run.status !== 'released') throw bad(field, 'rectification.run_not_released', { id: runId });
  return { run, stored: run.result as unknown as StoredResult };
}

/** Every leaf indicator's loss per unit of a released run, above `minLostShare`. */
export async function weaknessesOf(db: Executor, runId: number, minLostShare: number, field: string) {
  const { run, stored } = await releasedRun(db, runId, field);
  const result = runEngine(await runPlan(db, run), stored.input);
  const ids = new Map(stored.units.map((u) => [u.unit, u.unitId]));
  return { run, ids, weaknesses: runWeaknesses(result.units, minLostShare) };
}

export const resultWeakness = (
  run: { id: number; period: string },
  w: Weakness,
  minLostShare: number | null,
) => ({
  code: 'rectification.weakness.result',
  params: {
    runId: run.id,
    period: run.period,
    indicator: w.indicator,
    name: w.name,
    score: w.score,
    full: w.full,
    lostShare: w.lostShare,
    ...(minLostShare === null ? {} : { minLostShare }),
  },
});

/** The unit and what was found, read from the source the office names. */
export async function fromSource(
  db: Executor,
  b: RectificationCreate,
): Promise<{ unitId: number; weakness: { code: string; params: Record<string, unknown> } }> {
  const { kind, refId, refKey } = b.source;
  const missing = () => bad('source.refId', 'rectification.no_source', { kind, id: refId });
  if (kind === 'manual') {
    if (!b.unitId) throw bad('unitId', 'rectification.unit_required');
    return { unitId: b.unitId, weakness: { code: 'rectification.weakness.manual', params: {} } };
  }
  if (kind === 'rating') throw bad('source.kind', 'rectification.rating_automatic');
  if (!refId) throw bad('source.refId', 'rectification.ref_required', { kind });
  if (kind === 'result') {
    if (!b.unitId) throw bad('unitId', 'rectification.unit_required');
    if (!refKey) throw bad('source.refKey', 'rectification.indicator_required');
    const { run, ids, weaknesses } = await weaknessesOf(db, refId, -1, 'source.refId');
    const w = weaknesses.find((x) => x.indicator === refKey && ids.get(x.unit) === b.unitId);
    if (!w) throw bad('source.refKey', 'rectification.no_indicator', { indicator: refKey });
    return { unitId: b.unitId, weakness: resultWeakness(run, w, null) };
  }
  if (kind === 'verification') {
    const v = await findVerification(db, refId);
    const s = v && (await findSubmission(db, v.submissionId));
    if (!v || !s) throw missing();
    return {
      unitId: s.unitId,
      weakness: {
        code: 'rectification.weakness.verification',
        params: {
          indicator: s.indicator,
          period: s.period,
          result: v.result,
          method: v.method,
          note: v.note,
          value: s.value,
          correctedValue: v.correctedValue,
        },
      },
    };
  }
  if (kind === 'objection') {
    const o = await findObjection(db, refId);
    if (!o) throw missing();
    if (o.status !== 'closed')
      throw bad('source.refId', 'rectification.objection_open', { status: o.status });
    return {
      unitId: o.unitId,
      weakness: {
        code: 'rectification.weakness.objection',
        params: { period: o.period, target: o.targetLabel, outcome: o.outcome, reason: o.reason },
      },
    };
  }
  const c = await findComment(db, refId);
  if (!c) throw missing();
  if (!c.comment.unitId) throw bad('source.refId', 'rectification.comment_without_unit');
  return {
    unitId: c.comment.unitId,
    weakness: { code: 'rectification.weakness.comment', params: { text: c.comment.text.slice(0, 500) } },
  };
}
