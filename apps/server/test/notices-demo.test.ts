import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { DEMO_NOVEMBER, demoApp, signIn, type TestEnv } from './helpers.js';

describe('demo: supervision items, reminders, notices, announcements', () => {
  let env: TestEnv;
  const count = async (sql: string) => (await env.database.query<{ n: number }>(sql))[0]!.n;

  beforeAll(async () => {
    // Mid-November, as submissions-demo and taskbooks-demo: the three share one demo template.
    env = await demoApp(DEMO_NOVEMBER);
  }, 60_000);
  afterAll(() => env.close());

  it('has the supervision token and 30 items, some overdue', async () => {
    expect(await count('select count(*)::int as n from api_token')).toBe(1);
    expect(await count('select count(*)::int as n from supervision_item')).toBe(30);
    const office = await signIn(env, 'office', DEMO_PASSWORD);
    const plan = (await env.database.query<{ id: number }>("select id from plan where status = 'active'"))[0]!
      .id;
    const items = (
      await env.app.inject({ url: `/api/supervision-items?planId=${plan}`, headers: { cookie: office } })
    ).json();
    expect(items.filter((i: { overdue: boolean }) => i.overdue).length).toBeGreaterThan(0);
  });

  it('has reminders for lagging items, three urging notices, a proposal, two observations, two announcements', async () => {
    expect(await count("select count(*)::int as n from notice where kind = 'reminder'")).toBeGreaterThan(10);
    const urging = await env.database.query<{ status: string }>(
      "select status from notice where kind = 'urging' order by status",
    );
    expect(urging.map((u) => u.status)).toEqual(['acknowledged', 'answered', 'open']);
    expect(await count('select count(*)::int as n from accountability_proposal')).toBe(1);
    expect(await count("select count(*)::int as n from notice where kind = 'observation'")).toBe(2);
    expect(await count('select count(*)::int as n from announcement')).toBe(2);
  });

  it('the A01 filler sees its notices and the announcement to all; the observer its observations', async () => {
    const filler = await signIn(env, 'filler', DEMO_PASSWORD);
    const mine = (
      await env.app.inject({ url: '/api/notices?kind=urging', headers: { cookie: filler } })
    ).json();
    expect(mine.items.map((n: { status: string }) => n.status)).toEqual(['acknowledged']);
    const ann = (await env.app.inject({ url: '/api/announcements', headers: { cookie: filler } })).json();
    expect(ann).toHaveLength(1);
    const observer = await signIn(env, 'observer', DEMO_PASSWORD);
    expect((await env.app.inject({ url: '/api/notices', headers: { cookie: observer } })).json().total).toBe(
      2,
    );
  });
});
