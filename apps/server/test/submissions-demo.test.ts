import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed.js';
import { signIn, type TestEnv, testApp } from './helpers.js';

describe('demo submissions, verification and live scores', () => {
  let env: TestEnv;
  let plan = 0;
  beforeAll(async () => {
    env = await testApp({ demo: true });
    env.clock.now = new Date('2026-11-15T02:00:00Z');
    await seedDemo(env.deps);
    plan = (
      await env.database.query<{ id: number }>("select id from plan where status = 'active' and year = 2026")
    )[0]!.id;
  }, 120_000);
  afterAll(() => env.close());
  const get = async (user: string, url: string) => {
    const r = await env.app.inject({ url, headers: { cookie: await signIn(env, user, DEMO_PASSWORD) } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  it('24 units × 3 indicators × 10 months, less one missing: verified, submitted and returned values', async () => {
    const rows = await env.database.query<{ status: string; n: number }>(
      'select status, count(*)::int as n from submission group by status order by status',
    );
    // M09 returns: units 0, 7, 14, 21 × T1, T4 = 8; M01–M08 verified: 24 × 3 × 8 = 576;
    // submitted: 24 × 3 × 2 − 8 returned − 1 missing = 135.
    expect(rows).toEqual([
      { status: 'returned', n: 8 },
      { status: 'submitted', n: 135 },
      { status: 'verified', n: 576 },
    ]);
    expect((await env.database.query('select 1 from half_year_result')).length).toBe(1);
    expect((await env.database.query('select 1 from evidence_file')).length).toBe(2);
  });

  it('each role sees real work: the filler its live score and returns, the assessor a queue', async () => {
    const live = await get('filler', `/api/live/${plan}?period=2026-M10`);
    expect(live.units).toHaveLength(1);
    expect(live.units[0].lost.length).toBeGreaterThan(0);
    const mine = await get('filler', `/api/submissions?planId=${plan}&period=2026-M09&status=returned`);
    expect(mine.items.length).toBe(2);
    const queue = await get('assessor', `/api/verification/queue?planId=${plan}&period=2026-M10`);
    expect(queue.length).toBe(24 * 2 - 1);
    expect(queue.filter((q: { sampleId: number | null }) => q.sampleId).length).toBe(6);
    const counts = await get('office', `/api/verification/counts?planId=${plan}`);
    expect(counts.reduce((s: number, c: { total: number }) => s + c.total, 0)).toBe(24 * 2 * 8 + 8);
  });
});
