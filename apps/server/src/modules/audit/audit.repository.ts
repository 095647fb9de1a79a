import { and, asc, desc, eq, gt, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { type AuditFields, type ChainRow, chainHash, GENESIS } from '../../platform/audit-chain.js';

/** Serialises appends so that every row links to exactly one predecessor. */
const AUDIT_LOCK = 0x6a78_6175; // "jxau"

export async function appendAudit(tx: Executor, key: string, fields: Omit<AuditFields, 'id'>): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  const row: AuditFields = { ...fields, id: (last?.id ?? 0) + 1 };
  const prevHash = last?.hash ?? GENESIS;
  await tx.insert(auditLog).values({ ...row, prevHash, hash: chainHash(key, prevHash, row) });
}

export interface AuditFilter {
  actor?: string;
  objectType?: string;
  objectId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Executor, f: AuditFilter) {
  const conds: SQL[] = [];
  if (f.actor) conds.push(eq(auditLog.actorName, f.actor));
  if (f.objectType) conds.push(eq(auditLog.objectType, f.objectType));
  if (f.objectId) conds.push(eq(auditLog.objectId, f.objectId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.from) conds.push(gte(auditLog.at, `${f.from}T00:00:00Z`));
  if (f.to) conds.push(lt(auditLog.at, sql`(${f.to}::date + 1)::timestamptz` as never));
  const where = conds.length ? and(...conds) : undefined;
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  const items = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total: count?.n ?? 0 };
}

/** Yield the chain in id order, a batch at a time, so verification runs in bounded memory. */
export async function* auditChain(db: Executor, batch = 5000): AsyncGenerator<ChainRow[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, after))
      .orderBy(asc(auditLog.id))
      .limit(batch);
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.id;
  }
}
