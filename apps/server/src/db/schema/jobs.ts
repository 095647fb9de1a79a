import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { id, maybeAt, writtenBy } from './columns.js';
import { users } from './identity.js';

/**
 * A background job (platform/jobs): what was asked (kind, params), by whom, and how far it got.
 * pg-boss carries the execution (its own schema `pgboss`); this row is what the web reads, so
 * progress and the result survive a page reload and a restart. The result is one file in the blob
 * store, named by its SHA-256.
 */
export const jobs = pgTable(
  'job',
  {
    id: id(),
    /** contracts `jobKinds`. */
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    /** queued → running → done | failed. */
    status: text('status').notNull().default('queued'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    fileSha256: text('file_sha256'),
    fileName: text('file_name'),
    fileSize: integer('file_size'),
    errorCode: text('error_code'),
    errorParams: jsonb('error_params').$type<Record<string, unknown>>(),
    /** The account that started it: only it and the kind's office may read it. */
    ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
    ...writtenBy('created'),
    startedAt: maybeAt('started_at'),
    finishedAt: maybeAt('finished_at'),
  },
  (t) => [index('job_owner').on(t.ownerId, t.id)],
);
