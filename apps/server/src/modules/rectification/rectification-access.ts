import type { Executor } from '../../db/client.js';
import { type Actor, orgScope } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
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

/**
 * A task the caller may see. Another unit's is not even said to exist (404, as everywhere in the
 * API), so task ids cannot be probed.
 */
export async function visibleTask(db: Executor, ctx: Ctx, id: number) {
  const row = (await repo.listTasks(db, taskView(ctx.actor!), { id }))[0];
  if (!row) throw notFound('Rectification task');
  return row;
}
