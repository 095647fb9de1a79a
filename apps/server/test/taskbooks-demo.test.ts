import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed.js';
import { DEMO_NOVEMBER, demoApp, signIn, type TestEnv } from './helpers.js';

describe('demo task books and calendar', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await demoApp(DEMO_NOVEMBER);
  }, 120_000);
  afterAll(() => env.close());

  it('every unit has an issued task book; one change request is pending; three decompositions', async () => {
    const q = <T>(sql: string) => env.database.query<T>(sql);
    expect(await q('select status, count(*)::int as n from task_book group by status')).toEqual([
      { status: 'issued', n: 125 },
    ]);
    expect(await q("select count(*)::int as n from task_change_request where status = 'pending'")).toEqual([
      { n: 1 },
    ]);
    expect(await q('select count(distinct task_book_id)::int as n from decomposition_part')).toEqual([
      { n: 3 },
    ]);
  });

  it('the calendar: M01–M09 closed, M10 late in mid-November, one reopening; seeding twice adds nothing', async () => {
    const office = await signIn(env, 'office', DEMO_PASSWORD).catch(() => null);
    const [plan] = await env.database.query<{ id: number }>(
      "select id from plan where status = 'active' and year = 2026 and document -> 'period' ->> 'adHoc' is null",
    );
    const rows = await env.database.query<{ period: string; closed: boolean }>(
      `select period, closed from period_window where plan_id = ${plan!.id} order by due_at`,
    );
    expect(rows).toHaveLength(18);
    expect(rows.filter((r) => r.closed).map((r) => r.period)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((m) => `2026-M${m}`),
    );
    if (office) {
      const list = (
        await env.app.inject({ url: `/api/plans/${plan!.id}/periods`, headers: { cookie: office } })
      ).json();
      expect(list.find((w: { period: string }) => w.period === '2026-M10').state).toBe('late');
      expect(list.find((w: { period: string }) => w.period === '2026-M09').reopenings).toHaveLength(1);
    }
    await seedDemo(env.deps);
    expect(await env.database.query('select count(*)::int as n from task_book')).toEqual([{ n: 125 }]);
  });
});
