import { periodCodePattern } from '@jixiao/engine';
import { z } from 'zod';
import { code, paged, pageQuery } from './common.js';
import { planPeriod, row, stamp, stampOrNull, unitRef, versioned } from './fields.js';
import { notificationMessage } from './notification-messages.js';

/*
 * Issue 4, items 5, 6, 9 and 11: supervision items (H6), progress against the pro-rata schedule,
 * reminders / urging notices / observations (S9, S10, Z15), quarterly bulletins and announcements (S4).
 */

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-06-30');
const monthPeriod = z.string().regex(periodCodePattern('month'), 'a month like 2026-M10');
const quarter = z.string().regex(periodCodePattern('quarter'), 'a quarter like 2026-Q3');
const text = (max: number) => z.string().trim().min(1).max(max);

// --- supervision items and API tokens (H6) -----------------------------------------------------------

export const supervisionStatuses = ['not_started', 'in_progress', 'completed', 'suspended'] as const;

/** One item as the supervision system sends it; unit and indicator by code. */
export const supervisionItemInput = z.strictObject({
  externalId: text(100),
  unitCode: code,
  /** A key-work indicator (or its sub-item, "T2.K1") of the plan. */
  indicator: text(100),
  title: text(300),
  progress: z.number().min(0).max(100),
  dueDate: dateOnly,
  status: z.enum(supervisionStatuses),
});
export type SupervisionItemInput = z.infer<typeof supervisionItemInput>;

export const supervisionImportRequest = z.strictObject({
  planId: z.number().int().positive(),
  /** Name of the sending system; (source, externalId) identifies an item across imports. */
  source: code,
  items: z.array(z.unknown()).min(1).max(5000),
});

export const supervisionImportQuery = z.strictObject({
  planId: z.coerce.number().int().positive(),
  source: code.default('csv'),
});

export const supervisionImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const supervisionItem = row({
  source: z.string(),
  externalId: z.string(),
  planId: z.number().int(),
  ...unitRef,
  indicator: z.string(),
  title: z.string(),
  progress: z.number(),
  dueDate: z.string(),
  status: z.string(),
  /** Past due and not completed. */
  overdue: z.boolean(),
  updatedAt: z.string(),
});
export type SupervisionItem = z.infer<typeof supervisionItem>;
export const supervisionItemQuery = z.strictObject({ planId: z.coerce.number().int().positive() });

export const apiToken = row({
  name: z.string(),
  purpose: z.string(),
  ...stamp('created'),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;
export const apiTokenCreate = z.strictObject({ name: text(100) });
/** The secret is shown once, at creation; only its SHA-256 is kept. */
export const apiTokenCreated = apiToken.extend({ token: z.string() });

// --- progress (S9) -----------------------------------------------------------------------------------

export const lagStatuses = ['on_track', 'lagging', 'serious', 'no_target', 'no_data'] as const;
export type LagStatus = (typeof lagStatuses)[number];

export const progressQuery = z.strictObject({ period: monthPeriod });
export const progressParams = z.strictObject({ planId: z.coerce.number().int().positive() });

export const progressCell = z.object({
  unitId: z.number().int(),
  unit: z.string(),
  indicator: z.string(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  expected: z.number().nullable(),
  /** actual / expected; null when nothing is expected yet. */
  ratio: z.number().nullable(),
  status: z.enum(lagStatuses),
  /** Where the actual came from. */
  source: z.enum(['submissions', 'supervision', 'none']),
});
export type ProgressCell = z.infer<typeof progressCell>;

export const progressMatrix = z.object({
  ...planPeriod,
  months: z.number().int(),
  indicators: z.array(z.object({ code: z.string(), name: z.string(), mode: z.enum(['latest']) })),
  units: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), group: z.string() })),
  cells: z.array(progressCell),
});
export type ProgressMatrix = z.infer<typeof progressMatrix>;

// --- bulletins (季度通报) --------------------------------------------------------------------------------

export const bulletinQuery = z.strictObject({
  quarter,
  format: z.enum(['json', 'xlsx']).default('json'),
});
export const bulletin = z.object({
  planId: z.number().int(),
  quarter: z.string(),
  title: z.string(),
  period: z.string(),
  rows: z.array(
    progressCell.extend({
      unitName: z.string(),
      group: z.string(),
      indicatorName: z.string(),
    }),
  ),
});
export type Bulletin = z.infer<typeof bulletin>;

// --- notices (S10, Z15) ------------------------------------------------------------------------------

export const noticeKinds = ['reminder', 'urging', 'observation'] as const;
/** filed: an observation not yet routed to its unit; escalated: turned into an accountability proposal. */
export const noticeStatuses = ['filed', 'open', 'acknowledged', 'answered', 'closed', 'escalated'] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];
export const noticeActions = ['route', 'acknowledge', 'answer', 'close', 'escalate'] as const;
export type NoticeAction = (typeof noticeActions)[number];

export const notice = row({
  kind: z.enum(noticeKinds),
  planId: z.number().int().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  indicator: z.string().nullable(),
  period: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  /** An automatic reminder's message, rendered in the reader's language; null for a notice a person wrote. */
  message: notificationMessage.nullable(),
  status: z.enum(noticeStatuses),
  dueDate: z.string().nullable(),
  ...stamp('issued'),
  acknowledgedAt: z.string().nullable(),
  answer: z.string().nullable(),
  ...stampOrNull('answered'),
  proposal: z.object({ id: z.number().int(), reason: z.string(), proposedAt: z.string() }).nullable(),
  ...versioned,
});
export type Notice = z.infer<typeof notice>;
export const noticeList = paged(notice);

export const noticeQuery = z.strictObject({
  kind: z.enum(noticeKinds).optional(),
  status: z.enum(noticeStatuses).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  ...pageQuery,
});

export const urgingCreate = z.strictObject({
  planId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  indicator: text(100),
  title: text(200),
  body: text(4000),
  dueDate: dateOnly,
});
export const observationCreate = z.strictObject({
  unitId: z.number().int().positive(),
  title: text(200),
  body: text(4000),
});
export const versionBody = z.strictObject({ version: z.number().int().positive() });
export const answerBody = z.strictObject({ version: z.number().int().positive(), answer: text(4000) });
export const escalateBody = z.strictObject({ version: z.number().int().positive(), reason: text(2000) });
export const remindersRun = z.strictObject({ planId: z.number().int().positive(), period: monthPeriod });
export const remindersResult = z.object({ lagging: z.number().int(), created: z.number().int() });

// --- announcements (信息发布, S4) ------------------------------------------------------------------------

export const announcementCreate = z.strictObject({
  title: text(200),
  body: text(10000),
  /** Empty = every unit. */
  unitIds: z.array(z.number().int().positive()).max(1000).default([]),
});
export const announcement = row({
  title: z.string(),
  body: z.string(),
  unitIds: z.array(z.number().int()),
  ...stamp('published'),
});
export type Announcement = z.infer<typeof announcement>;
export const announcementList = z.array(announcement);
