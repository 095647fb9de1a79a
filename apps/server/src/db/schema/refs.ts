import { text } from 'drizzle-orm/pg-core';
import { ref } from './columns.js';
import { orgNodes } from './org.js';
import { plans } from './plans.js';

/** The plan a row belongs to: deleted with it. */
export const planRef = () => ref('plan_id', () => plans.id, 'cascade');
/** The unit a row is about: a unit with rows cannot be deleted. */
export const unitRef = () => ref('unit_id', () => orgNodes.id, 'restrict');
/** A row about one period of a plan: `planId`, `period`. */
export const planPeriod = () => ({ planId: planRef(), period: text('period').notNull() });
/** A row about one unit in one period of a plan: `planId`, `period`, `unitId`. */
export const unitPeriod = () => ({ ...planPeriod(), unitId: unitRef() });
