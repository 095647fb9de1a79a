import type { Executor } from '../../db/client.js';
import { type Actor, hasPermission, orgScope } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import * as repo from './innovation.repository.js';

/**
 * Who sees and does what with innovation projects (issue 12): the office and the leaders read every
 * project (`innovation.read` with a global grant), a unit its own subtree's; a unit submits and edits
 * its own projects (`innovation.apply`); the office manages calls, the pool and the judges
 * (`innovation.manage`); an expert reads the projects assigned to them (`innovation.judge`).
 */

export function projectView(actor: Actor): repo.ProjectView {
  const s = orgScope(actor, 'innovation.read');
  return s.all ? { all: true } : { paths: s.paths };
}

/** Whether the actor speaks for the unit at `unitPath` (submits and edits its projects). */
export function speaksFor(actor: Actor, unitPath: string) {
  const s = orgScope(actor, 'innovation.apply');
  return s.all || s.paths.some((p) => unitPath.startsWith(p));
}

/** Whether the actor submits projects for some unit. */
export const applies = (actor: Actor) => hasPermission(actor, 'innovation.apply');

export const isOffice = (actor: Actor) => orgScope(actor, 'innovation.manage').all;

/** Contact data of experts is the office's only. */
export const seesContacts = isOffice;

/** The expert profile of the caller (judges), if any. */
export async function judgeOf(db: Executor, actor: Actor) {
  return hasPermission(actor, 'innovation.judge') ? repo.expertOfUser(db, actor.id) : undefined;
}

/**
 * A project the caller may see: the office's and leaders' any, a unit's own, a judge's assigned.
 * Anything else is 404, whether it exists or not (another unit's project is not told apart).
 */
export async function visibleProject(db: Executor, ctx: Ctx, id: number) {
  const actor = ctx.actor!;
  if (hasPermission(actor, 'innovation.read')) {
    const [row] = await repo.listProjects(db, projectView(actor), { id });
    if (row) return row;
  }
  const judge = await judgeOf(db, actor);
  if (judge) {
    const [row] = await repo.listProjects(db, { expertId: judge.id }, { id });
    if (row) return row;
  }
  throw notFound('Innovation project');
}
