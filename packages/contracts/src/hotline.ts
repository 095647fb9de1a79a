import { z } from 'zod';
import { importProblem } from './cycle.js';
import { columnReader } from './data-columns.js';
import { planPeriod, row, stamp, unitRef } from './fields.js';
import { periodCode } from './plans.js';

/**
 * Hotline work-order statistics (issue 10 point 8, rule H8): per unit and period, the 12345-style
 * hotline's volume and rates, imported by the office (CSV / .xlsx) or pushed by the hotline system
 * with the API token supervision uses; feeds map a figure to a plan indicator, whose own method
 * scores it.
 */

/** The figures of a unit's hotline statistics; each can feed a plan indicator. */
export const hotlineFields = ['volume', 'timelyRate', 'completionRate', 'satisfaction'] as const;
export type HotlineField = (typeof hotlineFields)[number];
export const hotlineField = z.enum(hotlineFields);

/** The columns of a hotline file: the unit's code, the four figures and, optionally, the period. */
export const hotlineColumns = ['unit', 'period', ...hotlineFields] as const;
export type HotlineColumn = (typeof hotlineColumns)[number];

/** The names a header cell may give each column (English, Chinese). */
export const hotlineColumnAliases: Record<HotlineColumn, readonly string[]> = {
  unit: ['unit', 'unitCode', 'code', '单位', '单位编码'],
  period: ['period', '期间', '周期'],
  volume: ['volume', '工单量', '工单数'],
  timelyRate: ['timelyRate', 'timely', '及时响应率', '响应及时率'],
  completionRate: ['completionRate', 'completion', '按时办结率', '办结率'],
  satisfaction: ['satisfaction', '满意率', '满意度'],
};

/** The hotline column a header cell names ("及时响应率(%)" → timelyRate). */
export const hotlineColumnOf = columnReader(hotlineColumns, hotlineColumnAliases);

const rate = z.number().finite();

/** One unit's figures as the hotline system sends them (rates in %, 0–100; checked by the server). */
export const hotlineRowInput = z.strictObject({
  unitCode: z.string().trim().min(1).max(64),
  volume: z.number().finite(),
  timelyRate: rate,
  completionRate: rate,
  satisfaction: rate,
});
export type HotlineRowInput = z.infer<typeof hotlineRowInput>;

/** A push by the hotline system: every row of one plan's period, replacing what it held. */
export const hotlinePushRequest = z.strictObject({
  planId: z.number().int().positive(),
  period: periodCode,
  rows: z.array(hotlineRowInput).min(1).max(5000),
});

export const hotlineQuery = z.strictObject({ period: periodCode });

/** The figures of one unit as read from a file or a push. */
export const hotlineFigures = z.object({
  unit: z.string(),
  volume: z.number(),
  timelyRate: z.number(),
  completionRate: z.number(),
  satisfaction: z.number(),
});

/** What an upload would store: its rows, every problem (line + column + code), and what it replaces. */
export const hotlinePreview = z.object({
  ...planPeriod,
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv', 'json']),
  rows: z.array(hotlineFigures.extend({ line: z.number().int() })),
  problems: z.array(importProblem),
  /** Rows the period holds now; a commit replaces them all. */
  replaces: z.number().int(),
});
export type HotlinePreview = z.infer<typeof hotlinePreview>;

/** A stored period: rows before and after the replacement. */
export const hotlineImportResult = z.object({
  ...planPeriod,
  before: z.number().int(),
  after: z.number().int(),
});
export type HotlineImportResult = z.infer<typeof hotlineImportResult>;

export const hotlineStat = row({
  ...planPeriod,
  ...unitRef,
  volume: z.number().int(),
  timelyRate: z.number(),
  completionRate: z.number(),
  satisfaction: z.number(),
  /** `file` (the office's upload) or `api:<token name>`. */
  source: z.string(),
  ...stamp('imported'),
});
export type HotlineStat = z.infer<typeof hotlineStat>;

/** A feed: the plan indicator (any leaf, `T2` or `T2.K1`) that takes a hotline figure as its value. */
export const hotlineFeed = z.object({ field: hotlineField, indicator: z.string().trim().min(1).max(100) });
export type HotlineFeed = z.infer<typeof hotlineFeed>;
/** The plan's feeds, all at once (replacing the previous set). */
export const hotlineFeedsPut = z.strictObject({ feeds: z.array(hotlineFeed).max(200) });
