import {
  type DepartmentRating,
  RATING_MAX,
  type RatingRound,
  type RatingScores,
  ratingCriteria,
  unitRoles,
} from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import { type Actor, orgScope, rolePermissions } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, bad, conflict, notFound, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { systemUnits } from '../plans/plans.repository.js';
import { losesLeadAuthority, rateDepartment } from './rating-rules.js';
import * as repo from './rectification.repository.js';
import { openTasks } from './rectification.service.js';

/**
 * Units rate the lead departments (S14): the office opens a round for a system and year with the
 * departments to rate; each evaluated unit rates each department on four criteria (editable while
 * the round is open; not its own); closing computes the means, opens a rectification task for each
 * poor department, and flags a department poor two years running as losing its lead authority for
 * the next cycle. Individual ratings are the office's; a department sees its own result.
 */

type Dept = { unitId: number; unitCode: string; unitName: string; indicators: string[] };
const who = (ctx: Ctx) => ctx.actor?.username ?? 'system';
const depts = (r: repo.RoundRow) => r.departments as unknown as Dept[];
const resultsOf = (r: repo.RoundRow) => (r.results ?? []) as unknown as DepartmentRating[];

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

/** The evaluated unit the caller rates for: its org grant with `rating.submit`, or null. */
function raterUnitOf(actor: Actor): number | null {
  const g = actor.grants.find(
    (x) => x.scopeType === 'org' && x.orgNodeId && rolePermissions[x.role].includes('rating.submit'),
  );
  return g?.orgNodeId ?? null;
}

/** The units the caller is (its org grants' nodes and its own node): a rated department sees its own result. */
function ownUnits(actor: Actor): Set<number> {
  const ids = new Set<number>();
  if (actor.orgNodeId) ids.add(actor.orgNodeId);
  for (const g of actor.grants)
    if (g.scopeType === 'org' && g.orgNodeId && unitRoles.includes(g.role as never)) ids.add(g.orgNodeId);
  return ids;
}

const seesAll = (actor: Actor) => orgScope(actor, 'rating.read').all;

async function present(
  db: Executor,
  ctx: Ctx,
  r: repo.RoundRow,
  counts?: Map<number, number>,
): Promise<RatingRound> {
  const actor = ctx.actor!;
  const all = seesAll(actor);
  const own = ownUnits(actor);
  const rater = raterUnitOf(actor);
  const mine = rater
    ? Object.fromEntries(
        (await repo.ratingsOf(db, r.id, rater)).map((x) => [
          String(x.departmentId),
          {
            method: x.method,
            procedure: x.procedure,
            discipline: x.discipline,
            fairness: x.fairness,
            comment: x.comment,
          },
        ]),
      )
    : null;
  return {
    id: r.id,
    systemId: r.systemId,
    year: r.year,
    status: r.status as RatingRound['status'],
    threshold: r.threshold,
    max: RATING_MAX,
    criteria: [...ratingCriteria],
    rectifyDeadline: r.rectifyDeadline,
    departments: depts(r),
    openedAt: r.openedAt.toISOString(),
    openedBy: r.openedBy,
    closedAt: r.closedAt?.toISOString() ?? null,
    closedBy: r.closedBy,
    ratings: all ? ((counts ?? (await repo.ratingCounts(db, [r.id]))).get(r.id) ?? 0) : null,
    results: resultsOf(r).filter((d) => all || own.has(d.unitId)),
    mine,
    myUnitId: rater,
    version: r.version,
  };
}

async function loadRound(db: Executor, id: number) {
  const r = await repo.findRound(db, id);
  if (!r) throw notFound('Rating round');
  return r;
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
 * Close a round: results per department (rating-rules.ts); a poor one gets a rectification task
 * (source `rating`) and, poor in the previous year's round of the system too, loses its lead
 * authority for the next cycle.
 */
export async function closeRound(deps: Deps, ctx: Ctx, id: number, version: number) {
  return deps.database.db.transaction(async (tx) => {
    const r = await loadRound(tx, id);
    if (r.status !== 'open') throw conflict('rating.round_state', { status: r.status, action: 'close' });
    if (r.version !== version) throw versionConflict('The rating round');
    return present(tx, ctx, await closeRoundIn(deps, tx, ctx, r));
  });
}

/** Closing an open round inside the caller's transaction (the office's close, the demo seed). */
export async function closeRoundIn(deps: Deps, tx: Executor, ctx: Ctx, r: repo.RoundRow) {
  const { id, version } = r;
  const all = await repo.ratingsOf(tx, id);
  const previous = await repo.findRoundOf(tx, r.systemId, r.year - 1);
  const poorBefore = new Set(
    previous?.status === 'closed'
      ? resultsOf(previous)
          .filter((d) => d.poor)
          .map((d) => d.unitId)
      : [],
  );
  const results: DepartmentRating[] = depts(r).map((d) => {
    const res = rateDepartment(
      all.filter((x) => x.departmentId === d.unitId),
      r.threshold,
    );
    const poorLastYear = poorBefore.has(d.unitId);
    return {
      unitId: d.unitId,
      unitCode: d.unitCode,
      unitName: d.unitName,
      ...res,
      poorLastYear,
      losesLeadAuthority: losesLeadAuthority(res.poor, poorLastYear),
      taskId: null,
    };
  });
  const poor = results.filter((d) => d.poor);
  const tasks = await openTasks(
    deps,
    tx,
    ctx,
    poor.map((d) => ({
      unitId: d.unitId,
      sourceKind: 'rating',
      sourceId: r.id,
      sourceKey: null,
      title: `${r.year} 年度牵头考评部门评价整改`,
      weakness: {
        code: 'rectification.weakness.rating',
        params: { year: r.year, overall: d.overall, threshold: r.threshold, raters: d.raters, ...d.means },
        note: null,
      },
      measures: '',
      deadline: r.rectifyDeadline,
    })),
  );
  for (const t of tasks) results.find((d) => d.unitId === t.unitId)!.taskId = t.id;
  const row = await repo.updateRound(tx, id, version, {
    status: 'closed',
    closedAt: deps.now(),
    closedBy: who(ctx),
    results: results as unknown as Record<string, unknown>[],
  });
  if (!row) throw versionConflict('The rating round');
  const flagged = results.filter((d) => d.losesLeadAuthority);
  if (flagged.length)
    await notify(
      deps,
      tx,
      { global: ['office_admin', 'leader'] },
      {
        kind: 'rating',
        message: {
          code: 'rating.flagged',
          params: {
            year: r.year,
            count: flagged.length,
            departments: flagged.map((d) => d.unitName).join('、'),
          },
        },
        link: `/ratings/${id}`,
      },
    );
  await recordAudit(deps, tx, ctx, {
    action: 'rating_round.close',
    objectType: 'rating_round',
    objectId: id,
    before: { status: 'open', version },
    after: {
      status: 'closed',
      results: results.map((d) => ({
        unitId: d.unitId,
        overall: d.overall,
        poor: d.poor,
        losesLeadAuthority: d.losesLeadAuthority,
      })),
    },
  });
  return row;
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
