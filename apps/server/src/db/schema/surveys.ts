import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, id, num, stepBy, timeOf, version, writtenBy } from './columns.js';
import { orgNodes } from './org.js';
import { planRef, unitRef } from './refs.js';

/*
 * Satisfaction evaluation (issue 10; rules S12, W11, H7, Z3, Z11). A questionnaire is versioned
 * data; a campaign feeds one survey indicator of a plan for one period; rater groups carry weights,
 * a questionnaire and the units they rate; ballot codes are stored as hashes only; responses of an
 * anonymous campaign keep no code, no address and no time finer than the day, under a random id.
 */

/** The campaign a row belongs to, its rater group, and the unit a ballot rates (if one). */
export const campaignRef = () =>
  integer('campaign_id')
    .notNull()
    .references((): AnyPgColumn => surveyCampaigns.id, { onDelete: 'cascade' });
export const groupRef = () =>
  integer('group_id')
    .notNull()
    .references((): AnyPgColumn => raterGroups.id, { onDelete: 'cascade' });
export const ratedUnit = () => integer('unit_id').references(() => orgNodes.id, { onDelete: 'restrict' });

/** A questionnaire version. Versions of one questionnaire share `family_id`; one with ballots is frozen. */
export const questionnaires = pgTable(
  'questionnaire',
  {
    id: id(),
    familyId: integer('family_id'),
    versionNo: integer('version_no').notNull().default(1),
    name: text('name').notNull(),
    questions: jsonb('questions').notNull(),
    ...writtenBy('created'),
  },
  (t) => [uniqueIndex('questionnaire_family_version').on(t.familyId, t.versionNo)],
);

/**
 * A campaign (mid-year, year-end) of a plan: its ballots score survey indicators of the plan for
 * `period` — each rater group its own indicator (Wuxi: S1 leaders … S4 service objects), or the
 * groups without one together, weighted, the campaign's `indicator`.
 */
export const surveyCampaigns = pgTable(
  'survey_campaign',
  {
    id: id(),
    planId: planRef(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    period: text('period').notNull(),
    indicator: text('indicator'),
    anonymous: boolean('anonymous').notNull().default(true),
    method: text('method').notNull().default('mean'),
    shareFrom: num('share_from').notNull().default(60),
    opensAt: timeOf('opens_at'),
    closesAt: timeOf('closes_at'),
    status: text('status').notNull().default('draft'),
    version: version(),
    ...writtenBy('created'),
    ...stepBy('scored'),
  },
  (t) => [index('survey_campaign_plan').on(t.planId)],
);

/** A rater group (评议主体, S12) of a campaign. `unit_ids`: the units it rates. */
export const raterGroups = pgTable(
  'rater_group',
  {
    id: id(),
    campaignId: campaignRef(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    weight: num('weight').notNull(),
    minSample: integer('min_sample').notNull().default(0),
    /** The survey indicator this group scores alone; null: the campaign's, weighted with the others. */
    indicator: text('indicator'),
    questionnaireId: integer('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id, { onDelete: 'restrict' }),
    unitIds: jsonb('unit_ids').$type<number[]>().notNull(),
    /** How the group votes: one-person-one-code ballots, the public e-poll page (Z11), or paper sheets (Z3). */
    channel: text('channel').notNull().default('code'),
  },
  (t) => [uniqueIndex('rater_group_code').on(t.campaignId, t.code)],
);

/** One person, one code: the SHA-256 of the code, consumed exactly once. */
export const ballotCodes = pgTable(
  'ballot_code',
  {
    id: id(),
    campaignId: campaignRef(),
    groupId: groupRef(),
    /** The unit the code's ballot rates (codes per unit), or null (the group's matrix rates them). */
    unitId: ratedUnit(),
    codeHash: text('code_hash').notNull(),
    used: boolean('used').notNull().default(false),
    batch: integer('batch').notNull(),
    createdAt: at('created_at'),
  },
  (t) => [uniqueIndex('ballot_code_hash').on(t.codeHash), index('ballot_code_group').on(t.groupId)],
);

/**
 * A ballot. The id is random and the time is a day, so that neither the order of ids nor a
 * timestamp ties a response to the order in which codes were handed out or used.
 */
export const surveyResponses = pgTable(
  'survey_response',
  {
    id: uuid('id').primaryKey(),
    campaignId: campaignRef(),
    groupId: groupRef(),
    unitId: ratedUnit(),
    day: date('day').notNull(),
    channel: text('channel').notNull(),
    answers: jsonb('answers').notNull(),
    /** The ballot's 0–100 score per rated unit id: { "12": 77.5 }. */
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    /** A named campaign's voter details, encrypted (AES-256-GCM, platform/field-crypto.ts); null when anonymous. */
    voter: text('voter'),
    /** Its open-text answers have been copied to the comments (H9), without a link back. */
    commentsTaken: boolean('comments_taken').notNull().default(false),
  },
  (t) => [index('survey_response_campaign').on(t.campaignId, t.groupId)],
);

/**
 * One e-poll ballot per device (Z11): the SHA-256 of the device cookie, per group. Kept apart from
 * the responses, so a device is never tied to what it voted.
 */
export const pollDevices = pgTable(
  'poll_device',
  {
    groupId: groupRef(),
    deviceHash: text('device_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.deviceHash] })],
);

/** The scored result of a campaign per unit: the value the plan's survey indicator reads. */
export const surveyResults = pgTable(
  'survey_result',
  {
    campaignId: campaignRef(),
    indicator: text('indicator').notNull(),
    unitId: unitRef(),
    value: num('value'),
    n: integer('n').notNull(),
    missing: text('missing'),
    groups: jsonb('groups').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.indicator, t.unitId] })],
);

export type QuestionnaireRow = typeof questionnaires.$inferSelect;
export type CampaignRow = typeof surveyCampaigns.$inferSelect;
export type RaterGroupRow = typeof raterGroups.$inferSelect;
