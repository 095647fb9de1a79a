import { satisfactionScale } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { auditActions, jsonOf, makeUser, signIn } from './helpers.js';
import { activePlan, buildOrg, officeCookie, releaseRun } from './org-fixture.js';
import { surveyPlan as doc } from './survey-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * Satisfaction evaluation through the API (issue 10): a questionnaire, a campaign with two rater
 * groups, one-person-one-code ballots, and the scored result per unit, computed by hand.
 * The tiny plan gains a survey indicator S1 (satisfaction, 20 points).
 */
const labels = satisfactionScale;

describe('survey campaigns and one-person-one-code ballots', () => {
  const env = useTestApp();
  let office = '';
  let plan = 0;
  let u1 = 0;
  let u2 = 0;
  let publicQuestionnaire = 0;
  let campaign = { id: 0, version: 0, groups: [] as { id: number; code: string }[] };
  const codes: Record<string, string[]> = {};
  const as = (cookie: string | null, method: string, url: string, payload?: unknown) =>
    env.app.inject({
      method: method as 'GET',
      url,
      headers: cookie ? { cookie } : {},
      payload: payload as never,
    });
  const ok = jsonOf;
  const vote = (code: string, answers: unknown) => as(null, 'POST', '/api/ballot', { code, answers });
  /** Issues one code of the campaign's first rater group, then opens it: the code and the open campaign. */
  const openWithOneCode = async (c: { id: number; version: number; groups: { id: number }[] }) => {
    const url = `/api/survey-campaigns/${c.id}`;
    const [code] = (await ok(as(office, 'POST', `${url}/codes`, { groupId: c.groups[0]!.id, count: 1 }), 201))
      .codes;
    const campaign = await ok(
      as(office, 'POST', `${url}/transitions`, { action: 'open', version: c.version }),
    );
    return { code, campaign };
  };

  it('the office builds a questionnaire and a campaign of two rater groups for the plan’s survey indicator', async () => {
    office = await officeCookie(env);
    const org = await buildOrg(env, office, { u1: '一号局', u2: '二号局' }, '市');
    ({ u1, u2 } = org.units);
    plan = await activePlan(env, office, { systemId: org.system, name: '满意度方案', document: doc() });
    // Leaders rate each unit on its own ballot; the public rates both units in one matrix.
    const leaderQ = await ok(
      as(office, 'POST', '/api/questionnaires', {
        name: '领导评议表',
        questions: [
          { id: 'overall', type: 'rating', title: '总体评价', scale: labels },
          { id: 'speed', type: 'rating', title: '办事效率', scale: { kind: 'range', min: 1, max: 5 } },
          { id: 'advice', type: 'text', title: '意见建议', required: false },
        ],
      }),
      201,
    );
    const publicQ = await ok(
      as(office, 'POST', '/api/questionnaires', {
        name: '群众评议表',
        questions: [
          { id: 'units', type: 'matrix', title: '各单位满意度', scale: labels, rows: { source: 'units' } },
        ],
      }),
      201,
    );
    publicQuestionnaire = publicQ.id;
    expect(leaderQ).toMatchObject({ versionNo: 1, frozen: false, familyId: leaderQ.id });
    const body = {
      planId: plan,
      name: '2026 年中满意度测评',
      kind: 'mid_year',
      period: '2026-Y',
      indicator: 'S1',
      opensAt: '2026-02-01T00:00:00+08:00',
      closesAt: '2026-03-31T23:59:59+08:00',
      groups: [
        {
          code: 'leaders',
          name: '四套班子',
          kind: 'leadership',
          weight: 40,
          minSample: 2,
          questionnaireId: leaderQ.id,
          unitIds: [u1, u2],
        },
        {
          code: 'public',
          name: '群众',
          kind: 'public',
          weight: 60,
          minSample: 2,
          questionnaireId: publicQ.id,
          unitIds: [u1, u2],
        },
      ],
    };
    // A campaign must feed a survey indicator of its plan.
    const wrong = await as(office, 'POST', '/api/survey-campaigns', { ...body, indicator: 'I1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toMatchObject({
      path: 'indicator',
      code: 'survey.indicator_not_survey',
    });
    campaign = await ok(as(office, 'POST', '/api/survey-campaigns', body), 201);
    expect(campaign).toMatchObject({ status: 'draft', indicator: 'S1', anonymous: true });
  });

  it('codes are issued once, per unit for the leaders and per group for the public; only hashes are kept', async () => {
    const [leaders, pub] = campaign.groups;
    const l = await ok(
      as(office, 'POST', `/api/survey-campaigns/${campaign.id}/codes`, {
        groupId: leaders!.id,
        perUnit: true,
        count: 2,
      }),
      201,
    );
    expect(l.codes).toHaveLength(4);
    expect(l.codes.filter((c: { unitId: number }) => c.unitId === u1)).toHaveLength(2);
    codes.u1 = l.codes
      .filter((c: { unitId: number }) => c.unitId === u1)
      .map((c: { code: string }) => c.code);
    codes.u2 = l.codes
      .filter((c: { unitId: number }) => c.unitId === u2)
      .map((c: { code: string }) => c.code);
    const p = await ok(
      as(office, 'POST', `/api/survey-campaigns/${campaign.id}/codes`, { groupId: pub!.id, count: 3 }),
      201,
    );
    codes.public = p.codes.map((c: { code: string }) => c.code);
    const stored = await env.database.query<{ code_hash: string }>('select code_hash from ballot_code');
    expect(stored).toHaveLength(7);
    for (const c of [...codes.u1!, ...codes.public!]) {
      expect(JSON.stringify(stored)).not.toContain(c);
      expect(JSON.stringify(stored)).not.toContain(c.replace(/-/g, ''));
    }
  });

  it('a ballot before the campaign opens is refused; after opening it is counted once', async () => {
    const before = await vote(codes.u1![0]!, { overall: 'sat', speed: 5 });
    expect(before.statusCode).toBe(409);
    expect(before.json().error.details).toMatchObject({ code: 'survey.campaign_not_open' });
    campaign = await ok(
      as(office, 'POST', `/api/survey-campaigns/${campaign.id}/transitions`, {
        action: 'open',
        version: campaign.version,
      }),
    );
    // The ballot page: the code is posted, and the form names the unit it rates.
    const form = await ok(as(null, 'POST', '/api/ballot/open', { code: codes.u1![0]!.toLowerCase() }));
    expect(form).toMatchObject({ group: '四套班子', unit: { code: 'u1', name: '一号局' } });
    expect(form.questions.map((q: { id: string }) => q.id)).toEqual(['overall', 'speed', 'advice']);
    // u1 by leaders: 满意 100 and 5 of 1–5 = 100 → 100; 基本满意 80 and 3 = 50 → 65.
    expect((await vote(codes.u1![0]!, { overall: 'sat', speed: 5 })).statusCode).toBe(201);
    const again = await vote(codes.u1![0]!, { overall: 'unsat', speed: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ code: 'survey.code_used' });
    expect(
      (await vote(codes.u1![1]!, { overall: 'basic', speed: 3, advice: '窗口再多开两个' })).statusCode,
    ).toBe(201);
    // u2 by leaders: only one ballot of the two needed.
    expect((await vote(codes.u2![0]!, { overall: 'sat', speed: 4 })).statusCode).toBe(201);
    // The public, one matrix each: u1 80, 100, 0 → 60; u2 100, 100, 80 → 93.33.
    for (const [c, a, b] of [
      [codes.public![0], 'basic', 'sat'],
      [codes.public![1], 'sat', 'sat'],
      [codes.public![2], 'unsat', 'basic'],
    ] as const)
      expect((await vote(c!, { units: { u1: a, u2: b } })).statusCode).toBe(201);
  });

  it('progress counts ballots per group and unit against the minimum sample', async () => {
    const p = await ok(as(office, 'GET', `/api/survey-campaigns/${campaign.id}/progress`));
    expect(p.ballots).toBe(6);
    const cell = (g: string, u: string) =>
      p.cells.find((c: { group: string; unitCode: string }) => c.group === g && c.unitCode === u);
    expect(cell('leaders', 'u1')).toMatchObject({ n: 2, minSample: 2, short: false });
    expect(cell('leaders', 'u2')).toMatchObject({ n: 1, minSample: 2, short: true, groupName: '四套班子' });
    // A matrix ballot counts for each unit it rates.
    expect(cell('public', 'u1')).toMatchObject({ n: 3 });
    expect(cell('public', 'u2')).toMatchObject({ n: 3 });
  });

  it('refuses bad ballots with the problem named, and stores nothing for them', async () => {
    const [extra] = (
      await ok(
        as(office, 'POST', `/api/survey-campaigns/${campaign.id}/codes`, {
          groupId: campaign.groups[0]!.id,
          perUnit: true,
          count: 1,
        }),
        201,
      )
    ).codes.filter((c: { unitId: number }) => c.unitId === u2);
    const count = async () =>
      (await env.database.query<{ n: number }>('select count(*)::int as n from survey_response'))[0]!.n;
    const n = await count();
    const r = await vote(extra.code, { overall: 'great', speed: 7, bogus: 1 });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'answers.overall', code: 'survey.unknown_option' }),
        expect.objectContaining({ path: 'answers.speed', code: 'survey.out_of_range' }),
        expect.objectContaining({ path: 'answers.bogus', code: 'survey.unknown_question' }),
      ]),
    );
    expect((await vote(extra.code, { speed: 3 })).json().error.details).toEqual([
      expect.objectContaining({ path: 'answers.overall', code: 'survey.required' }),
    ]);
    expect(await count()).toBe(n);
    // The code is still good after refused ballots.
    expect((await vote(extra.code, { overall: 'basic', speed: 2 })).statusCode).toBe(201);
    const unknown = await vote('AAAA-BBBB-CCCC-DDDD', { overall: 'sat' });
    expect(unknown.statusCode).toBe(404);
  });

  it('an anonymous ballot keeps no code, no address and no time finer than the day', async () => {
    const cols = await env.database.query<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name = 'survey_response' order by ordinal_position",
    );
    expect(cols.map((c) => c.column_name)).toEqual([
      'id',
      'campaign_id',
      'group_id',
      'unit_id',
      'day',
      'channel',
      'answers',
      'scores',
      'voter',
      'comments_taken',
    ]);
    const rows = await env.database.query<{ id: string; day: string; voter: string | null }>(
      'select id::text, day::text, voter from survey_response',
    );
    for (const r of rows) expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    // An anonymous campaign stores no voter at all (a named one only sealed: surveys-poll.test.ts).
    expect(rows.every((r) => r.voter === null)).toBe(true);
    expect(new Set(rows.map((r) => r.day))).toEqual(new Set(['2026-03-01'])); // the test clock: 2026-03-01 16:00 Beijing
    // Ballots are not audited (the office's steps are).
    const audit = await env.database.query<{ action: string }>(
      "select action from audit_log where action like 'ballot%'",
    );
    expect(audit).toEqual([]);
  });

  it('scoring a closed campaign gives each unit its weighted satisfaction; a group short of its sample is named', async () => {
    const early = await as(office, 'POST', `/api/survey-campaigns/${campaign.id}/transitions`, {
      action: 'score',
      version: campaign.version,
    });
    expect(early.statusCode).toBe(409);
    campaign = await ok(
      as(office, 'POST', `/api/survey-campaigns/${campaign.id}/transitions`, {
        action: 'close',
        version: campaign.version,
      }),
    );
    campaign = await ok(
      as(office, 'POST', `/api/survey-campaigns/${campaign.id}/transitions`, {
        action: 'score',
        version: campaign.version,
      }),
    );
    expect(campaign).toMatchObject({ status: 'scored', scoredBy: 'office' });
    const results = await ok(as(office, 'GET', `/api/survey-campaigns/${campaign.id}/results`));
    const by = Object.fromEntries(results.map((r: { unitCode: string }) => [r.unitCode, r]));
    // u1: leaders (100 + 65) / 2 = 82.5, public (80 + 100 + 0) / 3 = 60 → (40 × 82.5 + 60 × 60) / 100 = 69.
    expect(by.u1.value).toBeCloseTo(69, 6);
    expect(by.u1.n).toBe(5);
    // u2: leaders 4 of 1–5 → (100 + 75) / 2 = 87.5 and (80 + 25) / 2 = 52.5 → 70; public (100 + 100 + 80) / 3 = 93.33
    // → (40 × 70 + 60 × 93.333) / 100 = 84.
    expect(by.u2.value).toBeCloseTo(84, 6);
    expect(by.u2.missing).toBeNull();
    expect(await auditActions(env, "object_type = 'survey_campaign'")).toEqual([
      'campaign.create',
      'campaign.codes',
      'campaign.codes',
      'campaign.open',
      'campaign.codes',
      'campaign.close',
      'campaign.score',
    ]);
  });

  it('the scored values are the plan’s survey indicator: 20 points × 69 % and × 84 %, traced to the campaign', async () => {
    const run = await ok(as(office, 'POST', `/api/plans/${plan}/evaluate`, { period: '2026-Y' }));
    await ok(releaseRun(env, office, plan, run.id));
    const traceOf = (unit: string) =>
      ok(as(office, 'GET', `/api/plans/${plan}/results/${unit}/trace?period=2026-Y`));
    type Node = { code: string; score: number | null; children?: Node[] };
    const s1 = (nodes: Node[]): Node | undefined =>
      nodes.map((n) => (n.code === 'S1' ? n : s1(n.children ?? []))).find(Boolean);
    const trace = await traceOf('u1');
    expect(s1(trace.components)!.score).toBe(13.8);
    expect(s1((await traceOf('u2')).components)!.score).toBe(16.8);
    expect(trace.sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ indicator: 'S1', field: 'value', kind: 'survey', id: campaign.id, n: 5 }),
      ]),
    );
    expect(trace.sources.find((x: { kind: string }) => x.kind === 'survey').value).toBeCloseTo(69, 6);
  });

  /** A year-end campaign of the public alone, scoring S1 (for the code-level tests). */
  const publicCampaign = (name: string) =>
    ok(
      as(office, 'POST', '/api/survey-campaigns', {
        planId: plan,
        name,
        kind: 'year_end',
        period: '2026-Y',
        indicator: 'S1',
        opensAt: '2026-02-01T00:00:00+08:00',
        closesAt: '2026-03-31T23:59:59+08:00',
        groups: [
          {
            code: 'public',
            name: '群众',
            kind: 'public',
            weight: 1,
            questionnaireId: publicQuestionnaire,
            unitIds: [u1, u2],
          },
        ],
      }),
      201,
    );

  it('200 simultaneous submissions of one code store exactly one ballot', async () => {
    // A second campaign, open, with one public code (PostgreSQL in test:pg; PGlite by default).
    const c2 = await publicCampaign('并发测试');
    const { code } = await openWithOneCode(c2);
    const answers = { units: { u1: 'sat', u2: 'sat' } };
    const replies = await Promise.all(Array.from({ length: 200 }, () => vote(code.code, answers)));
    const status = replies.map((r) => r.statusCode);
    expect(status.filter((s) => s === 201)).toHaveLength(1);
    expect(status.filter((s) => s === 409)).toHaveLength(199);
    const stored = await env.database.query<{ n: number }>(
      `select count(*)::int as n from survey_response where campaign_id = ${c2.id}`,
    );
    expect(stored[0]!.n).toBe(1);
  });

  it('the order of stored ballots says nothing of the order their codes were used in', async () => {
    const c = await publicCampaign('匿名性测试');
    const n = 120;
    const codes = (
      await ok(
        as(office, 'POST', `/api/survey-campaigns/${c.id}/codes`, { groupId: c.groups[0].id, count: n }),
        201,
      )
    ).codes;
    await ok(
      as(office, 'POST', `/api/survey-campaigns/${c.id}/transitions`, { action: 'open', version: c.version }),
    );
    for (const k of codes)
      expect((await vote(k.code, { units: { u1: 'sat', u2: 'basic' } })).statusCode).toBe(201);
    // Insertion order (the rows' physical order in a fresh table) against the order anyone reading
    // the table by its key sees: a Spearman correlation near 0 (|ρ| ≥ 0.4 has odds of about 1 in 50,000).
    const rows = await env.database.query<{ id: string; ctid: string }>(
      `select id::text, ctid::text from survey_response where campaign_id = ${c.id}`,
    );
    const physical = rows
      .map((r) => ({ id: r.id, at: r.ctid.slice(1, -1).split(',').map(Number) as [number, number] }))
      .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
    const byId = [...physical].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => r.id);
    const rankById = new Map(byId.map((id, i) => [id, i]));
    const d2 = physical.reduce((s, r, i) => s + (i - rankById.get(r.id)!) ** 2, 0);
    const rho = 1 - (6 * d2) / (n * (n * n - 1));
    expect(rows).toHaveLength(n);
    expect(Math.abs(rho)).toBeLessThan(0.4);
  });

  it('a rater group may score its own indicator (Wuxi S1 … S4): the campaign then needs none', async () => {
    const base = {
      planId: plan,
      name: '企业评议',
      kind: 'year_end',
      period: '2026-Y',
      opensAt: '2026-02-01T00:00:00+08:00',
      closesAt: '2026-03-31T23:59:59+08:00',
    };
    const group = {
      code: 'firms',
      name: '企业',
      kind: 'enterprises',
      weight: 1,
      minSample: 1,
      questionnaireId: publicQuestionnaire,
      unitIds: [u1, u2],
    };
    // Without an indicator of its own or the campaign's, a group scores nothing: refused.
    const none = await as(office, 'POST', '/api/survey-campaigns', { ...base, groups: [group] });
    expect(none.json().error.details[0]).toMatchObject({
      path: 'groups.0.indicator',
      code: 'survey.indicator_missing',
    });
    let c3 = await ok(
      as(office, 'POST', '/api/survey-campaigns', { ...base, groups: [{ ...group, indicator: 'S2' }] }),
      201,
    );
    const opened = await openWithOneCode(c3);
    const code = opened.code;
    c3 = opened.campaign;
    expect((await vote(code.code, { units: { u1: 'basic', u2: 'unsat' } })).statusCode).toBe(201);
    for (const action of ['close', 'score'])
      c3 = await ok(
        as(office, 'POST', `/api/survey-campaigns/${c3.id}/transitions`, { action, version: c3.version }),
      );
    const results = await ok(as(office, 'GET', `/api/survey-campaigns/${c3.id}/results`));
    expect(
      results.map((r: { indicator: string; unitCode: string; value: number }) => [
        r.indicator,
        r.unitCode,
        r.value,
      ]),
    ).toEqual([
      ['S2', 'u1', 80],
      ['S2', 'u2', 0],
    ]);
    // S2 is 10 points: u1 80 % → 8.
    const run = await ok(as(office, 'POST', `/api/plans/${plan}/evaluate`, { period: '2026-Y' }));
    await ok(releaseRun(env, office, plan, run.id));
    const trace = await ok(as(office, 'GET', `/api/plans/${plan}/results/u1/trace?period=2026-Y`));
    type Node = { code: string; score: number | null; children?: Node[] };
    const find = (nodes: Node[], code: string): Node | undefined =>
      nodes.map((n) => (n.code === code ? n : find(n.children ?? [], code))).find(Boolean);
    expect(find(trace.components, 'S2')!.score).toBe(8);
    expect(find(trace.components, 'S1')!.score).toBe(13.8);
  });

  it('a unit user may not manage campaigns nor read them', async () => {
    await makeUser(env, 'filler1', [{ role: 'unit_filler', scopeType: 'org', orgNodeId: u1 }], u1);
    const filler = await signIn(env, 'filler1');
    expect((await as(filler, 'GET', `/api/survey-campaigns?planId=${plan}`)).statusCode).toBe(403);
    expect(
      (await as(filler, 'POST', `/api/survey-campaigns/${campaign.id}/codes`, { groupId: 1, count: 1 }))
        .statusCode,
    ).toBe(403);
  });
});
