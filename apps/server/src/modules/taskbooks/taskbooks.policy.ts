import type { Plan } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import {
  type Actor,
  hasPermission,
  inScope,
  orgScope,
  type Permission,
  rolePermissions,
} from '../../platform/access.js';
import { AppError, notFound } from '../../platform/errors.js';
import { planInScope } from '../plans/plans.policy.js';
import { type PlanRow, systemUnits } from '../plans/plans.repository.js';
import { type TargetLine, targetLines } from './plan-targets.js';
import { type Capability, type TaskBookAction, type TaskBookStatus, transition } from './taskbook-state.js';
import * as repo from './taskbooks.repository.js';

export type UnitRow = Awaited<ReturnType<typeof systemUnits>>[number];

/** Indicator codes the actor reviews as a lead department (indicator-scoped review grants). */
export function reviewerRefs(actor: Actor): Set<string> {
  const refs = new Set<string>();
  for (const g of actor.grants)
    if (g.scopeType === 'indicators' && rolePermissions[g.role].includes('taskbooks.review'))
      for (const r of g.refs) refs.add(r);
  return refs;
}

const unitIn = (actor: Actor, p: Permission, unit: UnitRow, systemId: number) => {
  if (!hasPermission(actor, p)) return false;
  const s = orgScope(actor, p);
  return inScope(s, { path: unit.path, systemIds: [systemId] });
};

/** Lines a lead department reviews: any code on the line's chain is one of its indicators. */
export const reviews = (refs: Set<string>, line: TargetLine) => line.chain.some((c) => refs.has(c));

export function capabilities(actor: Actor, unit: UnitRow, systemId: number, lines: TargetLine[]) {
  const caps = new Set<Capability>();
  if (unitIn(actor, 'taskbooks.edit', unit, systemId)) caps.add('edit');
  if (unitIn(actor, 'taskbooks.confirm', unit, systemId)) caps.add('confirm');
  const refs = reviewerRefs(actor);
  if (unitIn(actor, 'taskbooks.review', unit, systemId) || lines.some((l) => reviews(refs, l)))
    caps.add('review');
  if (unitIn(actor, 'taskbooks.issue', unit, systemId)) caps.add('issue');
  return caps;
}

/** Who may see a unit's task book: its own scope, or a lead department of one of its lines. */
export const canRead = (actor: Actor, unit: UnitRow, systemId: number, lines: TargetLine[]) =>
  unitIn(actor, 'taskbooks.read', unit, systemId) ||
  (hasPermission(actor, 'taskbooks.read') && lines.some((l) => reviews(reviewerRefs(actor), l)));

export interface LoadedBook {
  book: repo.BookRow;
  plan: PlanRow;
  doc: Plan;
  unit: UnitRow;
  lines: TargetLine[];
  caps: Set<Capability>;
}

export const linesOf = (plan: PlanRow, unit: UnitRow) =>
  unit.group ? targetLines(plan.document as unknown as Plan, unit.group, unit.code) : [];

/** Load a task book the actor may read; one outside its reach is "not found" (not revealed). */
export async function loadBook(db: Executor, actor: Actor, id: number): Promise<LoadedBook> {
  const book = await repo.findBook(db, id);
  if (!book) throw notFound('Task book');
  const plan = await planInScope(db, actor, book.planId, 'plans.read').catch(() => {
    throw notFound('Task book');
  });
  const unit = (await systemUnits(db, plan.systemId)).find((u) => u.id === book.unitId);
  if (!unit) throw notFound('Task book');
  const lines = linesOf(plan, unit);
  if (!canRead(actor, unit, plan.systemId, lines)) throw notFound('Task book');
  return {
    book,
    plan,
    doc: plan.document as unknown as Plan,
    unit,
    lines,
    caps: capabilities(actor, unit, plan.systemId, lines),
  };
}

export const refuse = (code: 'FORBIDDEN' | 'CONFLICT', message: string) => new AppError(code, message);

/**
 * Load a task book for one workflow step, refused unless the state machine lets the actor take it
 * now (taskbook-state.ts); `to` is the status the step leads to.
 */
export async function loadBookFor(db: Executor, actor: Actor, id: number, action: TaskBookAction) {
  const l = await loadBook(db, actor, id);
  const t = transition(l.book.status as TaskBookStatus, action, l.caps);
  if (!t.ok) throw refuse(t.code, t.message);
  return { ...l, to: t.to };
}
