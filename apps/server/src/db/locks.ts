import { sql } from 'drizzle-orm';
import type { Executor } from './client.js';

/** Transaction-scoped advisory locks: serialise work that two servers on one PostgreSQL might race on. */
export const LOCKS = { audit: 0x6a78_6175, demoSeed: 0x6a78_6473 } as const;

export async function lockFor(tx: Executor, key: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
}
