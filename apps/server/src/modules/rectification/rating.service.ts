import type { RatingScores } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import { rolePermissions } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, bad, conflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { systemUnits } from '../plans/plans.repository.js';
import { type Dept, depts, loadRound, present, raterUnitOf, resultsOf, who } from './rating-view.js';
import * as repo from './rectification.repository.js';

/**
 * Units rate the lead departments (S14): the office opens a round for a system and year with the
 * departments to rate; each evaluated unit rates each department on four criteria (editable while
 * the round is open; not its own); closing computes the means, opens a rectification task for each
 * poor department, and flags a department poor two years running as losing its lead authority for
 * the next cycle. Individual ratings are the office's; a department sees its own result.
 */

/** Departments holding an indicators grant of a role that answers objections (the lead departments), with their indicators. */
async function grantedLeads(db: Executor): Promise<Dept[]> {
  const roles = Object.entries(rolePermissions)
    .filter(([, ps]) => ps.includes('objections.answer'))
    .map(([r]) => r);
  const byUnit = new Map<number, Dept>();
  for (const h of await repo.leadGrantHolders(db, roles)) {
    const d = byUnit.get(h.unitId) ?? {
      unitId: h.unitId,
      unitCode: h.unitCode,
      unitName: h.unitName,
      indicators: [],
    };
    d.indicators = [...new Set([...d.indicators, ...h.refs])].sort();
    byUnit.set(h.unitId, d);
  }
  return [...byUnit.values()];
}

export async function listRounds(deps: Deps, ctx: Ctx, systemId?: number) {
  const db = deps.database.db;
  const rows = await repo.listRounds(db, systemId);
  const counts = await repo.ratingCounts(
    db,
    rows.map((r) => r.id),
  );
  return Promise.all(rows.map((r) => present(db, ctx, r, counts)));
}

export const getRound = async (deps: Deps, ctx: Ctx, id: number) =>
  present(deps.database.db, ctx, await loadRound(deps.database.db, id));

/** The office opens a round; every evaluated unit of the system gets a to-do to rate. */
export async function createRound(
  deps: Deps,
  ctx: Ctx,
  b: {
    systemId: number;
    year: number;
    threshold: number;
    departmentIds?: number[];
    rectifyDeadline?: string;
  },
) {
  return deps.database.db.transaction(async (tx) => {
    const units = await systemUnits(tx, b.systemId);
    if (!units.length) throw bad('systemId', 'rating.no_units', { id: b.systemId });
    if (await repo.findRoundOf(tx, b.systemId, b.year))
      throw conflict('rating.round_exists', { year: b.year });
    const leads = await grantedLeads(tx);
    let departments = leads;
    if (b.departmentIds) {
      const nodes = await repo.nodesByIds(tx, b.departmentIds);
      const missing = b.departmentIds.find((id) => !nodes.some((n) => n.id === id));
      if (missing) throw bad('departmentIds', 'rating.no_department', { id: missing });
      departments = nodes.map((n) => ({
        unitId: n.id,
        unitCode: n.code,
        unitName: n.name,
        indicators: leads.find((l) => l.unitId === n.id)?.indicators ?? [],
      }));
    }
    if (!departments.length) throw bad('departmentIds', 'rating.no_departments');
    const row = await repo.insertRound(tx, {
      systemId: b.systemId,
      year: b.year,
      status: 'open',
      threshold: b.threshold,
      rectifyDeadline: b.rectifyDeadline ?? `${b.year + 1}-06-30`,
      departments: departments as unknown as Record<string, unknown>[],
      openedAt: deps.now(),
      openedBy: who(ctx),
    });
    for (const u of units)
      await notify(
        deps,
        tx,
        { unit: { id: u.id, roles: ['unit_admin'] } },
        {
          kind: 'rating',
          message: { code: 'rating.opened', params: { year: b.year, count: departments.length } },
          link: `/ratings/${row.id}`,
          todo: true,
        },
      );
    await recordAudit(deps, tx, ctx, {
      action: 'rating_round.open',
      objectType: 'rating_round',
      objectId: row.id,
      after: {
        systemId: b.systemId,
        year: b.year,
        threshold: b.threshold,
        departments: departments.map((d) => d.unitId),
      },
    });
    return present(tx, ctx, row);
  });
}

/** A unit rates one department of an open round (again: its rating is replaced). */
export async function submitRating(
  deps: Deps,
  ctx: Ctx,
  id: number,
  departmentId: number,
  b: RatingScores & { comment?: string },
) {
  return deps.database.db.transaction(async (tx) => {
    const r = await loadRound(tx, id);
    const rater = raterUnitOf(ctx.actor!);
    if (!rater || !(await systemUnits(tx, r.systemId)).some((u) => u.id === rater))
      throw new AppError('FORBIDDEN', 'Only an evaluated unit of this system rates');
    if (r.status !== 'open') throw conflict('rating.round_closed', { year: r.year });
    if (!depts(r).some((d) => d.unitId === departmentId))
      throw bad('departmentId', 'rating.not_listed', { id: departmentId });
    if (departmentId === rater) throw bad('departmentId', 'rating.self');
    const before = (await repo.ratingsOf(tx, id, rater)).find((x) => x.departmentId === departmentId);
    const row = await repo.upsertRating(tx, {
      roundId: id,
      raterUnitId: rater,
      departmentId,
      method: b.method,
      procedure: b.procedure,
      discipline: b.discipline,
      fairness: b.fairness,
      comment: b.comment || null,
      ratedAt: deps.now(),
      ratedBy: who(ctx),
    });
    const scores = (x: repo.RatingRow) => ({
      method: x.method,
      procedure: x.procedure,
      discipline: x.discipline,
      fairness: x.fairness,
      comment: x.comment,
    });
    await recordAudit(deps, tx, ctx, {
      action: 'rating.submit',
      objectType: 'rating',
      objectId: row.id,
      before: before ? scores(before) : undefined,
      after: { roundId: id, raterUnitId: rater, departmentId, ...scores(row) },
    });
    return present(tx, ctx, r);
  });
}

/** Each unit's ratings of a round: the office only. */
export async function unitRatings(deps: Deps, _ctx: Ctx, id: number) {
  const db = deps.database.db;
  await loadRound(db, id);
  const rows = await repo.ratingsOf(db, id);
  const names = new Map(
    (await repo.nodesByIds(db, [...new Set(rows.map((x) => x.raterUnitId))])).map((n) => [n.id, n.name]),
  );
  return rows.map((x) => ({
    raterUnitId: x.raterUnitId,
    raterName: names.get(x.raterUnitId) ?? '',
    departmentId: x.departmentId,
    scores: { method: x.method, procedure: x.procedure, discipline: x.discipline, fairness: x.fairness },
    comment: x.comment,
    ratedAt: x.ratedAt.toISOString(),
    ratedBy: x.ratedBy,
  }));
}

/**
 * The lead departments of a system as assignments should see them: the departments holding a lead
 * department's grant and those of the last closed round, each flagged when that round found it poor
 * two years running (it loses its lead authority for the next cycle).
 */
export async function leadDepartments(deps: Deps, _ctx: Ctx, systemId: number) {
  const db = deps.database.db;
  const last = await repo.lastClosedRound(db, systemId);
  const byId = new Map((await grantedLeads(db)).map((d) => [d.unitId, d]));
  for (const d of last ? depts(last) : []) if (!byId.has(d.unitId)) byId.set(d.unitId, d);
  const flagged = new Set(
    last
      ? resultsOf(last)
          .filter((d) => d.losesLeadAuthority)
          .map((d) => d.unitId)
      : [],
  );
  return [...byId.values()].map((d) => ({
    ...d,
    losesLeadAuthority: flagged.has(d.unitId),
    flaggedYear: flagged.has(d.unitId) ? last!.year : null,
  }));
}
