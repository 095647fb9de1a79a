import { z } from 'zod';
import { paged, pageQuery } from './common.js';
import { row } from './fields.js';

export const auditEvent = row({
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;
export const auditList = paged(auditEvent);

export const auditQuery = z.strictObject({
  actor: z.string().trim().max(64).optional(),
  objectType: z.string().trim().max(64).optional(),
  objectId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  ...pageQuery,
});
/** A search of the audit log: the filter fields and the page. */
export type AuditQuery = z.infer<typeof auditQuery>;
/** The filter fields alone (blank ones left out), as the audit page's filter form sets them. */
export type AuditFilter = Omit<AuditQuery, 'page' | 'pageSize'>;

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadId: z.number().int().nullable(),
  problem: z.enum(['changed', 'inserted', 'deleted']).nullable(),
  message: z.string(),
});
