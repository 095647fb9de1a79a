import { integer, numeric, timestamp } from 'drizzle-orm/pg-core';

/** Column builders every table uses, so each column kind is declared (and documented) once. */

/** A time set when the row is written: with time zone, required, now by default. */
export const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();
/** A time set when a later step happens: null until then. */
export const maybeAt = (name: string) => timestamp(name, { withTimezone: true });
/** A number a user typed: an exact decimal, never a binary float. */
export const num = (name: string) => numeric(name, { precision: 20, scale: 6, mode: 'number' });
/** Optimistic-concurrency version: a change names the version it read; a stale one is refused. */
export const version = () => integer('version').notNull().default(1);
/** Row creation and last change. */
export const stamps = () => ({ createdAt: at('created_at'), updatedAt: at('updated_at') });
