import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { id, maybeAt, timeOf, writtenBy } from './columns.js';
import { planRef } from './refs.js';

/**
 * Kiosk links of the large screen (大屏, issue 13 point 4): read-only, scoped to the cockpit of one
 * plan and period. Only the SHA-256 of the token is stored; the link is shown once, at creation.
 */
export const kioskTokens = pgTable('kiosk_token', {
  id: id(),
  planId: planRef(),
  period: text('period').notNull(),
  label: text('label').notNull(),
  /** How often the screen asks again, in seconds. */
  refreshSeconds: integer('refresh_seconds').notNull().default(60),
  tokenHash: text('token_hash').notNull().unique(),
  ...writtenBy('created'),
  expiresAt: maybeAt('expires_at'),
  lastUsedAt: maybeAt('last_used_at'),
  revokedAt: maybeAt('revoked_at'),
  revokedBy: text('revoked_by'),
});

/** The GeoJSON a plan's cockpit map draws (issue 13 point 2); without a row, the shipped demo map. */
export const planMaps = pgTable('plan_map', {
  planId: planRef().primaryKey(),
  codeProperty: text('code_property').notNull(),
  name: text('name').notNull(),
  geojson: jsonb('geojson').$type<Record<string, unknown>>().notNull(),
  uploadedAt: timeOf('uploaded_at'),
  uploadedBy: text('uploaded_by'),
});
