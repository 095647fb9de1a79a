import { beforeAll, describe, expect, it } from 'vitest';
import { fillCycle } from './cycle-data.js';
import { auditActions, errorDetail, jsonOf, makeUser, signIn } from './helpers.js';
import { activePlan, buildOrg, injectAsUser, leaderCookie, officeCookie, releaseRun } from './org-fixture.js';
import { tinyInput, tinyPlan } from './plans-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * Rectification (issue 11 point 8) and units rating the lead departments (S14, point 9).
 * Tiny plan (I1 60 points, I2 40, completion), released:
 *   u1: I1 90/100·60 = 54 (lost 10 %), I2 40/50·40 = 32 (lost 20 %)
 *   u2: 60, 40 (lost nothing)
 *   u3: I1 60/100·60 = 36 (lost 40 %), I2 35/50·40 = 28 (lost 30 %)
 * Lead departments: u3 (lead3 holds I1), u2 (lead2 holds I2).
 */
describe('rectification tasks and rating the lead departments', () => {
  const env = useTestApp();
  const who: Record<string, string> = {};
  let org: Awaited<ReturnType<typeof buildOrg<'u1' | 'u2' | 'u3'>>>;
  let runId: number;
  const call = injectAsUser(() => env, who);
  const ok = jsonOf;
  const names: Record<string, string> = {
    office: 'office',
    leader: 'leader1',
    u1: 'u1admin',
    u2: 'u2admin',
    u3: 'u3admin',
    lead2: 'lead2',
  };
  /** Move the clock; everyone signs in again (a jump of days ends idle sessions). */
  const at = async (iso: string, ...users: string[]) => {
    env.clock.now = new Date(iso);
    for (const k of users) who[k] = await signIn(env, names[k]!);
  };

  beforeAll(async () => {
    who.office = await officeCookie(env);
    who.leader = await leaderCookie(env);
    org = await buildOrg(env, who.office, { u1: '一号局', u2: '二号局', u3: '三号局' }, '市');
    for (const u of ['u1', 'u2', 'u3'] as const) {
      await makeUser(
        env,
        `${u}admin`,
        [{ role: 'unit_admin', scopeType: 'org', orgNodeId: org.units[u] }],
        org.units[u],
      );
      who[u] = await signIn(env, `${u}admin`);
    }
    await makeUser(env, 'lead3', [{ role: 'assessor', scopeType: 'indicators', refs: ['I1'] }], org.units.u3);
    await makeUser(env, 'lead2', [{ role: 'assessor', scopeType: 'indicators', refs: ['I2'] }], org.units.u2);
    who.lead2 = await signIn(env, 'lead2');
    const plan = await activePlan(env, who.office, {
      systemId: org.system,
      name: '小方案',
      document: tinyPlan(),
    });
    await fillCycle(
      env,
      plan,
      tinyInput('2026-Y', { u1: [90, 100, 40, 50], u2: [100, 100, 50, 50], u3: [60, 100, 35, 50] }),
    );
    runId = (await ok(call('office', 'POST', `/api/plans/${plan}/evaluate`, { period: '2026-Y' }))).id;
  });

  it('bulk tasks come only from a released run: every indicator a unit lost more than the share of', async () => {
    const early = await call('office', 'POST', '/api/rectifications/from-run', {
      runId,
      minLostShare: 0.15,
      deadline: '2026-03-31',
    });
    expect(early.statusCode).toBe(400);
    expect(errorDetail(early)).toMatchObject({ path: 'runId', code: 'rectification.run_not_released' });
  });

  it('creates one task per weak (unit, indicator), once per run, with the numbers in its weakness', async () => {
    const plans = await env.database.query<{ plan_id: number }>(
      'select plan_id from evaluation_run where id = $1',
      [runId],
    );
    expect((await releaseRun(env, who.office!, plans[0]!.plan_id, runId)).statusCode).toBe(200);
    const body = { runId, minLostShare: 0.15, deadline: '2026-03-31', measures: '查找原因，限期提升' };
    // u1 I2 (20 %), u3 I1 (40 %), u3 I2 (30 %); u1 I1 (10 %) is under the share.
    expect(await ok(call('office', 'POST', '/api/rectifications/from-run', body), 201)).toEqual({
      created: 3,
      skipped: 0,
    });
    expect(await ok(call('office', 'POST', '/api/rectifications/from-run', body), 201)).toEqual({
      created: 0,
      skipped: 3,
    });
    const all = await ok(call('office', 'GET', '/api/rectifications?sourceKind=result'));
    expect(
      all
        .map((t: { unitCode: string; source: { refKey: string } }) => `${t.unitCode}/${t.source.refKey}`)
        .sort(),
    ).toEqual(['u1/I2', 'u3/I1', 'u3/I2']);
    const u1 = all.find((t: { unitCode: string }) => t.unitCode === 'u1');
    expect(u1).toMatchObject({
      title: '重点项目完成率',
      status: 'open',
      deadline: '2026-03-31',
      overdue: false,
      weakness: {
        code: 'rectification.weakness.result',
        params: { indicator: 'I2', score: 32, full: 40, lostShare: 0.2, minLostShare: 0.15 },
      },
      can: { report: false, close: false, return: false },
    });
    // The unit has a to-do that links to its task.
    const todos = await ok(call('u1', 'GET', '/api/notifications?filter=todo'));
    expect(todos.items[0]).toMatchObject({
      kind: 'rectification',
      link: `/rectifications?id=${u1.id}`,
      todo: true,
    });
  });

  it("a unit sees and reports on its own tasks only (another unit's: 404, like one that does not exist); the office closes once (409 after)", async () => {
    const mine = await ok(call('u1', 'GET', '/api/rectifications'));
    expect(mine).toHaveLength(1);
    const t = mine[0];
    expect(t.can).toEqual({ report: true, close: false, return: false });
    const other = await call('u2', 'GET', `/api/rectifications/${t.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual((await call('u2', 'GET', '/api/rectifications/999999')).json());
    const report = { action: 'report', percent: 60, text: '已制定提升方案', version: t.version };
    expect((await call('u2', 'POST', `/api/rectifications/${t.id}/steps`, report)).statusCode).toBe(404);
    expect(await ok(call('u2', 'GET', '/api/rectifications'))).toEqual([]);
    // The office may not report for the unit, and nothing can be closed before a report.
    expect(
      (
        await call('office', 'POST', `/api/rectifications/${t.id}/steps`, {
          action: 'close',
          version: t.version,
        })
      ).statusCode,
    ).toBe(409);
    const reported = await ok(call('u1', 'POST', `/api/rectifications/${t.id}/steps`, report));
    expect(reported).toMatchObject({
      status: 'reported',
      progress: 60,
      reports: [{ percent: 60, text: '已制定提升方案', reportedBy: 'u1admin' }],
    });
    // A stale version is refused.
    expect((await call('u1', 'POST', `/api/rectifications/${t.id}/steps`, report)).statusCode).toBe(409);
    const officeTodos = await ok(call('office', 'GET', '/api/notifications?filter=todo'));
    expect(officeTodos.items[0].title).toContain('60%');
    // Sent back with a reason, reported again, closed.
    const back = await ok(
      call('office', 'POST', `/api/rectifications/${t.id}/steps`, {
        action: 'return',
        reason: '缺少佐证',
        version: reported.version,
      }),
    );
    expect(back).toMatchObject({ status: 'returned', returnReason: '缺少佐证' });
    const again = await ok(
      call('u1', 'POST', `/api/rectifications/${t.id}/steps`, {
        action: 'report',
        percent: 100,
        text: '已完成',
        version: back.version,
      }),
    );
    expect(again).toMatchObject({ status: 'reported', progress: 100, returnReason: null });
    expect(again.reports.map((r: { percent: number }) => r.percent)).toEqual([60, 100]);
    const close = { action: 'close', note: '整改到位', version: again.version };
    const closed = await ok(call('office', 'POST', `/api/rectifications/${t.id}/steps`, close));
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'office', closeNote: '整改到位' });
    const twice = await call('office', 'POST', `/api/rectifications/${t.id}/steps`, {
      ...close,
      version: closed.version,
    });
    expect(twice.statusCode).toBe(409);
    expect(errorDetail(twice)).toMatchObject({
      code: 'rectification.state',
      params: { status: 'closed', action: 'close' },
    });
    expect(
      await auditActions(env, "object_type = 'rectification_task' and object_id = $1", [String(t.id)]),
    ).toEqual([
      'rectification.create',
      'rectification.report',
      'rectification.return',
      'rectification.report',
      'rectification.close',
    ]);
    // Leaders read everything and change nothing.
    expect((await ok(call('leader', 'GET', '/api/rectifications'))).length).toBe(3);
    expect((await call('leader', 'POST', '/api/rectifications', {})).statusCode).toBe(403);
  });

  it('manual tasks need a unit; overdue is derived from the Beijing deadline and reminded once', async () => {
    const missing = await call('office', 'POST', '/api/rectifications', {
      source: { kind: 'manual' },
      title: '台账不全',
      deadline: '2026-03-05',
    });
    expect(missing.statusCode).toBe(400);
    expect(errorDetail(missing)).toMatchObject({ path: 'unitId', code: 'rectification.unit_required' });
    const t = await ok(
      call('office', 'POST', '/api/rectifications', {
        source: { kind: 'manual' },
        unitId: org.units.u2,
        title: '台账不全',
        note: '检查发现台账缺失',
        deadline: '2026-03-05',
      }),
      201,
    );
    expect(t).toMatchObject({
      unitCode: 'u2',
      weakness: { code: 'rectification.weakness.manual', note: '检查发现台账缺失' },
      overdue: false,
    });
    // 2026-03-05 23:59 Beijing is 15:59 UTC: still in time; a minute later, overdue.
    await at('2026-03-05T15:59:00Z', 'office', 'u2');
    expect((await ok(call('office', 'GET', `/api/rectifications/${t.id}`))).overdue).toBe(false);
    env.clock.now = new Date('2026-03-05T16:01:00Z');
    expect((await ok(call('office', 'GET', `/api/rectifications/${t.id}`))).overdue).toBe(true);
    const late = await ok(call('office', 'GET', '/api/rectifications?overdue=true'));
    expect(late.map((x: { id: number }) => x.id)).toEqual([t.id]);
    expect(await ok(call('office', 'POST', '/api/rectifications/remind-overdue'))).toEqual({ reminded: 1 });
    expect(await ok(call('office', 'POST', '/api/rectifications/remind-overdue'))).toEqual({ reminded: 0 });
    const todos = await ok(call('u2', 'GET', '/api/notifications?filter=todo'));
    expect(todos.items[0]).toMatchObject({ kind: 'rectification', link: `/rectifications?id=${t.id}` });
    expect(todos.items[0].title).toContain('逾期');
  });

  it('rating the lead departments: own department 400, after close 409; a poor result makes a task; two poor years flag it', async () => {
    // Still 2026-03-06 00:01 Beijing time: those who rate sign in again after the jump.
    await at('2026-03-05T16:01:00Z', 'u1', 'u3', 'lead2', 'leader');
    const leads = await ok(call('office', 'GET', `/api/lead-departments?systemId=${org.system}`));
    expect(
      leads.map((d: { unitCode: string; indicators: string[] }) => `${d.unitCode}:${d.indicators}`).sort(),
    ).toEqual(['u2:I2', 'u3:I1']);
    const r25 = await ok(
      call('office', 'POST', '/api/rating-rounds', { systemId: org.system, year: 2025, threshold: 80 }),
      201,
    );
    expect(r25).toMatchObject({
      status: 'open',
      criteria: ['method', 'procedure', 'discipline', 'fairness'],
      rectifyDeadline: '2026-06-30',
    });
    expect(
      (await call('office', 'POST', '/api/rating-rounds', { systemId: org.system, year: 2025 })).statusCode,
    ).toBe(409);
    const rate = (u: string, round: number, dept: 'u2' | 'u3', s: number[]) =>
      call(u, 'PUT', `/api/rating-rounds/${round}/ratings/${org.units[dept]}`, {
        method: s[0],
        procedure: s[1],
        discipline: s[2],
        fairness: s[3],
      });
    const self = await rate('u2', r25.id, 'u2', [90, 90, 90, 90]);
    expect(self.statusCode).toBe(400);
    expect(errorDetail(self)).toMatchObject({ path: 'departmentId', code: 'rating.self' });
    expect((await rate('lead2', r25.id, 'u3', [90, 90, 90, 90])).statusCode).toBe(403);
    // u1 first rates u2 at 50, then changes its mind (editable while open).
    await ok(rate('u1', r25.id, 'u2', [50, 50, 50, 50]));
    const mine = await ok(rate('u1', r25.id, 'u2', [70, 70, 70, 70]));
    expect(mine.mine[String(org.units.u2)]).toMatchObject({ method: 70, fairness: 70 });
    await ok(rate('u3', r25.id, 'u2', [60, 80, 70, 90]));
    await ok(rate('u1', r25.id, 'u3', [90, 90, 90, 90]));
    await ok(rate('u2', r25.id, 'u3', [80, 85, 90, 95]));
    const closed = await ok(
      call('office', 'POST', `/api/rating-rounds/${r25.id}/close`, { version: r25.version }),
    );
    // u2: method (70+60)/2 = 65, procedure 75, discipline 70, fairness 80; overall 580/8 = 72.5 < 80 → poor.
    // u3: 85, 87.5, 90, 92.5; overall 710/8 = 88.75.
    const res = (round: { results: { unitCode: string; taskId: number }[] }, code: string) =>
      round.results.find((d) => d.unitCode === code);
    expect(res(closed, 'u2')).toMatchObject({
      raters: 2,
      means: { method: 65, procedure: 75, discipline: 70, fairness: 80 },
      overall: 72.5,
      poor: true,
      poorLastYear: false,
      losesLeadAuthority: false,
    });
    expect(res(closed, 'u3')).toMatchObject({
      raters: 2,
      means: { method: 85, procedure: 87.5, discipline: 90, fairness: 92.5 },
      overall: 88.75,
      poor: false,
    });
    const after = await rate('u1', r25.id, 'u2', [90, 90, 90, 90]);
    expect(after.statusCode).toBe(409);
    expect(errorDetail(after)).toMatchObject({ code: 'rating.round_closed' });
    // The poor department has a rectification task from the rating.
    const task = await ok(call('office', 'GET', `/api/rectifications/${res(closed, 'u2')!.taskId}`));
    expect(task).toMatchObject({
      unitCode: 'u2',
      source: { kind: 'rating', refId: r25.id },
      deadline: '2026-06-30',
    });
    expect(task.weakness.params).toMatchObject({ year: 2025, overall: 72.5, threshold: 80 });

    const r26 = await ok(
      call('office', 'POST', '/api/rating-rounds', { systemId: org.system, year: 2026, threshold: 80 }),
      201,
    );
    await ok(rate('u1', r26.id, 'u2', [75, 75, 75, 75]));
    await ok(rate('u3', r26.id, 'u2', [80, 78, 76, 74]));
    await ok(rate('u1', r26.id, 'u3', [90, 90, 90, 90]));
    const c26 = await ok(
      call('office', 'POST', `/api/rating-rounds/${r26.id}/close`, { version: r26.version }),
    );
    // u2: 77.5, 76.5, 75.5, 74.5; overall 608/8 = 76 → poor again → loses its lead authority.
    expect(res(c26, 'u2')).toMatchObject({
      means: { method: 77.5, procedure: 76.5, discipline: 75.5, fairness: 74.5 },
      overall: 76,
      poor: true,
      poorLastYear: true,
      losesLeadAuthority: true,
    });
    expect(res(c26, 'u3')).toMatchObject({ raters: 1, overall: 90, poor: false, losesLeadAuthority: false });
    const flagged = await ok(call('office', 'GET', `/api/lead-departments?systemId=${org.system}`));
    expect(flagged.find((d: { unitCode: string }) => d.unitCode === 'u2')).toMatchObject({
      losesLeadAuthority: true,
      flaggedYear: 2026,
    });
    expect(flagged.find((d: { unitCode: string }) => d.unitCode === 'u3')).toMatchObject({
      losesLeadAuthority: false,
    });

    // Individual ratings are the office's; a department sees its own result; leaders see all.
    expect(await ok(call('office', 'GET', `/api/rating-rounds/${r26.id}/ratings`))).toHaveLength(3);
    expect((await call('u2', 'GET', `/api/rating-rounds/${r26.id}/ratings`)).statusCode).toBe(403);
    expect(
      (await ok(call('u2', 'GET', `/api/rating-rounds/${r26.id}`))).results.map(
        (d: { unitCode: string }) => d.unitCode,
      ),
    ).toEqual(['u2']);
    expect(
      (await ok(call('lead2', 'GET', `/api/rating-rounds/${r26.id}`))).results.map(
        (d: { unitCode: string }) => d.unitCode,
      ),
    ).toEqual(['u2']);
    expect((await ok(call('u1', 'GET', `/api/rating-rounds/${r26.id}`))).results).toEqual([]);
    expect((await ok(call('leader', 'GET', `/api/rating-rounds/${r26.id}`))).results).toHaveLength(2);
    expect(
      (await call('office', 'POST', `/api/rating-rounds/${r26.id}/close`, { version: c26.version }))
        .statusCode,
    ).toBe(409);
  });
});
