import { boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { at, id, maybeAt, ref, tracked } from './columns.js';
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
  lockedUntil: maybeAt('locked_until'),
  lastLoginAt: maybeAt('last_login_at'),
  ...tracked(),
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
    createdAt: at('created_at'),
  },
  (t) => [index('grant_user').on(t.userId)],
);

/** Sessions store only the SHA-256 of the cookie token: a database leak yields no usable cookie. */
export const sessions = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    userId: ref('user_id', () => users.id, 'cascade'),
    createdAt: at('created_at'),
    lastSeenAt: at('last_seen_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user').on(t.userId)],
);
