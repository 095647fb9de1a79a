import type { Executor } from '../../db/client.js';
import { type Actor, orgScope } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import * as repo from './rectification.repository.js';

/**
 * Who sees and acts on rectification tasks: the office and the leaders see all (`rectification.read`
 * with a global grant); a unit sees its own subtree's. The unit reports (`rectification.report` over
 * the task's unit); the office closes and sends back (`rectification.manage`).
 */
export function taskView(actor: Actor): repo.TaskView {
  const s = orgScope(actor, 'rectification.read');
  return s.all ? { all: true } : { all: false, paths: s.paths };
}

/** Whether the actor speaks for the task's unit (reports on it). */
export function speaksFor(actor: Actor, unitPath: string) {
  const s = orgScope(actor, 'rectification.report');
  return s.all || s.paths.some((p) => unitPath.startsWith(p));
}

/** Whether the actor is the office for rectification (creates, closes, sends back). */
export const isOffice = (actor: Actor) => orgScope(actor, 'rectification.manage').all;

/** A task the caller may see: 404 when there is none, 403 when it is another unit's. */
export async function visibleTask(db: Executor, ctx: Ctx, id: number) {
  const row = (await repo.listTasks(db, { all: true }, { id }))[0];
  if (!row) throw notFound('Rectification task');
  const v = taskView(ctx.actor!);
  if (!v.all && !v.paths.some((p) => row.unitPath.startsWith(p)))
    throw new AppError('FORBIDDEN', "Another unit's rectification task");
  return row;
}
