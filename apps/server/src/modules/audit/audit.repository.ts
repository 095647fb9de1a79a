import type { AuditQuery } from '@jixiao/contracts';
import { and, asc, desc, eq, gt, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { LOCKS, lockFor } from '../../db/locks.js';
import { pageOf } from '../../db/rows.js';
import { auditLog } from '../../db/schema/index.js';
import { type AuditFields, type ChainRow, chainHash, GENESIS } from '../../platform/audit-chain.js';

/** Append rows to the chain in order: one lock, one look-up of the chain head, batched inserts. */
export async function appendAudit(tx: Executor, key: string, rows: Omit<AuditFields, 'id'>[]): Promise<void> {
  if (rows.length === 0) return;
  // Serialise appends so that every row links to exactly one predecessor.
  await lockFor(tx, LOCKS.audit);
  const [last] = await tx
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  let id = last?.id ?? 0;
  let prevHash = last?.hash ?? GENESIS;
  const values = rows.map((fields) => {
    const row: AuditFields = { ...fields, id: ++id };
    const hash = chainHash(key, prevHash, row);
    const value = { ...row, prevHash, hash };
    prevHash = hash;
    return value;
  });
  for (let i = 0; i < values.length; i += 1000) await tx.insert(auditLog).values(values.slice(i, i + 1000));
}

/** The query of GET /api/audit-events (contracts `auditQuery`). */
export type AuditFilter = AuditQuery;

export async function listAudit(db: Executor, f: AuditFilter) {
  const conds: SQL[] = [];
  if (f.actor) conds.push(eq(auditLog.actorName, f.actor));
  if (f.objectType) conds.push(eq(auditLog.objectType, f.objectType));
  if (f.objectId) conds.push(eq(auditLog.objectId, f.objectId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.from) conds.push(gte(auditLog.at, `${f.from}T00:00:00Z`));
  if (f.to) conds.push(lt(auditLog.at, sql`(${f.to}::date + 1)::timestamptz` as never));
  const where = conds.length ? and(...conds) : undefined;
  return pageOf(db, auditLog, where, desc(auditLog.id), f);
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
