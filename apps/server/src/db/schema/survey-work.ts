import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, id, num, stepBy, version, writtenBy } from './columns.js';
import { planRef, unitPeriod } from './refs.js';
import { campaignRef, groupRef, ratedUnit, surveyCampaigns } from './surveys.js';

/*
 * The work around the ballots (issue 10): paper questionnaires entered in batches (Z3), the open
 * comments that ballots and observers bring (H9), and the hotline's per-unit statistics (H8).
 */

/** A batch of paper questionnaires from one survey point, entered by a surveyor (Z3). */
export const paperBatches = pgTable(
  'paper_batch',
  {
    id: id(),
    campaignId: campaignRef(),
    groupId: groupRef(),
    /** The unit the sheets rate, when the group's questionnaire is about one unit. */
    unitId: ratedUnit(),
    surveyPoint: text('survey_point').notNull(),
    /** A second surveyor types every sheet again; the batch counts once both agree. */
    doubleEntry: boolean('double_entry').notNull().default(false),
    status: text('status').notNull().default('entering'),
    version: version(),
    ...writtenBy('created'),
    ...stepBy('counted'),
  },
  (t) => [index('paper_batch_campaign').on(t.campaignId)],
);

/** One paper sheet: the first entry, the second (double entry) and, on a mismatch, the resolution. */
export const paperSheets = pgTable(
  'paper_sheet',
  {
    id: id(),
    batchId: integer('batch_id')
      .notNull()
      .references(() => paperBatches.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    first: jsonb('first'),
    firstBy: text('first_by'),
    second: jsonb('second'),
    secondBy: text('second_by'),
    resolved: jsonb('resolved'),
    resolvedBy: text('resolved_by'),
  },
  (t) => [uniqueIndex('paper_sheet_seq').on(t.batchId, t.seq)],
);

/** Keyword rules that classify comments to a topic (H9); edited by the office. */
export const commentTopics = pgTable('comment_topic', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  keywords: jsonb('keywords').$type<string[]>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/**
 * An open comment (意见建议, H9): from a ballot's text answers (no link to the ballot beyond the
 * campaign and unit) or an observation the office records; dispatched to a unit, answered with an
 * improvement measure, closed or returned by the office.
 */
export const surveyComments = pgTable(
  'survey_comment',
  {
    id: id(),
    /** Null for an observation the office records outside a campaign. */
    campaignId: integer('campaign_id').references(() => surveyCampaigns.id, { onDelete: 'cascade' }),
    unitId: ratedUnit(),
    topic: text('topic'),
    /** 'rule' (keywords) or 'manual' (the office's choice wins over the rules). */
    classifiedBy: text('classified_by').notNull().default('rule'),
    source: text('source').notNull(),
    text: text('text').notNull(),
    status: text('status').notNull().default('new'),
    answer: text('answer'),
    ...stepBy('answered'),
    officeNote: text('office_note'),
    version: version(),
    createdAt: at('created_at'),
  },
  (t) => [index('survey_comment_campaign').on(t.campaignId), index('survey_comment_unit').on(t.unitId)],
);

/** A unit's hotline statistics for a period (12345-style work orders, H8), imported or pushed by API. */
export const hotlineStats = pgTable(
  'hotline_stat',
  {
    id: id(),
    ...unitPeriod(),
    volume: integer('volume').notNull(),
    timelyRate: num('timely_rate').notNull(),
    completionRate: num('completion_rate').notNull(),
    satisfaction: num('satisfaction').notNull(),
    source: text('source').notNull(),
    ...writtenBy('imported'),
  },
  (t) => [uniqueIndex('hotline_stat_unit').on(t.planId, t.period, t.unitId)],
);

/** Which plan indicator reads which hotline figure (H8), per plan. */
export const hotlineFeeds = pgTable(
  'hotline_feed',
  {
    id: id(),
    planId: planRef(),
    field: text('field').notNull(),
    indicator: text('indicator').notNull(),
  },
  (t) => [uniqueIndex('hotline_feed_indicator').on(t.planId, t.indicator)],
);

export type PaperBatchRow = typeof paperBatches.$inferSelect;
export type PaperSheetRow = typeof paperSheets.$inferSelect;
export type SurveyCommentRow = typeof surveyComments.$inferSelect;
export type HotlineStatRow = typeof hotlineStats.$inferSelect;
