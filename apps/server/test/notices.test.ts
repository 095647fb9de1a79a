import { beforeAll, describe, expect, it } from 'vitest';
import { allowedActions, nextStatus } from '../src/modules/notices/notice-state.js';
import { generateReminders } from '../src/modules/notices/reminders.js';
import { importForSeed } from '../src/modules/supervision/supervision.service.js';
import { systemCtx } from '../src/platform/context.js';
import { auditActions, makeUser, signIn } from './helpers.js';
import { buildCycle, type CycleFixture, fixtureItems } from './notices-fixture.js';
import { useTestApp } from './use-app.js';

describe('notice state machine (pure)', () => {
  it('follows filed → open → acknowledged → answered → closed, with escalation', () => {
    expect(nextStatus('filed', 'route')).toBe('open');
    expect(nextStatus('open', 'acknowledge')).toBe('acknowledged');
    expect(nextStatus('acknowledged', 'answer')).toBe('answered');
    expect(nextStatus('open', 'answer')).toBe('answered');
    expect(nextStatus('answered', 'close')).toBe('closed');
    expect(nextStatus('acknowledged', 'escalate')).toBe('escalated');
  });
  it('refuses what does not follow', () => {
    expect(nextStatus('filed', 'acknowledge')).toBeNull();
    expect(nextStatus('closed', 'answer')).toBeNull();
    expect(nextStatus('escalated', 'close')).toBeNull();
    expect(nextStatus('open', 'route')).toBeNull();
    expect(nextStatus('answered', 'acknowledge')).toBeNull();
    expect(allowedActions('closed')).toEqual([]);
    expect(allowedActions('open')).toEqual(['acknowledge', 'answer', 'close', 'escalate']);
  });
});

describe('notices, reminders, observations and announcements', () => {
  const env = useTestApp();
  let f: CycleFixture;
  let u1: string;
  let u2: string;
  let watcher: string;
  let u1Id: number;

  beforeAll(async () => {
    f = await buildCycle(env);
    await env.database.db.transaction((tx) =>
      importForSeed(env.deps, tx, systemCtx, f.plan, 'dcgl', fixtureItems),
    );
    u1Id = (
      await makeUser(
        env,
        'u1filler',
        [{ role: 'unit_filler', scopeType: 'org', orgNodeId: f.unit1 }],
        f.unit1,
      )
    ).id;
    await makeUser(env, 'u2admin', [{ role: 'unit_admin', scopeType: 'org', orgNodeId: f.unit2 }], f.unit2);
    await makeUser(env, 'watcher', [{ role: 'observer', scopeType: 'global' }]);
    u1 = await signIn(env, 'u1filler');
    u2 = await signIn(env, 'u2admin');
    watcher = await signIn(env, 'watcher');
  });

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    env.app.inject({ method, url, headers: { cookie }, payload });
  const reminders = async () =>
    env.database.query<{ unit_id: number; indicator: string }>(
      "select unit_id, indicator from notice where kind = 'reminder' order by unit_id, indicator",
    );

  it('creates one reminder per lagging item and never twice', async () => {
    // Lagging at M06 (fixture): u1 I1, u1 P, u2 I1, u2 K.
    expect(await generateReminders(env.deps, f.plan, '2026-M06')).toEqual({ lagging: 4, created: 4 });
    const r = await call(f.office, 'POST', '/api/notices/reminders/run', {
      planId: f.plan,
      period: '2026-M06',
    });
    expect(r.json()).toEqual({ lagging: 4, created: 0 });
    expect((await reminders()).map((n) => `${n.unit_id === f.unit1 ? 'u1' : 'u2'}/${n.indicator}`)).toEqual([
      'u1/I1',
      'u1/P',
      'u2/I1',
      'u2/K',
    ]);
    // u1's filler got one to-do for its two new reminders, not one per reminder, and not twice.
    const todos = await env.database.query<{ title: string }>(
      "select title from notification where user_id = $1 and kind = 'reminder'",
      [u1Id],
    );
    expect(todos.map((t) => t.title)).toEqual(['提醒单：2 项指标滞后于序时进度']);
    // Each reminder travels as { code, params } (the web renders it in the reader's language) and
    // keeps its zh-CN text as the document's.
    const list = (await call(u1, 'GET', '/api/notices?kind=reminder')).json().items;
    const i1 = list.find((n: { indicator: string }) => n.indicator === 'I1');
    expect(i1.message.code).toMatch(/^reminder\.indicator(Serious)?$/);
    expect(i1.message.params).toMatchObject({ indicator: 'I1', month: 6 });
    const { actual, expected, percent, indicatorName } = i1.message.params;
    expect(percent).toBe(Math.round((actual / expected) * 1000) / 10);
    expect(i1.title).toContain(`提醒单：${indicatorName}`);
    expect(i1.body).toContain(`累计完成 ${actual}，序时目标 ${expected}（完成 ${percent}%）`);
  });

  it('a unit sees only its own notices; another unit’s notice is 404', async () => {
    const mine = (await call(u1, 'GET', '/api/notices')).json();
    expect(mine.total).toBe(2);
    const other = (await call(u2, 'GET', '/api/notices')).json().items[0].id;
    expect((await call(u1, 'GET', `/api/notices/${other}`)).statusCode).toBe(404);
    expect((await call(u1, 'POST', `/api/notices/${other}/acknowledge`, { version: 1 })).statusCode).toBe(
      404,
    );
  });

  it('urging notice: issue, acknowledge, answer with measures, stale version → 409, close', async () => {
    const bad = await call(f.office, 'POST', '/api/notices', {
      planId: f.plan,
      unitId: 999999,
      indicator: 'I1',
      title: '催办',
      body: '请加快',
      dueDate: '2026-07-15',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('unitId');
    const issued = await call(f.office, 'POST', '/api/notices', {
      planId: f.plan,
      unitId: f.unit1,
      indicator: 'I1',
      title: '主要任务进度催办',
      body: '请加快推进',
      dueDate: '2026-07-15',
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const n = issued.json();
    expect(n).toMatchObject({ kind: 'urging', status: 'open', version: 1 });
    const ack = await call(u1, 'POST', `/api/notices/${n.id}/acknowledge`, { version: 1 });
    expect(ack.json()).toMatchObject({ status: 'acknowledged', version: 2 });
    // Someone answering from the version they read before the acknowledgement gets 409.
    const stale = await call(u1, 'POST', `/api/notices/${n.id}/answer`, { version: 1, answer: '整改措施' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const ans = await call(u1, 'POST', `/api/notices/${n.id}/answer`, {
      version: 2,
      answer: '已制定整改措施：每周调度',
    });
    expect(ans.json()).toMatchObject({
      status: 'answered',
      answer: '已制定整改措施：每周调度',
      answeredBy: 'u1filler',
    });
    // The unit cannot close; the office can. A closed notice cannot be answered again (409).
    expect((await call(u1, 'POST', `/api/notices/${n.id}/close`, { version: 3 })).statusCode).toBe(403);
    expect((await call(f.office, 'POST', `/api/notices/${n.id}/close`, { version: 3 })).json().status).toBe(
      'closed',
    );
    expect(
      (await call(u1, 'POST', `/api/notices/${n.id}/answer`, { version: 4, answer: 'x' })).statusCode,
    ).toBe(409);
    expect(await auditActions(env, "object_type = 'notice' and object_id = $1", [String(n.id)])).toEqual([
      'notice.issue',
      'notice.acknowledge',
      'notice.answer',
      'notice.close',
    ]);
  });

  it('serious delay becomes an accountability proposal', async () => {
    const list = (await call(f.office, 'GET', `/api/notices?kind=reminder&unitId=${f.unit2}`)).json();
    const k = list.items.find((i: { indicator: string }) => i.indicator === 'K');
    const noReason = await call(f.office, 'POST', `/api/notices/${k.id}/escalate`, { version: k.version });
    expect(noReason.statusCode).toBe(400);
    const r = await call(f.office, 'POST', `/api/notices/${k.id}/escalate`, {
      version: k.version,
      reason: '重点工作严重滞后',
    });
    expect(r.json()).toMatchObject({ status: 'escalated', proposal: { reason: '重点工作严重滞后' } });
    const rows = await env.database.query<{ unit_id: number }>('select unit_id from accountability_proposal');
    expect(rows).toEqual([{ unit_id: f.unit2 }]);
  });

  it('an observer files an observation; the office routes it; the unit answers; the observer follows only its own', async () => {
    const filed = await call(watcher, 'POST', '/api/observations', {
      unitId: f.unit1,
      title: '窗口服务',
      body: '窗口等候时间较长',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const o = filed.json();
    expect(o.status).toBe('filed');
    // Not yet routed: the unit cannot act on it.
    expect((await call(u1, 'POST', `/api/notices/${o.id}/acknowledge`, { version: 1 })).statusCode).toBe(409);
    const routed = await call(f.office, 'POST', `/api/notices/${o.id}/route`, { version: 1 });
    expect(routed.json().status).toBe('open');
    const ans = await call(u1, 'POST', `/api/notices/${o.id}/answer`, { version: 2, answer: '增设窗口' });
    expect(ans.json().status).toBe('answered');
    const seen = (await call(watcher, 'GET', '/api/notices')).json();
    expect(seen.items.map((i: { id: number }) => i.id)).toEqual([o.id]);
    expect((await call(watcher, 'POST', '/api/notices', {})).statusCode).toBe(403);
  });

  it('announcements go to all units or chosen ones, with a bell notification', async () => {
    const all = await call(f.office, 'POST', '/api/announcements', {
      title: '全体通知',
      body: '半年考核安排',
    });
    expect(all.statusCode, all.body).toBe(201);
    const some = await call(f.office, 'POST', '/api/announcements', {
      title: '二号局',
      body: '专项',
      unitIds: [f.unit2],
    });
    expect(some.statusCode).toBe(201);
    const bad = await call(f.office, 'POST', '/api/announcements', {
      title: 'x',
      body: 'y',
      unitIds: [999999],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('unitIds');
    const titles = async (c: string) =>
      (await call(c, 'GET', '/api/announcements')).json().map((a: { title: string }) => a.title);
    expect(await titles(u1)).toEqual(['全体通知']);
    expect((await titles(u2)).sort()).toEqual(['二号局', '全体通知'].sort());
    expect((await call(u1, 'POST', '/api/announcements', { title: 'x', body: 'y' })).statusCode).toBe(403);
    const bell = await env.database.query<{ title: string }>(
      "select title from notification where user_id = $1 and kind = 'announcement'",
      [u1Id],
    );
    expect(bell.map((b) => b.title)).toEqual(['公告：全体通知']);
  });
});
