import { satisfactionScale } from '@jixiao/contracts';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditActions, makeUser, signIn } from './helpers.js';
import { surveyCalls, surveySetup } from './survey-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * Comments (issue 10 point 7, H9): a campaign's open answers become comments when it closes,
 * classified by the office's keyword rules and by the unit a text names; the office dispatches,
 * the unit answers, the office returns or closes; counts and an .xlsx list.
 */
describe('comments from ballots to the units', () => {
  const env = useTestApp();
  let office = '';
  let units = { u1: 0, u2: 0 };
  let comments: {
    id: number;
    text: string;
    version: number;
    unit: { code: string } | null;
    topic: string | null;
  }[] = [];
  const { call, ok, questionnaire, campaign, step: campaignStep } = surveyCalls(env);
  const step = (cookie: string, id: number, body: object) =>
    call(cookie, 'POST', `/api/survey-comments/${id}/steps`, body);
  const byText = (t: string) => comments.find((c) => c.text === t)!;

  it('open answers become comments when the campaign closes, classified by the office’s rules', async () => {
    const setup = await surveySetup(env);
    office = setup.office;
    units = setup.units;
    await ok(
      call(office, 'PUT', '/api/comment-topics', [
        { code: 'efficiency', name: '办事效率', keywords: ['排队', '效率'] },
        { code: 'attitude', name: '服务态度', keywords: ['态度'] },
      ]),
    );
    const q = await questionnaire(office, '群众评议表', [
      { id: 'units', type: 'matrix', title: '各单位', scale: satisfactionScale, rows: { source: 'units' } },
      { id: 'advice', type: 'text', title: '意见建议', required: false },
    ]);
    let c = await campaign(office, {
      planId: setup.plan,
      name: '年终评议',
      indicator: 'S1',
      groups: [
        {
          code: 'pub',
          name: '群众',
          kind: 'public',
          weight: 1,
          questionnaireId: q.id,
          unitIds: [units.u1, units.u2],
        },
      ],
    });
    const { codes } = await ok(
      call(office, 'POST', `/api/survey-campaigns/${c.id}/codes`, { groupId: c.groups[0].id, count: 3 }),
      201,
    );
    c = await campaignStep(office, c, 'open');
    const rate = { u1: 'sat', u2: 'basic' };
    for (const [code, advice] of [
      [codes[0].code, '一号局窗口排队太久，效率要提高'],
      [codes[1].code, '工作人员态度很好'],
      [codes[2].code, undefined],
    ])
      await ok(
        call(null, 'POST', '/api/ballot', { code, answers: { units: rate, ...(advice ? { advice } : {}) } }),
        201,
      );
    expect(await ok(call(office, 'GET', `/api/survey-comments?campaignId=${c.id}`))).toEqual([]);
    await campaignStep(office, c, 'close');
    comments = await ok(call(office, 'GET', `/api/survey-comments?campaignId=${c.id}`));
    expect(comments.map((x) => [x.text, x.unit?.code ?? null, x.topic]).sort()).toEqual([
      ['一号局窗口排队太久，效率要提高', 'u1', 'efficiency'], // 2 keywords; names 一号局
      ['工作人员态度很好', null, 'attitude'],
    ]);
    // Nothing in a comment leads back to its ballot.
    const cols = await env.database.query<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name = 'survey_comment'",
    );
    expect(cols.map((x) => x.column_name)).not.toEqual(expect.arrayContaining(['response_id']));
    expect((await env.database.query('select id from survey_response where not comments_taken')).length).toBe(
      0,
    );
  });

  it('the office dispatches; only that unit sees it and answers; the office returns, then closes', async () => {
    await makeUser(env, 'f1', [{ role: 'unit_filler', scopeType: 'org', orgNodeId: units.u1 }], units.u1);
    await makeUser(env, 'f2', [{ role: 'unit_filler', scopeType: 'org', orgNodeId: units.u2 }], units.u2);
    const f1 = await signIn(env, 'f1');
    const f2 = await signIn(env, 'f2');
    // Not yet sent: the unit sees nothing.
    expect(await ok(call(f1, 'GET', '/api/survey-comments'))).toEqual([]);
    const queue = byText('一号局窗口排队太久，效率要提高');
    const polite = byText('工作人员态度很好');
    // A comment without a unit cannot be sent; the office assigns it (manual override) first.
    const noUnit = await step(office, polite.id, { action: 'dispatch', version: polite.version });
    expect(noUnit.json().error.details).toMatchObject({ code: 'comment.no_unit' });
    const assigned = await ok(
      step(office, polite.id, {
        action: 'classify',
        unitId: units.u2,
        topic: 'attitude',
        version: polite.version,
      }),
    );
    expect(assigned).toMatchObject({ classifiedBy: 'manual', unit: { code: 'u2' } });
    const sent = await ok(step(office, queue.id, { action: 'dispatch', version: queue.version }));
    expect((await ok(call(f1, 'GET', '/api/survey-comments'))).map((x: { id: number }) => x.id)).toEqual([
      queue.id,
    ]);
    expect(await ok(call(f2, 'GET', '/api/survey-comments'))).toEqual([]); // u2's is not sent yet
    // Another unit cannot answer it; its own unit does.
    expect(
      (await step(f2, queue.id, { action: 'answer', answer: 'x', version: sent.version })).statusCode,
    ).toBe(404);
    const answered = await ok(
      step(f1, queue.id, { action: 'answer', answer: '增设两个窗口，推行预约办理', version: sent.version }),
    );
    expect(answered).toMatchObject({ status: 'answered', answeredBy: 'f1' });
    // The unit cannot close its own comment.
    expect((await step(f1, queue.id, { action: 'close', version: answered.version })).statusCode).toBe(403);
    const returned = await ok(
      step(office, queue.id, { action: 'return', note: '请写明完成时限', version: answered.version }),
    );
    const again = await ok(
      step(f1, queue.id, { action: 'answer', answer: '6 月底前增设两个窗口', version: returned.version }),
    );
    const stale = await step(office, queue.id, { action: 'close', version: returned.version });
    expect(stale.statusCode).toBe(409);
    const closed = await ok(step(office, queue.id, { action: 'close', version: again.version }));
    expect(closed).toMatchObject({
      status: 'closed',
      answer: '6 月底前增设两个窗口',
      officeNote: '请写明完成时限',
    });
    expect(await auditActions(env, "object_type = 'survey_comment'")).toEqual([
      'comment.classify',
      'comment.dispatch',
      'comment.answer',
      'comment.return',
      'comment.answer',
      'comment.close',
    ]);
  });

  it('counts per unit and topic, and the list as .xlsx with Chinese headers', async () => {
    const stats = await ok(call(office, 'GET', '/api/survey-comments/stats'));
    expect(
      stats.map((s: { unitName: string; topic: string; total: number; open: number }) => [
        s.unitName,
        s.topic,
        s.total,
        s.open,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['一号局', 'efficiency', 1, 0],
        ['二号局', 'attitude', 1, 1],
      ]),
    );
    const res = await call(office, 'GET', '/api/survey-comments/export');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(6).value).toBe('意见内容');
    const texts = [2, 3].map((r) => ws.getRow(r).getCell(6).value);
    expect(texts.sort()).toEqual(['一号局窗口排队太久，效率要提高', '工作人员态度很好']);
    // A role with no part in comments is refused.
    await makeUser(env, 'watch', [{ role: 'observer', scopeType: 'global' }]);
    expect((await call(await signIn(env, 'watch'), 'GET', '/api/survey-comments')).statusCode).toBe(403);
  });
});
