import { type Actor, hasPermission, inScope, orgScope } from '../../platform/access.js';
import { refsCover } from '../plans/plan-leaves.js';
import { indicatorRefs } from '../submissions/submissions.policy.js';

/**
 * Who acts on an objection (S13): the unit that filed it (its own staff with `objections.file`),
 * the lead department of the contested indicator (`objections.answer` through an indicators grant
 * that lists it), the office (results of the plan's system) and the leaders (`objections.decide`).
 */

/** Whether the actor speaks for the unit (files, responds, withdraws). */
export const speaksFor = (actor: Actor, unit: { path: string; systemIds: readonly number[] }) =>
  inScope(orgScope(actor, 'objections.file'), unit);

/** Whether the actor is the lead department of `indicator` (answers objections to it). */
export const leadsIndicator = (actor: Actor, indicator: string | null) =>
  !!indicator && refsCover(indicatorRefs(actor, 'objections.answer'), indicator);

/** Whether the actor decides escalated objections (the leadership group). */
export const decides = (actor: Actor) => hasPermission(actor, 'objections.decide');
