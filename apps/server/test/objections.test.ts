import { beforeAll, describe, expect, it } from 'vitest';
import { fillCycle } from './cycle-data.js';
import { jsonOf, makeUser, signIn } from './helpers.js';
import { activePlan, buildOrg, leaderCookie, officeCookie } from './org-fixture.js';
import { tinyInput, tinyPlan } from './plans-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * Results and their use (issue 11 points 1–4): publicity, objections and review, approval and
 * release, corrections. Tiny plan (I1 60 points, I2 40, completion), the clock at 2026-03-01 16:00
 * Beijing time:
 *   u1: 90/100·60 = 54, 40/50·40 = 32 → 86 良好
 *   u2: 60 + 40 = 100 优秀
 *   u3: 36 + 28 = 64, minus a 1.5 deduction → 62.5 合格
 */
describe('publicity, objections, approval and corrections', () => {
  const env = useTestApp();
  const who: Record<string, string> = {};
  let plan: number;
  const runs: number[] = [];
  const call = (user: string, method: string, url: string, payload?: unknown) =>
    env.app.inject({
      method: method as 'GET',
      url,
      headers: { cookie: who[user]! },
      payload: payload as never,
    });
  /** `user` objects, for `unit`, to `target` of run `runId`. */
  const file = (user: string, runId: number | undefined, unit: string, target: object, reason: string) =>
    call(user, 'POST', '/api/objections', { runId, unit, target, reason });
  const ok = jsonOf;
  const accounts = {
    office: 'office',
    leader: 'leader1',
    leader2: 'leader2',
    u1filler: 'u1filler',
    u3filler: 'u3filler',
    lead1: 'lead1',
  };
  /** Move the clock; those who act next sign in again (a jump of days ends idle sessions). */
  const at = async (iso: string, ...users: (keyof typeof accounts)[]) => {
    env.clock.now = new Date(iso);
    for (const u of users) who[u] = await signIn(env, accounts[u]);
  };
  const problem = (r: { json(): { error: { details: unknown } } }) => {
    const d = r.json().error.details;
    return Array.isArray(d) ? d[0] : d;
  };
  const total = (run: { units: { unit: string; total: number }[] }, unit: string) =>
    run.units.find((u) => u.unit === unit)?.total;

  beforeAll(async () => {
    who.office = await officeCookie(env);
    const org = await buildOrg(env, who.office, { u1: '一号局', u2: '二号局', u3: '三号局' }, '市');
    for (const u of ['u1', 'u3'] as const)
      await makeUser(
        env,
        `${u}filler`,
        [{ role: 'unit_filler', scopeType: 'org', orgNodeId: org.units[u]! }],
        org.units[u]!,
      );
    await makeUser(env, 'lead1', [{ role: 'assessor', scopeType: 'indicators', refs: ['I1'] }]);
    await makeUser(env, 'leader2', [{ role: 'leader', scopeType: 'global' }]);
    for (const u of ['u1filler', 'u3filler', 'lead1', 'leader2'] as const)
      who[u] = await signIn(env, accounts[u]);
    who.leader = await leaderCookie(env);
    plan = await activePlan(env, who.office, { systemId: org.system, name: '小方案', document: tinyPlan() });
    await at('2026-03-01T08:00:00Z');
    await fillCycle(env, plan, {
      ...tinyInput('2026-Y', { u1: [90, 100, 40, 50], u2: [100, 100, 50, 50], u3: [60, 100, 35, 50] }),
      deductions: [{ unit: 'u3', points: 1.5, reason: '督查通报' }],
    });
    runs.push((await ok(call('office', 'POST', `/api/plans/${plan}/evaluate`, { period: '2026-Y' }))).id);
  });

  it('the office publishes the draft; units see their own row, every unit’s bonuses and only their own deductions', async () => {
    const r1 = runs[0]!;
    const bad = await call('office', 'POST', `/api/plans/${plan}/runs/${r1}/publish`, {
      from: '2026-03-07',
      to: '2026-03-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('to');
    const pub = await ok(
      call('office', 'POST', `/api/plans/${plan}/runs/${r1}/publish`, {
        from: '2026-03-01',
        to: '2026-03-07',
        answerDays: 3,
        respondDays: 2,
      }),
    );
    expect(pub).toMatchObject({
      status: 'publicity',
      publicity: { from: '2026-03-01', to: '2026-03-07', publishedBy: 'office' },
    });
    const mine = await ok(call('u1filler', 'GET', `/api/plans/${plan}/results?period=2026-Y`));
    expect(mine.units.map((u: { unit: string }) => u.unit)).toEqual(['u1']);
    const seen = await ok(call('u1filler', 'GET', `/api/plans/${plan}/runs/${r1}/publicity`));
    expect(seen).toMatchObject({ open: true, deductions: [], objections: { open: 0, closed: 0 } });
    const u3 = await ok(call('u3filler', 'GET', `/api/plans/${plan}/runs/${r1}/publicity`));
    expect(u3.deductions).toEqual([
      { unit: 'u3', name: '三号局', index: 0, points: 1.5, reason: '督查通报', indicator: null },
    ]);
    // Published runs cannot be published again.
    const again = await call('office', 'POST', `/api/plans/${plan}/runs/${r1}/publish`, {
      from: '2026-03-01',
      to: '2026-03-07',
    });
    expect(again.statusCode).toBe(409);
  });

  it('a unit objects to its own items only; the lead department of the indicator is asked to answer', async () => {
    const r1 = runs[0]!;
    const other = await file('u1filler', r1, 'u3', { kind: 'deduction', index: 0 }, '别人的扣分');
    expect(other.statusCode).toBe(403);
    expect(problem(other)).toMatchObject({ code: 'objection.not_your_unit' });
    const none = await file('u1filler', r1, 'u1', { kind: 'deduction', index: 0 }, '没有的扣分');
    expect(none.statusCode).toBe(400);
    expect(problem(none)).toMatchObject({ path: 'target', code: 'objection.target_missing' });

    const i1 = await ok(
      file('u1filler', r1, 'u1', { kind: 'indicator', code: 'I1' }, '第四季度数据漏报'),
      201,
    );
    // Filed 2026-03-01 16:00 Beijing; three days to answer.
    expect(i1).toMatchObject({
      status: 'filed',
      targetLabel: 'I1 主要任务完成率',
      targetScore: 54,
      answerDue: '2026-03-04',
    });
    const ded = await ok(file('u3filler', r1, 'u3', { kind: 'deduction', index: 0 }, '通报已撤销'), 201);
    expect(ded).toMatchObject({ targetScore: -1.5, lead: null });
    // The lead department of I1 sees the I1 objection only, as a to-do; the unit its own.
    const todo = await ok(call('lead1', 'GET', `/api/objections?planId=${plan}&todo=1`));
    expect(todo.map((o: { id: number }) => o.id)).toEqual([i1.id]);
    expect((await ok(call('u3filler', 'GET', '/api/objections'))).map((o: { id: number }) => o.id)).toEqual([
      ded.id,
    ]);
    expect((await call('lead1', 'GET', `/api/objections/${ded.id}`)).statusCode).toBe(404);
    const bell = await ok(call('lead1', 'GET', '/api/notifications'));
    expect(JSON.stringify(bell)).toContain('结果异议待答复');
  });

  it('the run cannot go to the leaders during its publicity', async () => {
    const r = await call('office', 'POST', `/api/plans/${plan}/runs/${runs[0]}/submit`);
    expect(r.statusCode).toBe(409);
    expect(problem(r)).toEqual({ code: 'results.publicity_running', params: { to: '2026-03-07' } });
  });

  it('an adjustment accepted by the unit makes a new run version; the old one is superseded', async () => {
    const [ded] = await ok(call('u3filler', 'GET', '/api/objections'));
    const answered = await ok(
      call('office', 'POST', `/api/objections/${ded.id}/answer`, {
        version: ded.version,
        answer: { verdict: 'adjust', explanation: '通报已撤销，扣分取消', adjustment: { points: 0 } },
      }),
    );
    expect(answered).toMatchObject({ status: 'answered', respondDue: '2026-03-03', can: { respond: false } });
    const closed = await ok(
      call('u3filler', 'POST', `/api/objections/${ded.id}/respond`, {
        version: answered.version,
        action: 'accept',
      }),
    );
    expect(closed).toMatchObject({ status: 'closed', outcome: 'adjusted' });
    // u3: 64 without the deduction; nothing else of it moved.
    expect(closed.effect).toMatchObject({
      totalDelta: 1.5,
      rankDelta: 0,
      deductions: { before: 1.5, after: 0 },
    });
    const r2 = await ok(call('office', 'GET', `/api/plans/${plan}/results?period=2026-Y`));
    runs.push(r2.id);
    expect(r2).toMatchObject({
      id: closed.resultRunId,
      status: 'publicity',
      publicity: { to: '2026-03-07' },
      change: { kind: 'objection', basedOn: runs[0], objectionId: ded.id },
    });
    expect(total(r2, 'u3')).toBe(64);
    const list = await ok(call('office', 'GET', `/api/plans/${plan}/runs?period=2026-Y`));
    expect(list.find((r: { id: number }) => r.id === runs[0]).status).toBe('superseded');
    // Side by side: only u3 changed, by its deduction.
    const cmp = await ok(
      call('office', 'GET', `/api/plans/${plan}/runs/compare?from=${runs[0]}&to=${r2.id}`),
    );
    expect(cmp.summary).toEqual({ up: 0, down: 0, changed: 1, unchanged: 2 });
    expect(cmp.units[0]).toMatchObject({
      unit: 'u3',
      totalDelta: 1.5,
      before: { total: 62.5 },
      after: { total: 64 },
    });
  });

  it('a rejected objection escalated by the unit is decided by the leaders; their adjustment stands', async () => {
    const [i1] = await ok(call('lead1', 'GET', `/api/objections?planId=${plan}&todo=1`));
    const answered = await ok(
      call('lead1', 'POST', `/api/objections/${i1.id}/answer`, {
        version: i1.version,
        answer: { verdict: 'reject', explanation: '漏报数据未经核验' },
      }),
    );
    const noReason = await call('u1filler', 'POST', `/api/objections/${i1.id}/respond`, {
      version: answered.version,
      action: 'escalate',
    });
    expect(noReason.statusCode).toBe(400);
    expect(problem(noReason)).toMatchObject({ path: 'reason', code: 'objection.reason_required' });
    const esc = await ok(
      call('u1filler', 'POST', `/api/objections/${i1.id}/respond`, {
        version: answered.version,
        action: 'escalate',
        reason: '核验单已补交',
      }),
    );
    expect(esc.status).toBe('escalated');
    // Only the leadership group decides: the office and the lead department may not.
    expect(
      (
        await call('office', 'POST', `/api/objections/${i1.id}/decide`, {
          version: esc.version,
          decision: { verdict: 'reject', explanation: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const decided = await ok(
      call('leader', 'POST', `/api/objections/${i1.id}/decide`, {
        version: esc.version,
        decision: { verdict: 'adjust', explanation: '核验单有效，按实际完成计', adjustment: { value: 100 } },
      }),
    );
    // u1: I1 100/100·60 = 60, + 32 = 92 → 优秀 instead of 良好, still second behind u2's 100.
    expect(decided).toMatchObject({ status: 'closed', outcome: 'adjusted', decidedBy: 'leader1' });
    expect(decided.effect).toMatchObject({
      totalDelta: 6,
      rankDelta: 0,
      before: { total: 86, grade: 'good' },
      after: { total: 92, grade: 'excellent' },
      indicators: expect.arrayContaining([
        { code: 'I1', name: '主要任务完成率', kind: 'indicator', before: 54, after: 60, delta: 6 },
      ]),
    });
    const r3 = await ok(call('u1filler', 'GET', `/api/plans/${plan}/results?period=2026-Y`));
    runs.push(r3.id);
    expect(r3).toMatchObject({ id: decided.resultRunId, status: 'publicity' });
    expect(total(r3, 'u1')).toBe(92);
    // The u3 adjustment of the version before stays in this one.
    expect(total(await ok(call('office', 'GET', `/api/plans/${plan}/results?period=2026-Y`)), 'u3')).toBe(64);
  });

  it('deadlines hold: no objection after the publicity, no late answer from the lead department', async () => {
    await at('2026-03-06T02:00:00Z', 'u1filler');
    const late = await ok(
      file('u1filler', runs[2], 'u1', { kind: 'indicator', code: 'I1' }, '另有一项漏报'),
      201,
    );
    expect(late.answerDue).toBe('2026-03-09');
    await at('2026-03-07T16:00:00Z', 'u1filler', 'office'); // 2026-03-08 00:00 in Beijing: the publicity is over.
    const after = await file('u1filler', runs[2], 'u1', { kind: 'indicator', code: 'I1' }, '再议');
    expect(after.statusCode).toBe(409);
    expect(problem(after)).toEqual({ code: 'objection.window_closed', params: { to: '2026-03-07' } });
    const blocked = await call('office', 'POST', `/api/plans/${plan}/runs/${runs[2]}/submit`);
    expect(problem(blocked)).toEqual({ code: 'results.objections_open', params: { count: 1 } });
    // Nor may a new run replace the one the open objection was filed against.
    const recompute = await call('office', 'POST', `/api/plans/${plan}/evaluate`, { period: '2026-Y' });
    expect(recompute.statusCode).toBe(409);
    expect(problem(recompute)).toEqual({ code: 'results.objections_open', params: { count: 1 } });
    await at('2026-03-10T02:00:00Z', 'office', 'u1filler', 'leader', 'leader2', 'lead1');
    // The lead department's three days are over: the office answers instead.
    const tooLate = await call('lead1', 'POST', `/api/objections/${late.id}/answer`, {
      version: late.version,
      answer: { verdict: 'reject', explanation: '迟到的答复' },
    });
    expect(problem(tooLate)).toEqual({ code: 'objection.answer_late', params: { due: '2026-03-09' } });
    const answer = await ok(
      call('office', 'POST', `/api/objections/${late.id}/answer`, {
        version: late.version,
        answer: { verdict: 'reject', explanation: '无依据' },
      }),
    );
    const accepted = await ok(
      call('u1filler', 'POST', `/api/objections/${late.id}/respond`, {
        version: answer.version,
        action: 'accept',
      }),
    );
    expect(accepted).toMatchObject({ status: 'closed', outcome: 'upheld', resultRunId: null });
  });

  it('the leaders approve the run: the release, once, locked for every write', async () => {
    const r3 = runs[2]!;
    expect((await call('leader', 'POST', `/api/plans/${plan}/runs/${r3}/approve`)).statusCode).toBe(409);
    await ok(call('office', 'POST', `/api/plans/${plan}/runs/${r3}/submit`));
    // A leader sends it back; the office submits it again.
    const back = await ok(
      call('leader', 'POST', `/api/plans/${plan}/runs/${r3}/return`, { note: '请核对三号局扣分依据' }),
    );
    expect(back).toMatchObject({ status: 'draft', returnNote: '请核对三号局扣分依据' });
    await ok(call('office', 'POST', `/api/plans/${plan}/runs/${r3}/submit`));
    // The office may not approve its own results.
    expect((await call('office', 'POST', `/api/plans/${plan}/runs/${r3}/approve`)).statusCode).toBe(403);
    // Two leaders approve at once: one release.
    const both = await Promise.all([
      call('leader', 'POST', `/api/plans/${plan}/runs/${r3}/approve`),
      call('leader2', 'POST', `/api/plans/${plan}/runs/${r3}/approve`),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const released = await ok(call('u1filler', 'GET', `/api/plans/${plan}/results?period=2026-Y`));
    expect(released).toMatchObject({ id: r3, status: 'released', submittedBy: 'office' });
    expect(total(released, 'u1')).toBe(92);

    for (const [user, step, payload] of [
      ['office', 'publish', { from: '2026-03-10', to: '2026-03-12' }],
      ['office', 'submit', undefined],
      ['leader', 'approve', undefined],
      ['leader', 'return', { note: 'x' }],
    ] as const) {
      const r = await call(user, 'POST', `/api/plans/${plan}/runs/${r3}/${step}`, payload);
      expect(r.statusCode, step).toBe(409);
    }
    const objection = await file('u1filler', r3, 'u1', { kind: 'indicator', code: 'I2' }, '发布后异议');
    expect(objection.statusCode).toBe(409);
    expect(problem(objection)).toMatchObject({ code: 'results.run_state', params: { status: 'released' } });
    // Not even the database lets a released run change.
    await expect(
      env.database.query(`update evaluation_run set status = 'draft' where id = $1`, [r3]),
    ).rejects.toThrow(/released run cannot be changed/);
  });

  it('a released run recomputes to the same numbers from its own snapshot', async () => {
    const run = await ok(call('office', 'GET', `/api/plans/${plan}/results?period=2026-Y&run=${runs[2]}`));
    for (const u of run.units) {
      const trace = await ok(
        call('office', 'GET', `/api/plans/${plan}/results/${u.unit}/trace?period=2026-Y&run=${runs[2]}`),
      );
      expect(trace.total.value, u.unit).toBe(u.total);
    }
    const same = await ok(
      call('office', 'GET', `/api/plans/${plan}/runs/compare?from=${runs[2]}&to=${runs[2]}`),
    );
    expect(same.summary).toEqual({ up: 0, down: 0, changed: 0, unchanged: 3 });
  });

  it('a correction is a new draft with its reason, carrying the adjustments that stood; the release stays', async () => {
    const bad = await call('office', 'POST', `/api/plans/${plan}/runs/${runs[2]}/correct`, { reason: ' ' });
    expect(bad.statusCode).toBe(400);
    const fix = await ok(
      call('office', 'POST', `/api/plans/${plan}/runs/${runs[2]}/correct`, { reason: '二号局数据口径更正' }),
      201,
    );
    expect(fix).toMatchObject({
      status: 'draft',
      change: { kind: 'correction', basedOn: runs[2], reason: '二号局数据口径更正' },
    });
    // Computed afresh from the cycle's data (u1 I1 90, u3's deduction), with both adjustments carried.
    expect(total(fix, 'u1')).toBe(92);
    expect(total(fix, 'u3')).toBe(64);
    const unit = await ok(call('u1filler', 'GET', `/api/plans/${plan}/results?period=2026-Y`));
    expect(unit).toMatchObject({ id: runs[2], status: 'released' });
    // Only the official release is corrected.
    const stale = await call('office', 'POST', `/api/plans/${plan}/runs/${runs[0]}/correct`, { reason: 'x' });
    expect(stale.statusCode).toBe(409);
  });
});
