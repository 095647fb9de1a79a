import { satisfactionScale } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { auditActions, makeUser, signIn } from './helpers.js';
import { multipart } from './submissions-fixture.js';
import { surveyCalls, surveySetup } from './survey-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * Paper questionnaires (issue 10 point 5, Z3): a surveyor enters a survey point's sheets, a second
 * surveyor types them again, the difference is resolved, the batch is counted and scores S1.
 * Sheet scores by hand (S12, mean of the rated questions mapped to 0–100; 1–5 → (v − 1) / 4):
 *   #1 满意 100, 5 → 100 → 100;  #2 基本满意 80, 3 → 50 → 65;  #3 不满意 0, 1 → 0 → 0.
 */
describe('paper questionnaires with double entry', () => {
  const env = useTestApp();
  let office = '';
  let alice = '';
  let bob = '';
  let units = { u1: 0, u2: 0 };
  let campaign = { id: 0, planId: 0, version: 0, groups: [] as { id: number }[] };
  let batch = { id: 0, version: 0 };
  const { call, ok, questionnaire, campaign: newCampaign, step } = surveyCalls(env);
  const sheet = (cookie: string, seq: number, pass: 'first' | 'second', answers: object) =>
    call(cookie, 'PUT', `/api/paper-batches/${batch.id}/sheets/${seq}`, { pass, answers });
  const upload = (cookie: string, pass: string, csv: string) => {
    const { payload, headers } = multipart('sheets.csv', csv, 'text/csv');
    return env.app.inject({
      method: 'POST',
      url: `/api/paper-batches/${batch.id}/import?pass=${pass}`,
      headers: { ...headers, cookie },
      payload,
    });
  };

  it('the office opens a campaign with a paper group; surveyors see it and nothing else', async () => {
    const setup = await surveySetup(env);
    office = setup.office;
    units = setup.units;
    const q = await questionnaire(office, '窗口服务调查表', [
      { id: 'overall', type: 'rating', title: '总体满意度', scale: satisfactionScale },
      { id: 'speed', type: 'rating', title: '办事效率', scale: { kind: 'range', min: 1, max: 5 } },
      { id: 'advice', type: 'text', title: '意见建议', required: false },
    ]);
    campaign = await newCampaign(office, {
      planId: setup.plan,
      name: '窗口服务纸质调查',
      kind: 'mid_year',
      indicator: 'S1',
      groups: [
        {
          code: 'hall',
          name: '办事群众',
          kind: 'service_objects',
          weight: 1,
          minSample: 2,
          questionnaireId: q.id,
          unitIds: [units.u1, units.u2],
          channel: 'paper',
        },
      ],
    });
    campaign = await step(office, campaign, 'open');
    await makeUser(env, 'alice', [{ role: 'surveyor', scopeType: 'global' }]);
    await makeUser(env, 'bob', [{ role: 'surveyor', scopeType: 'global' }]);
    alice = await signIn(env, 'alice');
    bob = await signIn(env, 'bob');
    const list = await ok(call(alice, 'GET', '/api/paper-campaigns'));
    expect(list.map((c: { name: string }) => c.name)).toEqual(['窗口服务纸质调查']);
    expect(list[0].groups[0].units.map((u: { code: string }) => u.code).sort()).toEqual(['u1', 'u2']);
    // A surveyor enters paper, nothing else.
    expect((await call(alice, 'GET', `/api/survey-campaigns?planId=${campaign.planId}`)).statusCode).toBe(
      403,
    );
  });

  it('a batch is for a paper group and one of its units', async () => {
    const body = {
      campaignId: campaign.id,
      groupId: campaign.groups[0]!.id,
      surveyPoint: '市民中心',
      doubleEntry: true,
    };
    const stranger = await call(alice, 'POST', '/api/paper-batches', { ...body, unitId: 999_999 });
    expect(stranger.json().error.details[0]).toMatchObject({
      path: 'unitId',
      code: 'paper.unit_not_in_group',
    });
    batch = await ok(call(alice, 'POST', '/api/paper-batches', { ...body, unitId: units.u1 }), 201);
    expect(batch).toMatchObject({ status: 'entering', doubleEntry: true, sheets: 0, unit: { code: 'u1' } });
  });

  it('first entry by one surveyor, second by another; a difference is a mismatch until resolved', async () => {
    expect((await sheet(alice, 1, 'first', { overall: 'sat', speed: 5 })).statusCode).toBe(200);
    expect((await sheet(alice, 2, 'first', { overall: 'basic', speed: 3 })).statusCode).toBe(200);
    expect(
      (await sheet(alice, 3, 'first', { overall: 'unsat', speed: 1, advice: '窗口太少' })).statusCode,
    ).toBe(200);
    // A sheet is checked like a ballot: a value off the scale is named, nothing is written.
    const off = await sheet(alice, 4, 'first', { overall: 'sat', speed: 9 });
    expect(off.json().error.details[0]).toMatchObject({ path: 'answers.speed', code: 'survey.out_of_range' });
    // The second entry must be somebody else's.
    const own = await sheet(alice, 1, 'second', { overall: 'sat', speed: 5 });
    expect(own.json().error.details[0]).toMatchObject({ path: 'pass', code: 'paper.same_surveyor' });
    await ok(sheet(bob, 1, 'second', { speed: 5, overall: 'sat' }));
    const typo = await ok(sheet(bob, 2, 'second', { overall: 'sat', speed: 3 }));
    expect(typo.sheetList.map((s: { seq: number; mismatch: boolean }) => [s.seq, s.mismatch])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    const early = await call(office, 'POST', `/api/paper-batches/${batch.id}/count`, {
      version: typo.version,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toMatchObject({
      code: 'paper.not_ready',
      params: { sheets: 3, missing: 1, mismatches: 1 },
    });
  });

  it('a spreadsheet of sheets is taken whole or not at all, with its problems by line and column', async () => {
    const bad = await upload(bob, 'second', 'seq,overall,bogus\n3,很好,x\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'paper.unknown_column',
          params: expect.objectContaining({ line: 1, column: 'bogus' }),
        }),
        expect.objectContaining({
          code: 'paper.unknown_option',
          params: expect.objectContaining({ line: 2, value: '很好' }),
        }),
      ]),
    );
    const still = await ok(call(bob, 'GET', `/api/paper-batches/${batch.id}`));
    expect(still.sheetList.find((s: { seq: number }) => s.seq === 3).second).toBeNull();
    // Labels as printed on the paper, or codes: both are read.
    const good = await ok(upload(bob, 'second', '序号,overall,speed,advice\n3,不满意,1,窗口太少\n'));
    expect(good.sheetList.find((s: { seq: number }) => s.seq === 3)).toMatchObject({
      second: { overall: 'unsat', speed: 1, advice: '窗口太少' },
      mismatch: false,
    });
  });

  it('resolved and counted, the three sheets are ballots: S1 of u1 = (100 + 65 + 0) / 3 = 55', async () => {
    // The paper sheet #2 reads 基本满意: the office decides so.
    const resolved = await ok(
      call(office, 'POST', `/api/paper-batches/${batch.id}/sheets/2/resolve`, {
        answers: { overall: 'basic', speed: 3 },
      }),
    );
    expect(resolved.mismatches).toBe(0);
    const counted = await ok(
      call(alice, 'POST', `/api/paper-batches/${batch.id}/count`, { version: resolved.version }),
    );
    expect(counted).toMatchObject({ status: 'counted', countedBy: 'alice' });
    const rows = await env.database.query<{
      channel: string;
      unit_id: number;
      scores: Record<string, number>;
    }>('select channel, unit_id, scores from survey_response order by (scores->>unit_id::text)::numeric');
    expect(rows.map((r) => [r.channel, r.unit_id, r.scores[String(units.u1)]])).toEqual([
      ['paper', units.u1, 0],
      ['paper', units.u1, 65],
      ['paper', units.u1, 100],
    ]);
    // Counted is final: no more entries.
    const late = await sheet(bob, 4, 'first', { overall: 'sat', speed: 5 });
    expect(late.json().error.details).toMatchObject({ code: 'paper.batch_counted' });
    for (const action of ['close', 'score']) campaign = await step(office, campaign, action);
    const results = await ok(call(office, 'GET', `/api/survey-campaigns/${campaign.id}/results`));
    expect(
      results.map((r: { unitCode: string; value: number | null; n: number }) => [r.unitCode, r.value, r.n]),
    ).toEqual([
      ['u1', 55, 3],
      ['u2', null, 0],
    ]);
    // Every entry is on the record with its surveyor.
    expect(await auditActions(env, "object_type = 'paper_batch'")).toEqual(
      expect.arrayContaining([
        'paper.create',
        'paper.first',
        'paper.second',
        'paper.import_second',
        'paper.resolve',
        'paper.count',
      ]),
    );
  });
});
