import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { versionedUpdate } from '../../db/rows.js';
import {
  commentTopics,
  orgNodes,
  surveyCampaigns,
  surveyComments,
  surveyResponses,
} from '../../db/schema/index.js';

export type { SurveyCommentRow } from '../../db/schema/survey-work.js';

export const topics = (db: Executor) => db.select().from(commentTopics).orderBy(asc(commentTopics.sortOrder));

export async function replaceTopics(
  db: Executor,
  list: { code: string; name: string; keywords: string[] }[],
): Promise<void> {
  await db.delete(commentTopics);
  if (list.length) await db.insert(commentTopics).values(list.map((t, i) => ({ ...t, sortOrder: i })));
}

/** Comments with their campaign's name and their unit, filtered; newest first. */
export function listComments(
  db: Executor,
  f: {
    id?: number;
    campaignId?: number;
    status?: string;
    unitId?: number;
    topic?: string;
    unitIds?: number[];
  },
) {
  const where: SQL[] = [];
  if (f.id) where.push(eq(surveyComments.id, f.id));
  if (f.campaignId) where.push(eq(surveyComments.campaignId, f.campaignId));
  if (f.status) where.push(eq(surveyComments.status, f.status));
  if (f.unitId) where.push(eq(surveyComments.unitId, f.unitId));
  if (f.topic) where.push(eq(surveyComments.topic, f.topic));
  if (f.unitIds) where.push(f.unitIds.length ? inArray(surveyComments.unitId, f.unitIds) : sql`false`);
  return db
    .select({
      comment: surveyComments,
      campaignName: surveyCampaigns.name,
      unitCode: orgNodes.code,
      unitName: orgNodes.name,
      unitPath: orgNodes.path,
    })
    .from(surveyComments)
    .leftJoin(surveyCampaigns, eq(surveyCampaigns.id, surveyComments.campaignId))
    .leftJoin(orgNodes, eq(orgNodes.id, surveyComments.unitId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(surveyComments.id));
}

export const findComment = async (db: Executor, id: number) => (await listComments(db, { id }))[0];

export const insertComments = async (db: Executor, rows: (typeof surveyComments.$inferInsert)[]) =>
  rows.length ? db.insert(surveyComments).values(rows).returning() : [];

/** Changes a comment if it still has `version`; undefined when someone changed it first. */
export const updateComment = versionedUpdate(surveyComments);

/** A campaign's ballots whose open text has not been taken into comments yet; marks them taken. */
export const takeBallotTexts = (db: Executor, campaignId: number) =>
  db
    .update(surveyResponses)
    .set({ commentsTaken: true })
    .where(and(eq(surveyResponses.campaignId, campaignId), eq(surveyResponses.commentsTaken, false)))
    .returning({
      groupId: surveyResponses.groupId,
      unitId: surveyResponses.unitId,
      channel: surveyResponses.channel,
      answers: surveyResponses.answers,
    });
