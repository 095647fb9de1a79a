import { createHmac } from 'node:crypto';

/** The fields of an audit row covered by its hash, in a fixed order. */
export interface AuditFields {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted, so that jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** HMAC-SM3 over the previous hash and the canonical row (GB/T 39786 asks for SM-series algorithms). */
export function chainHash(key: string, prevHash: string, row: AuditFields): string {
  const body = canonicalJson([
    row.id,
    new Date(row.at).toISOString(),
    row.actorId,
    row.actorName,
    row.action,
    row.objectType,
    row.objectId,
    row.before,
    row.after,
    row.requestId,
    row.ip,
  ]);
  return createHmac('sm3', key).update(prevHash).update('\n').update(body).digest('hex');
}

export interface ChainRow extends AuditFields {
  prevHash: string;
  hash: string;
}

export type ChainProblem = { id: number; problem: 'changed' | 'inserted' | 'deleted'; message: string };

/**
 * Walk the chain in id order and report the first row that does not fit: a row whose hash no
 * longer matches its content (changed), a row the chain steps over — the next row links to the one
 * before it (inserted), or a row whose link points past a gap (deleted). Rows cut from the very end
 * leave no trace in the chain itself.
 */
export function verifyChain(
  key: string,
  rows: readonly ChainRow[],
  start: { id: number; hash: string } = { id: 0, hash: GENESIS },
): ChainProblem | null {
  let expectedPrev = start.hash;
  let prevId = start.id;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const hashOk = chainHash(key, row.prevHash, row) === row.hash;
    const linkOk = row.prevHash === expectedPrev;
    if (hashOk && linkOk) {
      expectedPrev = row.hash;
      prevId = row.id;
      continue;
    }
    const next = rows[i + 1];
    if (next && next.prevHash === expectedPrev) {
      return {
        id: row.id,
        problem: 'inserted',
        message: `row ${row.id} was inserted into the chain after row ${prevId}`,
      };
    }
    if (!linkOk && (hashOk || row.id !== prevId + 1)) {
      return {
        id: row.id,
        problem: 'deleted',
        message: `row(s) between ${prevId} and ${row.id} were deleted`,
      };
    }
    return { id: row.id, problem: 'changed', message: `row ${row.id} was changed after it was written` };
  }
  return null;
}
