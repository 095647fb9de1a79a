import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { cycleInput } from '../src/modules/inputs/inputs.service.js';
import { findPlan } from '../src/modules/plans/plans.repository.js';
import { DEMO_NOVEMBER, demoApp, signIn, type TestEnv } from './helpers.js';

/** The demo's satisfaction evaluation (issue 10 point 10), on the shared mid-November city. */
describe('demo: survey campaigns', () => {
  let env: TestEnv;
  let office = '';
  const get = async (url: string) => {
    const r = await env.app.inject({ url, headers: { cookie: office } });
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json();
  };

  beforeAll(async () => {
    env = await demoApp(DEMO_NOVEMBER);
    office = await signIn(env, 'office', DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => env.close());

  it('has a scored mid-year campaign and an open year-end one, each with the four Wuxi rater groups (and an e-poll)', async () => {
    const plan = (
      await env.database.query<{ id: number }>("select id from plan where status = 'active' and year = 2026")
    )[0]!.id;
    const list = await get(`/api/survey-campaigns?planId=${plan}`);
    expect(list.map((c: { kind: string; status: string }) => [c.kind, c.status])).toEqual([
      ['mid_year', 'scored'],
      ['year_end', 'open'],
    ]);
    const groupsOf = (c: { groups: { indicator: string; channel: string }[] }) =>
      c.groups.map((g) => `${g.indicator} ${g.channel}`);
    expect(groupsOf(list[0])).toEqual(['S1 code', 'S2 code', 'S3 code', 'S4 code']);
    // The year-end campaign adds the public e-poll (Z11) and paper sheets (Z3), weighted apart within S4.
    expect(groupsOf(list[1])).toEqual(['S1 code', 'S2 code', 'S3 code', 'S4 code', 'S4 poll', 'S4 paper']);
    // Every code used stored exactly one ballot.
    const [mid] = list;
    const ballots = await env.database.query<{ n: number }>(
      `select count(*)::int as n from survey_response where campaign_id = ${mid.id}`,
    );
    const used = mid.groups.reduce((s: number, g: { codesUsed: number }) => s + g.codesUsed, 0);
    expect(ballots[0]!.n).toBe(used);
    // The mid-year results: a value per unit and indicator, three units short of service-object ballots.
    const results = await get(`/api/survey-campaigns/${mid.id}/results`);
    const units = new Set(results.map((r: { unitId: number }) => r.unitId)).size;
    expect(results).toHaveLength(units * 4);
    const short = results.filter((r: { missing: string | null }) => r.missing === 'below_sample');
    expect(short.map((r: { indicator: string }) => r.indicator)).toEqual(['S4', 'S4', 'S4']);
    for (const r of results.filter((x: { value: number | null }) => x.value !== null)) {
      expect(r.value).toBeGreaterThanOrEqual(0);
      expect(r.value).toBeLessThanOrEqual(100);
    }
  });

  it('has comments in every state, and the e-poll and paper channels with ballots in', async () => {
    const comments = await get('/api/survey-comments');
    expect(new Set(comments.map((c: { status: string }) => c.status))).toEqual(
      new Set(['new', 'dispatched', 'answered', 'returned', 'closed']),
    );
    const channels = await env.database.query<{ channel: string }>(
      'select distinct channel from survey_response order by channel',
    );
    expect(channels.map((c) => c.channel)).toEqual(['code', 'paper', 'poll']);
  });

  it('the October cycle input takes S1 from the mid-year campaign (no year figure yet)', async () => {
    const plan = (
      await env.database.query<{ id: number }>("select id from plan where status = 'active' and year = 2026")
    )[0]!.id;
    const row = (await findPlan(env.database.db, plan))!;
    const input = await cycleInput(env.database.db, row, '2026-M10', new Date(DEMO_NOVEMBER));
    const mid = (
      await env.database.query<{ id: number }>("select id from survey_campaign where kind = 'mid_year'")
    )[0]!.id;
    const value = (
      await env.database.query<{ value: number }>(
        `select r.value::float as value from survey_result r join org_node n on n.id = r.unit_id
         where r.campaign_id = ${mid} and r.indicator = 'S1' and n.code = 'A01'`,
      )
    )[0]!.value;
    const s1 = input.sources.find((s) => s.unit === 'A01' && s.indicator === 'S1' && s.field === 'value');
    expect(s1).toMatchObject({ kind: 'survey', id: mid, period: '2026-H1' });
    expect(s1!.value).toBeCloseTo(value, 6);
    expect(input.input.values.find((v) => v.unit === 'A01' && v.indicator === 'S1')!.value).toBeCloseTo(
      value,
      6,
    );
  });
});
