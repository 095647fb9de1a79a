import {
  type DepartmentRating,
  RATING_MAX,
  type RatingRound,
  ratingCriteria,
  unitRoles,
} from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import { type Actor, orgScope, rolePermissions } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import * as repo from './rectification.repository.js';

/**
 * A rating round as its reader sees it (S14): the office and leaders every department's result and
 * the count of ratings; a rated department its own result; a rating unit its own ratings.
 */

export type Dept = { unitId: number; unitCode: string; unitName: string; indicators: string[] };
export const who = (ctx: Ctx) => ctx.actor?.username ?? 'system';
export const depts = (r: repo.RoundRow) => r.departments as unknown as Dept[];
export const resultsOf = (r: repo.RoundRow) => (r.results ?? []) as unknown as DepartmentRating[];

/** The evaluated unit the caller rates for: its org grant with `rating.submit`, or null. */
export function raterUnitOf(actor: Actor): number | null {
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

export async function present(
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

export async function loadRound(db: Executor, id: number) {
  const r = await repo.findRound(db, id);
  if (!r) throw notFound('Rating round');
  return r;
}
