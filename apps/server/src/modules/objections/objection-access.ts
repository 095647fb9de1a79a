import type { Executor } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { inSystemScope, planInScope, systemScope } from '../plans/plans.policy.js';
import * as plans from '../plans/plans.repository.js';
import { decides, leadsIndicator, speaksFor } from './objections.policy.js';
import * as repo from './objections.repository.js';

/** What the caller is to the objection's plan and unit. */
export async function roleIn(db: Executor, ctx: Ctx, o: repo.ObjectionRow) {
  const actor = ctx.actor!;
  const plan = await planInScope(db, actor, o.planId, 'results.read');
  const [node] = await plans.nodePaths(db, [o.unitId]);
  const unit = { path: node?.path ?? '', systemIds: [plan.systemId] };
  const office = inSystemScope(await systemScope(db, actor, 'results.compute'), plan.systemId);
  return {
    plan,
    office,
    own: speaksFor(actor, unit),
    lead: leadsIndicator(actor, o.indicator),
    leader: decides(actor),
  };
}
export type Role = Awaited<ReturnType<typeof roleIn>>;
export const sees = (r: Role) => r.office || r.own || r.lead || r.leader;

/** The caller's objection, or 404 when it may not see it. */
export async function visible(db: Executor, ctx: Ctx, id: number) {
  const o = await repo.findObjection(db, id);
  if (!o) throw notFound('Objection');
  const role = await roleIn(db, ctx, o).catch(() => null);
  if (!role || !sees(role)) throw notFound('Objection');
  return { o, role };
}
