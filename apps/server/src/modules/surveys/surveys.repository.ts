import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { versionedUpdate } from '../../db/rows.js';
import {
  ballotCodes,
  orgNodes,
  pollDevices,
  questionnaires,
  raterGroups,
  surveyCampaigns,
  surveyResponses,
  surveyResults,
} from '../../db/schema/index.js';
import type { RaterGroupRow } from '../../db/schema/surveys.js';

export type { CampaignRow, QuestionnaireRow, RaterGroupRow } from '../../db/schema/surveys.js';

// --- questionnaires -------------------------------------------------------------------------------

export const insertQuestionnaire = async (db: Executor, v: typeof questionnaires.$inferInsert) =>
  (await db.insert(questionnaires).values(v).returning())[0]!;

export const findQuestionnaire = async (db: Executor, id: number) =>
  (await db.select().from(questionnaires).where(eq(questionnaires.id, id)))[0];

/** Every version, the newest of each family first. */
export const listQuestionnaires = (db: Executor) =>
  db.select().from(questionnaires).orderBy(asc(questionnaires.familyId), asc(questionnaires.versionNo));

/** A questionnaire is frozen once any ballot was cast on it. */
export async function questionnaireHasBallots(db: Executor, id: number): Promise<boolean> {
  const rows = await db
    .select({ n: count() })
    .from(surveyResponses)
    .innerJoin(raterGroups, eq(raterGroups.id, surveyResponses.groupId))
    .where(eq(raterGroups.questionnaireId, id));
  return (rows[0]?.n ?? 0) > 0;
}

export async function nextVersionNo(db: Executor, familyId: number): Promise<number> {
  const rows = await db
    .select({ v: sql<number>`coalesce(max(${questionnaires.versionNo}), 0)::int` })
    .from(questionnaires)
    .where(eq(questionnaires.familyId, familyId));
  return (rows[0]?.v ?? 0) + 1;
}

export const setFamily = (db: Executor, id: number) =>
  db.update(questionnaires).set({ familyId: id }).where(eq(questionnaires.id, id));

// --- campaigns and rater groups ---------------------------------------------------------------------

export const insertCampaign = async (db: Executor, v: typeof surveyCampaigns.$inferInsert) =>
  (await db.insert(surveyCampaigns).values(v).returning())[0]!;

export const findCampaign = async (db: Executor, id: number) =>
  (await db.select().from(surveyCampaigns).where(eq(surveyCampaigns.id, id)))[0];

export const listCampaigns = (db: Executor, planId: number) =>
  db
    .select()
    .from(surveyCampaigns)
    .where(eq(surveyCampaigns.planId, planId))
    .orderBy(asc(surveyCampaigns.id));

/** Changes a campaign if it still has `version`; undefined when someone changed it first. */
export const updateCampaign = versionedUpdate(surveyCampaigns);

export const findGroup = async (db: Executor, id: number) =>
  (await db.select().from(raterGroups).where(eq(raterGroups.id, id)))[0];

export const listGroups = (db: Executor, campaignId: number) =>
  db.select().from(raterGroups).where(eq(raterGroups.campaignId, campaignId)).orderBy(asc(raterGroups.id));

export async function replaceGroups(
  db: Executor,
  campaignId: number,
  groups: Omit<typeof raterGroups.$inferInsert, 'campaignId'>[],
): Promise<RaterGroupRow[]> {
  await db.delete(raterGroups).where(eq(raterGroups.campaignId, campaignId));
  if (groups.length === 0) return [];
  return db
    .insert(raterGroups)
    .values(groups.map((g) => ({ ...g, campaignId })))
    .returning();
}

export const unitsByIds = (db: Executor, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: orgNodes.id, code: orgNodes.code, name: orgNodes.name, path: orgNodes.path })
        .from(orgNodes)
        .where(inArray(orgNodes.id, ids));

// --- ballot codes and responses ---------------------------------------------------------------------

export async function insertCodes(db: Executor, rows: (typeof ballotCodes.$inferInsert)[]): Promise<void> {
  // Batches keep each statement under the bind-parameter limit (7 columns × 2,000 rows).
  for (let i = 0; i < rows.length; i += 2000) await db.insert(ballotCodes).values(rows.slice(i, i + 2000));
}

export const nextCodeBatch = async (db: Executor, groupId: number) =>
  ((
    await db
      .select({ b: sql<number>`coalesce(max(${ballotCodes.batch}), 0)::int` })
      .from(ballotCodes)
      .where(eq(ballotCodes.groupId, groupId))
  )[0]?.b ?? 0) + 1;

/** Codes' groups and units, whether they were used, and their campaigns — nothing that names a holder. */
export const findCodes = (db: Executor, codeHashes: string[]) =>
  db
    .select({
      codeHash: ballotCodes.codeHash,
      groupId: ballotCodes.groupId,
      unitId: ballotCodes.unitId,
      used: ballotCodes.used,
      campaign: surveyCampaigns,
    })
    .from(ballotCodes)
    .innerJoin(surveyCampaigns, eq(surveyCampaigns.id, ballotCodes.campaignId))
    .where(inArray(ballotCodes.codeHash, codeHashes));

export interface NewResponse {
  id: string;
  day: string;
  answers: unknown;
  scores: Record<string, number>;
  /** A named campaign's voter, sealed; null when anonymous. */
  voter: string | null;
}

/**
 * Uses codes and stores their ballots in ONE statement: the update takes each code's row lock, so
 * of many concurrent submissions of one code exactly one finds it unused, and only that one
 * inserts. A response copies its code's campaign, group and unit, never the code or its id.
 * Answers, per ballot, whether it was stored (false: the code was used already, or is unknown).
 * The hashes of one call must differ (the caller keeps a repeated code for a later call).
 */
export async function consumeCodesAndStore(
  db: Executor,
  ballots: { codeHash: string; response: NewResponse }[],
): Promise<boolean[]> {
  const input = JSON.stringify(
    ballots.map(({ codeHash, response: r }) => ({
      hash: codeHash,
      id: r.id,
      day: r.day,
      answers: r.answers,
      scores: r.scores,
      voter: r.voter,
    })),
  );
  const res = await db.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${input}::jsonb)
        as i(hash text, id uuid, day date, answers jsonb, scores jsonb, voter text)
    ), used as (
      update ${ballotCodes} b set used = true from input i
      where b.code_hash = i.hash and not b.used
      returning b.code_hash, b.campaign_id, b.group_id, b.unit_id
    )
    insert into ${surveyResponses} (id, campaign_id, group_id, unit_id, day, channel, answers, scores, voter)
    select i.id, u.campaign_id, u.group_id, u.unit_id, i.day, 'code', i.answers, i.scores, i.voter
    from used u join input i on i.hash = u.code_hash
    returning id`);
  const stored = new Set((res as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
  return ballots.map((b) => stored.has(b.response.id));
}

/**
 * Stores an e-poll ballot if the device has not voted in the group, in ONE statement (as a code's
 * ballot): the device's hash goes into poll_device, which never names the response.
 */
export async function storePollBallot(
  db: Executor,
  group: { campaignId: number; groupId: number; unitId: number | null },
  deviceHash: string,
  r: NewResponse,
): Promise<boolean> {
  const res = await db.execute(sql`
    with device as (
      insert into ${pollDevices} (group_id, device_hash) values (${group.groupId}, ${deviceHash})
      on conflict do nothing
      returning group_id
    )
    insert into ${surveyResponses} (id, campaign_id, group_id, unit_id, day, channel, answers, scores, voter)
    select ${r.id}::uuid, ${group.campaignId}, group_id, ${group.unitId}, ${r.day}::date, 'poll',
           ${JSON.stringify(r.answers)}::jsonb, ${JSON.stringify(r.scores)}::jsonb, ${r.voter}
    from device
    returning id`);
  return (res as unknown as { rows: unknown[] }).rows.length === 1;
}

/** The ballots of a campaign, in id order (random, so not the order they were cast). */
export const responsesOf = (db: Executor, campaignId: number) =>
  db
    .select({ id: surveyResponses.id, groupId: surveyResponses.groupId, scores: surveyResponses.scores })
    .from(surveyResponses)
    .where(eq(surveyResponses.campaignId, campaignId))
    .orderBy(asc(surveyResponses.id));

/** Codes handed out and used per group, for the progress view and the integrity check. */
export const codeCounts = (db: Executor, campaignId: number) =>
  db
    .select({
      groupId: ballotCodes.groupId,
      issued: count(),
      used: sql<number>`count(*) filter (where ${ballotCodes.used})::int`,
    })
    .from(ballotCodes)
    .where(eq(ballotCodes.campaignId, campaignId))
    .groupBy(ballotCodes.groupId);

export async function replaceResults(
  db: Executor,
  campaignId: number,
  rows: Omit<typeof surveyResults.$inferInsert, 'campaignId'>[],
): Promise<void> {
  await db.delete(surveyResults).where(eq(surveyResults.campaignId, campaignId));
  if (rows.length) await db.insert(surveyResults).values(rows.map((r) => ({ ...r, campaignId })));
}

export const resultsOf = (db: Executor, campaignId: number) =>
  db
    .select({ result: surveyResults, unitCode: orgNodes.code, unitName: orgNodes.name })
    .from(surveyResults)
    .innerJoin(orgNodes, eq(orgNodes.id, surveyResults.unitId))
    .where(eq(surveyResults.campaignId, campaignId))
    .orderBy(asc(surveyResults.indicator), asc(orgNodes.code));

/**
 * The scored survey values of a plan: what its survey indicators read, per period and unit (the
 * cycle input). A campaign scored again replaces its own values.
 */
export const scoredValues = (db: Executor, planId: number) =>
  db
    .select({
      campaignId: surveyCampaigns.id,
      period: surveyCampaigns.period,
      indicator: surveyResults.indicator,
      scoredAt: surveyCampaigns.scoredAt,
      scoredBy: surveyCampaigns.scoredBy,
      unit: orgNodes.code,
      value: surveyResults.value,
      n: surveyResults.n,
      missing: surveyResults.missing,
    })
    .from(surveyResults)
    .innerJoin(surveyCampaigns, eq(surveyCampaigns.id, surveyResults.campaignId))
    .innerJoin(orgNodes, eq(orgNodes.id, surveyResults.unitId))
    .where(and(eq(surveyCampaigns.planId, planId), eq(surveyCampaigns.status, 'scored')));

/** A named campaign's sealed voters, by group and day (never with the answers). */
export const sealedVoters = async (db: Executor, campaignId: number) =>
  (
    await db
      .select({
        groupId: surveyResponses.groupId,
        day: surveyResponses.day,
        channel: surveyResponses.channel,
        voter: surveyResponses.voter,
      })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.campaignId, campaignId), sql`${surveyResponses.voter} is not null`))
      .orderBy(asc(surveyResponses.day))
  ).map((r) => ({ ...r, voter: r.voter! }));

/** Ballots per rater group and rated unit (a matrix ballot counts for each unit it rates). */
export async function ballotCounts(
  db: Executor,
  campaignId: number,
): Promise<{ groupId: number; unitId: number; n: number }[]> {
  const res = await db.execute(sql`
    select r.group_id as "groupId", k.key::int as "unitId", count(*)::int as n
    from ${surveyResponses} r, jsonb_object_keys(r.scores) as k(key)
    where r.campaign_id = ${campaignId}
    group by r.group_id, k.key`);
  return (res as unknown as { rows: { groupId: number; unitId: number; n: number }[] }).rows;
}

/** Bulk ballots (the demo seed: responses as the ballot page would have stored them). */
export async function insertResponses(
  db: Executor,
  rows: (typeof surveyResponses.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(surveyResponses).values(rows.slice(i, i + 1000));
}
