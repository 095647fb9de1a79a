import { integer } from 'drizzle-orm/pg-core';
import { orgNodes } from './org.js';
import { plans } from './plans.js';

/** The plan a row belongs to: deleted with it. */
export const planRef = () =>
  integer('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' });
/** The unit a row is about: a unit with rows cannot be deleted. */
export const unitRef = () =>
  integer('unit_id')
    .notNull()
    .references(() => orgNodes.id, { onDelete: 'restrict' });
