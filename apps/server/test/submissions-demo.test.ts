import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { DEMO_NOVEMBER, demoApp, signIn, type TestEnv } from './helpers.js';

describe('demo submissions, verification and live scores', () => {
  let env: TestEnv;
  let plan = 0;
  beforeAll(async () => {
    env = await demoApp(DEMO_NOVEMBER);
    plan = (
      await env.database.query<{ id: number }>(
        "select id from plan where status = 'active' and year = 2026 and document -> 'period' ->> 'adHoc' is null",
      )
    )[0]!.id;
  }, 120_000);
  afterAll(() => env.close());
  const get = async (user: string, url: string) => {
    const r = await env.app.inject({ url, headers: { cookie: await signIn(env, user, DEMO_PASSWORD) } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  it('self-reported T1/T4 of 24 units × 10 months, less one missing: verified, submitted and returned values', async () => {
    const rows = await env.database.query<{ status: string; n: number }>(
      "select status, count(*)::int as n from submission where source = 'unit' group by status order by status",
    );
    // M09 returns: units 0, 7, 14, 21 × T1, T4 = 8; M01–M08 verified: 24 × 2 × 8 = 384;
    // submitted: 24 × 2 × 2 − 8 returned − 1 missing = 87.
    expect(rows).toEqual([
      { status: 'returned', n: 8 },
      { status: 'submitted', n: 87 },
      { status: 'verified', n: 384 },
    ]);
    // The provider's D3 for all 125 units, M01–M10 (Z4).
    const provided = await env.database.query<{ n: number }>(
      "select count(*)::int as n from submission where source = 'provider'",
    );
    expect(provided[0]!.n).toBe(125 * 10);
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
    // Passes of M01–M08, the 8 returns, and one on-site check that corrected a verified value.
    expect(counts.reduce((s: number, c: { total: number }) => s + c.total, 0)).toBe(24 * 2 * 8 + 8 + 1);
  });
});
