import { and, count, desc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, firstRow, insertRow, versionedUpdate } from '../../db/rows.js';
import { accountabilityProposals, notices, orgNodes } from '../../db/schema/index.js';

export type NoticeRow = typeof notices.$inferSelect;
export type NewNotice = typeof notices.$inferInsert;
export type ProposalRow = typeof accountabilityProposals.$inferSelect;

/** Which notices a reader sees; each part widens the view (a union of the reader's grants). */
export interface NoticeView {
  all: boolean;
  paths: string[];
  /** Indicator codes of lead departments; "T2" also covers "T2.K1". */
  indicators: string[];
  /** Observations the reader filed (observers follow their own). */
  filedBy: string | null;
}

function viewWhere(v: NoticeView): SQL | undefined {
  if (v.all) return undefined;
  const parts: SQL[] = v.paths.map((p) => like(orgNodes.path, `${p}%`));
  if (v.indicators.length)
    parts.push(
      or(
        inArray(notices.indicator, v.indicators),
        ...v.indicators.map((i) => like(notices.indicator, `${i}.%`)),
      )!,
    );
  if (v.filedBy) parts.push(and(eq(notices.kind, 'observation'), eq(notices.issuedBy, v.filedBy))!);
  return parts.length ? or(...parts) : sql`false`;
}

export interface NoticeFilter {
  kind?: string;
  status?: string;
  unitId?: number;
  id?: number;
}

const selection = {
  notice: notices,
  unitName: orgNodes.name,
  unitPath: orgNodes.path,
  proposal: accountabilityProposals,
};

export async function listNotices(
  db: Executor,
  v: NoticeView,
  f: NoticeFilter,
  page: number,
  pageSize: number,
) {
  const where = and(
    viewWhere(v),
    f.kind ? eq(notices.kind, f.kind) : undefined,
    f.status ? eq(notices.status, f.status) : undefined,
    f.unitId ? eq(notices.unitId, f.unitId) : undefined,
    f.id ? eq(notices.id, f.id) : undefined,
  );
  const items = await db
    .select(selection)
    .from(notices)
    .innerJoin(orgNodes, eq(orgNodes.id, notices.unitId))
    .leftJoin(accountabilityProposals, eq(accountabilityProposals.noticeId, notices.id))
    .where(where)
    .orderBy(desc(notices.issuedAt), desc(notices.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db
    .select({ n: count() })
    .from(notices)
    .innerJoin(orgNodes, eq(orgNodes.id, notices.unitId))
    .where(where);
  return { items, total: total?.n ?? 0 };
}
export type NoticeListRow = Awaited<ReturnType<typeof listNotices>>['items'][number];

export const insertNotice = (db: Executor, v: NewNotice) => insertRow(db, notices, v);

/** Automatic reminders: a second one for the same (plan, unit, indicator, period) is skipped by the partial unique index. */
export const insertRemindersOnce = (db: Executor, rows: NewNotice[]) =>
  rows.length
    ? db.insert(notices).values(rows).onConflictDoNothing().returning()
    : Promise.resolve([] as NoticeRow[]);

/** Versioned update: undefined when the row changed since it was read. */
export const updateNotice = versionedUpdate(notices);

/** The first reminder of a plan whose body contains `text`, outside one unit. */
export const findReminderLike = (db: Executor, planId: number, text: string, exceptUnitId: number) =>
  firstRow(
    db,
    notices,
    and(
      eq(notices.kind, 'reminder'),
      eq(notices.planId, planId),
      like(notices.body, `%${text}%`),
      sql`${notices.unitId} <> ${exceptUnitId}`,
    ),
  );

export const insertProposal = (db: Executor, v: typeof accountabilityProposals.$inferInsert) =>
  insertRow(db, accountabilityProposals, v);

export const findUnit = byId(orgNodes);
