import type { Executor } from '../../db/client.js';
import { type Actor, orgScope, type Permission } from '../../platform/access.js';
import { AppError, notFound } from '../../platform/errors.js';
import * as repo from './plans.repository.js';

/** Systems whose plans the actor may act on with `p`: every system, or a list. */
export type SystemScope = { all: true } | { all: false; systemIds: number[] };

export async function systemScope(db: Executor, actor: Actor, p: Permission): Promise<SystemScope> {
  const s = orgScope(actor, p);
  if (s.all) return { all: true };
  const viaOrg = await repo.systemsOfPaths(db, s.paths);
  return { all: false, systemIds: [...new Set([...s.systemIds, ...viaOrg])] };
}

export const inSystemScope = (s: SystemScope, systemId: number) => s.all || s.systemIds.includes(systemId);

/**
 * Load a plan the actor may act on with `p`. A plan the actor cannot even read is "not found";
 * one it can read but not change is "forbidden" (as org nodes are).
 */
export async function planInScope(
  db: Executor,
  actor: Actor,
  id: number,
  p: Permission,
): Promise<repo.PlanRow> {
  const plan = await repo.findPlan(db, id);
  if (!plan) throw notFound('Plan');
  if (inSystemScope(await systemScope(db, actor, p), plan.systemId)) return plan;
  if (p !== 'plans.read' && inSystemScope(await systemScope(db, actor, 'plans.read'), plan.systemId))
    throw new AppError('FORBIDDEN', 'You may not change the plans of this evaluation system');
  throw notFound('Plan');
}
