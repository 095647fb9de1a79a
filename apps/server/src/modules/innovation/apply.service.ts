import type { ApplyOutcome } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { conflict, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import * as eventsRepo from '../events/events.repository.js';
import { insertEvent } from '../events/events.service.js';
import * as plansRepo from '../plans/plans.repository.js';
import { visibleCall } from './calls.service.js';
import * as repo from './innovation.repository.js';
import { isStale, present } from './results.service.js';
import type { StoredResults } from './results-compute.js';
import * as scoringRepo from './scoring.repository.js';

/**
 * The office applies a call's results (issue 12 point 5): each proposal with points > 0 becomes an
 * approved bonus event of the plan's year (`<year>-Y`), source = the configured bonus source, unit =
 * the project's unit, the reason naming the project and its rank — so the bonus shows in the unit's
 * trace under the source's name. A proposal cut to 0 by the cap stays a proposal. Applying again
 * withdraws the call's earlier events and records the new ones, or changes nothing when they are
 * the same (idempotent). Refused while the results are stale or have no plan. Audited.
 */

const who = (ctx: Ctx) => ctx.actor?.username ?? null;

/** The event's reason: the project's title and rank, as an office would write it. */
export function awardReason(
  p: { title: string; categoryName: string; rank: number; seat: number | null },
  rankOf: string,
) {
  return rankOf === 'top_ten'
    ? `创新项目「${p.title}」入选改革创新十优（第${p.seat}位）`
    : `创新项目「${p.title}」${p.categoryName}类第${p.rank}名`;
}

export async function applyResults(
  deps: Deps,
  ctx: Ctx,
  callId: number,
  version: number,
): Promise<ApplyOutcome> {
  return deps.database.db.transaction(async (tx) => {
    const call = await visibleCall(tx, ctx, callId);
    const { applied, ...outcome } = await applyIn(deps, tx, ctx, callId, version);
    return { ...outcome, results: await present(tx, ctx, call, applied) };
  });
}

/** The application inside the caller's transaction (the demo seed uses it too). */
export async function applyIn(deps: Deps, tx: Executor, ctx: Ctx, callId: number, version: number) {
  const row = await scoringRepo.findResult(tx, callId);
  if (!row) throw conflict('innovation.no_results', { callId });
  if (row.version !== version) throw versionConflict('The innovation results');
  if (await isStale(tx, (await repo.findCall(tx, callId))!, row))
    throw conflict('innovation.results_stale', { callId });
  const { view } = row.output as StoredResults;
  if (!view.plan) throw conflict('innovation.no_bonus_plan', { callId });
  const plan = await plansRepo.findPlan(tx, view.plan.id);
  if (!plan || plan.status === 'archived')
    throw conflict('innovation.unknown_plan', { planId: view.plan.id });
  const wanted = view.proposals
    .filter((p) => p.points > 0)
    .map((p) => {
      const r = view.projects.find((x) => x.projectId === p.projectId)!;
      return { p, reason: awardReason(r, view.settings.bonus.rankOf) };
    });
  const earlier = (await scoringRepo.awardsOfCall(tx, callId)).filter((a) =>
    ['approved', 'pending'].includes(a.event.status),
  );
  const key = (x: { project: number; unit: number; points: number; reason: string; plan: number }) =>
    `${x.plan}|${x.project}|${x.unit}|${x.points}|${x.reason}`;
  const before = earlier
    .map((a) =>
      key({
        plan: a.event.planId,
        project: a.award.projectId,
        unit: a.event.unitId,
        points: a.event.points ?? 0,
        reason: a.event.reason,
      }),
    )
    .sort();
  const after = wanted
    .map(({ p, reason }) =>
      key({ plan: plan.id, project: p.projectId, unit: p.unitId, points: p.points, reason }),
    )
    .sort();
  const unchanged = before.length === after.length && before.every((k, i) => k === after[i]);
  let created = 0;
  if (!unchanged) {
    const now = deps.now();
    for (const a of earlier) {
      const ev = await eventsRepo.updateEvent(tx, a.event.id, a.event.version, {
        status: 'withdrawn',
        decidedAt: now,
        decidedBy: who(ctx),
        decisionNote: 'innovation results applied again',
      });
      if (!ev) throw versionConflict('A bonus event of this call');
      await recordAudit(deps, tx, ctx, {
        action: 'event.withdraw',
        objectType: 'cycle_event',
        objectId: a.event.id,
        before: { status: a.event.status, points: a.event.points },
        after: { status: 'withdrawn', reason: 'innovation results applied again', callId },
      });
    }
    const nodes = new Map(
      (await repo.listProjects(tx, { all: true }, { callId })).map((p) => [p.project.id, p]),
    );
    const awards = [];
    for (const { p, reason } of wanted) {
      const n = nodes.get(p.projectId)!;
      const ev = await insertEvent(
        deps,
        tx,
        ctx,
        plan.id,
        { id: p.unitId, code: p.unitCode, name: p.unitName, path: n.unitPath },
        {
          period: view.plan.period,
          kind: 'bonus',
          code: view.plan.source,
          indicator: null,
          points: p.points,
          reason,
        },
        { approved: true },
      );
      awards.push({
        callId,
        projectId: p.projectId,
        eventId: ev.id,
        points: p.points,
        rank: p.rank,
        createdAt: now,
        createdBy: who(ctx),
      });
    }
    await scoringRepo.insertAwards(tx, awards);
    created = awards.length;
  }
  const applied = await scoringRepo.updateResult(tx, callId, row.version, {
    appliedAt: deps.now(),
    appliedBy: who(ctx),
  });
  if (!applied) throw versionConflict('The innovation results');
  await recordAudit(deps, tx, ctx, {
    action: 'innovation.results.apply',
    objectType: 'innovation_call',
    objectId: callId,
    after: {
      planId: plan.id,
      source: view.plan.source,
      created,
      withdrawn: unchanged ? 0 : earlier.length,
      unchanged,
      points: wanted.reduce((s, w) => s + w.p.points, 0),
    },
  });
  const standing = (await scoringRepo.awardsOfCall(tx, callId)).filter((a) =>
    ['approved', 'pending'].includes(a.event.status),
  );
  const units = new Map(view.proposals.map((p) => [p.projectId, p]));
  return {
    events: standing.map((a) => {
      const p = units.get(a.award.projectId)!;
      return {
        eventId: a.event.id,
        projectId: a.award.projectId,
        unitId: a.event.unitId,
        unitCode: p.unitCode,
        unitName: p.unitName,
        points: a.event.points ?? 0,
        reason: a.event.reason,
      };
    }),
    created,
    withdrawn: unchanged ? 0 : earlier.length,
    unchanged,
    applied,
  };
}
