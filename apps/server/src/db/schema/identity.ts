import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { id, ref } from './columns.js';
import { evalSystems, orgNodes } from './org.js';

export const users = pgTable('app_user', {
  id: id(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** For notifications by e-mail; optional. */
  email: text('email'),
  passwordHash: text('password_hash').notNull(),
  orgNodeId: integer('org_node_id').references(() => orgNodes.id, { onDelete: 'restrict' }),
  active: boolean('active').notNull().default(true),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A grant is (role, scope). Scope columns used depend on scope_type. */
export const grants = pgTable(
  'grant_',
  {
    id: id(),
    userId: ref('user_id', () => users.id, 'cascade'),
    role: text('role').notNull(),
    scopeType: text('scope_type').notNull(),
    orgNodeId: integer('org_node_id').references(() => orgNodes.id, { onDelete: 'restrict' }),
    systemId: integer('system_id').references(() => evalSystems.id, { onDelete: 'restrict' }),
    refs: jsonb('refs').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('grant_user').on(t.userId)],
);

/** Sessions store only the SHA-256 of the cookie token: a database leak yields no usable cookie. */
export const sessions = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    userId: ref('user_id', () => users.id, 'cascade'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user').on(t.userId)],
);
