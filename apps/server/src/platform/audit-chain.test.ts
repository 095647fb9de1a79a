import { describe, expect, it } from 'vitest';
import { type ChainRow, chainHash, GENESIS, verifyChain } from './audit-chain.js';

const KEY = 'k'.repeat(64);

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS;
  for (let id = 1; id <= n; id++) {
    const f = {
      id,
      at: `2026-01-0${Math.min(id, 9)}T00:00:00.000Z`,
      actorId: 1,
      actorName: 'office',
      action: 'org_node.update',
      objectType: 'org_node',
      objectId: String(id),
      before: { name: `old ${id}`, b: 1, a: 2 },
      after: { name: `new ${id}` },
      requestId: `r${id}`,
      ip: '127.0.0.1',
    };
    const hash = chainHash(KEY, prev, f);
    rows.push({ ...f, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain (HMAC-SM3)', () => {
  it('an untouched chain verifies', () => {
    expect(verifyChain(KEY, chain(5))).toBeNull();
  });

  it('jsonb key order does not matter', () => {
    const rows = chain(2);
    rows[0] = { ...rows[0]!, before: { a: 2, b: 1, name: 'old 1' } };
    expect(verifyChain(KEY, rows)).toBeNull();
  });

  it('reports a changed row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, after: { name: 'forged' } };
    expect(verifyChain(KEY, rows)).toMatchObject({ id: 3, problem: 'changed' });
  });

  it('reports a deleted row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(KEY, rows)).toMatchObject({ id: 3, problem: 'deleted' });
  });

  it('reports an inserted row', () => {
    const rows = chain(5);
    const fake = { ...rows[1]!, id: 3, objectId: 'x', hash: 'f'.repeat(64), prevHash: rows[1]!.hash };
    const shifted = rows.slice(2).map((r) => ({ ...r, id: r.id + 1 }));
    expect(verifyChain(KEY, [rows[0]!, rows[1]!, fake, ...shifted])).toMatchObject({
      id: 3,
      problem: 'inserted',
    });
  });

  it('a chain re-forged without the key does not verify', () => {
    const rows = chain(3);
    const forged = rows.map((r) => ({ ...r, hash: chainHash('wrong-key', r.prevHash, r) }));
    expect(verifyChain(KEY, forged)).toMatchObject({ id: 1, problem: 'changed' });
  });
});
