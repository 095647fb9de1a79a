import { z } from 'zod';

/*
 * Task books (W10, S4), decomposition (S1), periods and deadlines (S9, G7). Numbers users enter
 * are JSON numbers with at most 6 decimals (stored as exact numeric(20, 6)).
 */

const isoDate = z.iso.datetime({ offset: true });
const reason = z.string().trim().min(1, 'a reason is required').max(1000);
const version = z.number().int().min(0);

// --- periods -----------------------------------------------------------------------------------------

export const periodStates = ['not_open', 'open', 'late', 'closed', 'reopened'] as const;
export const periodStateEnum = z.enum(periodStates);
export type PeriodStateName = (typeof periodStates)[number];

export const periodCode = z
  .string()
  .regex(/^\d{4}-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|Y)$/, 'a period like 2026-M03, 2026-Q1, 2026-H1 or 2026-Y');

export const periodReopening = z.object({
  id: z.number().int(),
  period: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  reason: z.string(),
  until: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type PeriodReopening = z.infer<typeof periodReopening>;

export const periodWindow = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  period: z.string(),
  opensAt: z.string(),
  dueAt: z.string(),
  closed: z.boolean(),
  /** State now, without any unit's reopening. */
  state: periodStateEnum,
  version: z.number().int(),
  reopenings: z.array(periodReopening),
});
export type PeriodWindow = z.infer<typeof periodWindow>;
export const periodWindowList = z.array(periodWindow);

export const granularity = z.enum(['month', 'quarter', 'half', 'year']);
export const generateCalendarRequest = z.strictObject({
  granularities: z.array(granularity).min(1).default(['month', 'quarter', 'half', 'year']),
});

export const periodWindowUpdate = z
  .strictObject({
    opensAt: isoDate.optional(),
    dueAt: isoDate.optional(),
    closed: z.boolean().optional(),
    version,
  })
  .refine((v) => !v.opensAt || !v.dueAt || new Date(v.opensAt) < new Date(v.dueAt), {
    message: 'opensAt must be before dueAt',
    path: ['dueAt'],
  });
export type PeriodWindowUpdate = z.infer<typeof periodWindowUpdate>;

export const reopenRequest = z.strictObject({
  unitId: z.number().int().positive(),
  reason,
  until: isoDate,
});
export type ReopenRequest = z.infer<typeof reopenRequest>;
