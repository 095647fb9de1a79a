import type { Executor } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { planLeaves, refsCover } from '../plans/plan-leaves.js';
import { planInScope } from '../plans/plans.policy.js';
import * as plansRepo from '../plans/plans.repository.js';
import { usablePlan } from '../results/results.service.js';
import { canRead } from './submissions.policy.js';
import * as repo from './submissions.repository.js';

// What the submission, evidence and verification services load first: the plan in the caller's
// scope with its leaves and units, and a submission the caller may read.

/** A plan with its value-taking indicators, its evaluated units and the provider-owned codes. */
export async function planContext(db: Executor, ctx: Ctx, planId: number) {
  const plan = await planInScope(db, ctx.actor!, planId, 'plans.read');
  const leaves = planLeaves(usablePlan(plan.document));
  const units = await plansRepo.systemUnits(db, plan.systemId);
  const providerRefs = await repo.providerRefs(db);
  return {
    plan,
    leaves,
    leafOf: new Map(leaves.map((l) => [l.code, l])),
    units,
    unitOf: new Map(units.map((u) => [u.id, u])),
    providerOwned: (code: string) => refsCover(providerRefs, code),
  };
}
export type PlanContext = Awaited<ReturnType<typeof planContext>>;

/** Load a submission the actor may read, else 404. */
export async function readable(db: Executor, ctx: Ctx, id: number) {
  const s = await repo.findSubmission(db, id);
  if (!s) throw notFound('Submission');
  const pc = await planContext(db, ctx, s.planId).catch(() => {
    throw notFound('Submission');
  });
  const unit = pc.unitOf.get(s.unitId);
  if (!unit || !canRead(ctx.actor!, unit, s.indicator, pc.plan.systemId)) throw notFound('Submission');
  return { s, pc, unit };
}
