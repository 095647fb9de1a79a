import { beforeAll, describe, expect, it } from 'vitest';
import { penaliseAllOverdue } from '../src/modules/inquiries/penalties.service.js';
import { attachEvidence } from '../src/modules/submissions/evidence.service.js';
import { systemCtx } from '../src/platform/context.js';
import { fillCycle } from './cycle-data.js';
import { auditActions, errorDetail, jsonOf, makeUser, signIn } from './helpers.js';
import { form } from './multipart.js';
import { activePlan, buildOrg, injectAsUser, officeCookie } from './org-fixture.js';
import { tinyInput, tinyPlan } from './plans-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * The year-end expert review (S11, issue 12 point 6) end to end on the tiny plan (I1 60 points,
 * I2 40, completion) with `inquiry.unansweredPoints: 1`:
 *   u1: I1 90/100·60 = 54, I2 40/50·40 = 32 → base 86; − 2 (the expert's deduction) − 1 (an
 *       unanswered inquiry) → 83
 *   u2: 60 + 40 = 100 − 1 (an unanswered inquiry) → 99
 */
describe('inquiries (质询) of the year-end expert review', () => {
  const env = useTestApp();
  const who: Record<string, string> = {};
  const call = injectAsUser(() => env, who);
  const ok = jsonOf;
  const names: Record<string, string> = {
    u1: 'u1admin',
    u1f: 'u1filler',
    u2: 'u2admin',
    exp1: 'exp1',
    exp2: 'exp2',
    office: 'office',
  };
  let org: Awaited<ReturnType<typeof buildOrg<'u1' | 'u2' | 'u3'>>>;
  let plan: number;
  let a1: number; // exp1 → u1
  let a2: number; // exp1 → u2
  let exp1Id: number;
  let inquiryA: { id: number; version: number };
  let submissionEvidence: number;
  let answerEvidence: number;

  const signInAll = async () => {
    for (const [k, u] of Object.entries(names)) who[k] = await signIn(env, u);
  };

  beforeAll(async () => {
    who.office = await officeCookie(env);
    // The experts' own grants (indicator I2) do not reach I1: exp1 reads u1's I1 evidence only as
    // the unit's assigned reviewer.
    org = await buildOrg(env, who.office, { u1: '一号局', u2: '二号局', u3: '三号局' }, '市');
    for (const u of ['u1', 'u2'] as const)
      await makeUser(
        env,
        `${u}admin`,
        [{ role: 'unit_admin', scopeType: 'org', orgNodeId: org.units[u] }],
        org.units[u],
      );
    await makeUser(
      env,
      'u1filler',
      [{ role: 'unit_filler', scopeType: 'org', orgNodeId: org.units.u1 }],
      org.units.u1,
    );
    exp1Id = (await makeUser(env, 'exp1', [{ role: 'expert', scopeType: 'indicators', refs: ['I2'] }])).id;
    await makeUser(env, 'exp2', [{ role: 'expert', scopeType: 'indicators', refs: ['I2'] }]);
    await signInAll();
    plan = await activePlan(env, who.office, {
      systemId: org.system,
      name: '小方案',
      document: { ...tinyPlan(), inquiry: { unansweredPoints: 1 } },
    });
    await fillCycle(env, plan, tinyInput('2026-Y', { u1: [90, 100, 40, 50], u2: [100, 100, 50, 50] }));
    const [s] = await env.database.query<{ id: number }>(
      "select id from submission where unit_id = $1 and indicator = 'I1'",
      [org.units.u1],
    );
    submissionEvidence = await env.database.db.transaction(
      async (tx) =>
        (
          await attachEvidence(
            env.deps,
            tx,
            systemCtx,
            { type: 'submission', id: s!.id },
            { fileName: 'i1.pdf', data: Buffer.from('%PDF-1.4 I1 evidence') },
          )
        ).id,
    );
  });

  it('the office assigns an expert to units of the plan (once per pair); only experts, only the plan’s units', async () => {
    const body = { planId: plan, expertUserId: exp1Id, unitIds: [org.units.u1, org.units.u2] };
    expect(await ok(call('office', 'POST', '/api/inquiry-assignments', body), 201)).toEqual({
      created: 2,
      kept: 0,
    });
    expect(await ok(call('office', 'POST', '/api/inquiry-assignments', body), 201)).toEqual({
      created: 0,
      kept: 2,
    });
    const [u1user] = await env.database.query<{ id: number }>(
      "select id from app_user where username = 'u1admin'",
    );
    const notExpert = await call('office', 'POST', '/api/inquiry-assignments', {
      ...body,
      expertUserId: u1user!.id,
    });
    expect(notExpert.statusCode).toBe(400);
    expect(errorDetail(notExpert)).toMatchObject({ path: 'expertUserId', code: 'inquiry.not_an_expert' });
    const notUnit = await call('office', 'POST', '/api/inquiry-assignments', {
      ...body,
      unitIds: [org.city],
    });
    expect(errorDetail(notUnit)).toMatchObject({ path: 'unitIds', code: 'inquiry.not_a_unit' });
    expect((await call('exp1', 'POST', '/api/inquiry-assignments', body)).statusCode).toBe(403);

    const experts = await ok(call('office', 'GET', '/api/inquiry-assignments/experts'));
    expect(experts.map((e: { username: string }) => e.username).sort()).toEqual(['exp1', 'exp2']);
    const mine = await ok(call('exp1', 'GET', `/api/inquiry-assignments?planId=${plan}`));
    expect(mine.map((a: { unitCode: string }) => a.unitCode)).toEqual(['u1', 'u2']);
    a1 = mine[0].id;
    a2 = mine[1].id;
    expect(await ok(call('exp2', 'GET', '/api/inquiry-assignments'))).toEqual([]);
    const own = await ok(call('u1', 'GET', '/api/inquiry-assignments'));
    expect(own.map((a: { unitCode: string }) => a.unitCode)).toEqual(['u1']);
    // The expert was told.
    const todos = await ok(call('exp1', 'GET', '/api/notifications?filter=todo'));
    expect(todos.items[0].message).toMatchObject({ code: 'inquiry.assigned', params: { count: 2 } });
  });

  it('the expert reviews an assigned unit: issued targets, year values and their evidence; others 404', async () => {
    const review = await ok(call('exp1', 'GET', `/api/inquiry-assignments/${a1}/review`));
    expect(review).toMatchObject({ unitCode: 'u1', year: 2026, taskBookIssued: false });
    const i1 = review.lines.find((l: { indicator: string }) => l.indicator === 'I1');
    expect(i1).toMatchObject({
      name: '主要任务完成率',
      value: 90,
      period: '2026-Y',
      submissionStatus: 'verified',
    });
    expect(i1.evidence.map((e: { id: number }) => e.id)).toEqual([submissionEvidence]);
    // The assigned expert reads the evidence; another expert does not even see it exists.
    expect((await call('exp1', 'GET', `/api/evidence/${submissionEvidence}`)).statusCode).toBe(200);
    expect((await call('exp2', 'GET', `/api/evidence/${submissionEvidence}`)).statusCode).toBe(404);
    expect((await call('exp2', 'GET', `/api/inquiry-assignments/${a1}/review`)).statusCode).toBe(404);
    expect((await call('u2', 'GET', `/api/inquiry-assignments/${a1}/review`)).statusCode).toBe(404);
  });

  it('the expert raises an inquiry with a deadline; the unit is told; the deadline and indicator are checked', async () => {
    const body = {
      assignmentId: a1,
      indicator: 'I1',
      question: 'I1 年度完成值 90 的辅证不足，请补充。',
      deadline: '2026-03-10',
    };
    const past = await call('exp1', 'POST', '/api/inquiries', { ...body, deadline: '2026-03-01' });
    expect(past.statusCode).toBe(400);
    expect(errorDetail(past)).toMatchObject({ path: 'deadline', code: 'inquiry.deadline_not_future' });
    const unknown = await call('exp1', 'POST', '/api/inquiries', { ...body, indicator: 'X9' });
    expect(errorDetail(unknown)).toMatchObject({ path: 'indicator', code: 'inquiry.unknown_indicator' });
    // Another expert may not use exp1's assignment (not found), the office may not raise (403).
    expect((await call('exp2', 'POST', '/api/inquiries', body)).statusCode).toBe(404);
    expect((await call('office', 'POST', '/api/inquiries', body)).statusCode).toBe(403);
    inquiryA = await ok(call('exp1', 'POST', '/api/inquiries', body), 201);
    expect(inquiryA).toMatchObject({
      unitCode: 'u1',
      status: 'open',
      expertName: 'exp1',
      can: { answer: false, close: false },
    });
    const todos = await ok(call('u1f', 'GET', '/api/notifications?filter=todo'));
    expect(todos.items[0]).toMatchObject({
      link: `/inquiries?id=${inquiryA.id}`,
      message: { code: 'inquiry.raised', params: { due: '2026-03-10' } },
    });
  });

  it('another unit neither sees nor answers it (404); the unit answers with evidence', async () => {
    expect((await call('u2', 'GET', `/api/inquiries/${inquiryA.id}`)).statusCode).toBe(404);
    expect(await ok(call('u2', 'GET', '/api/inquiries'))).toEqual([]);
    const answer = { answer: '已补充统计局出具的证明材料。', version: inquiryA.version };
    expect((await call('u2', 'POST', `/api/inquiries/${inquiryA.id}/answer`, answer)).statusCode).toBe(404);
    expect((await call('exp1', 'POST', `/api/inquiries/${inquiryA.id}/answer`, answer)).statusCode).toBe(403);
    const mine = await ok(call('u1f', 'GET', '/api/inquiries'));
    expect(mine).toHaveLength(1);
    expect(mine[0].can).toEqual({ answer: true, close: false });
    const f = form('proof.pdf', '%PDF-1.4 proof');
    const other = await env.app.inject({
      method: 'POST',
      url: `/api/inquiries/${inquiryA.id}/evidence`,
      headers: { cookie: who.u2!, ...f.headers },
      payload: f.payload,
    });
    expect(other.statusCode).toBe(404);
    const up = await env.app.inject({
      method: 'POST',
      url: `/api/inquiries/${inquiryA.id}/evidence`,
      headers: { cookie: who.u1f!, ...f.headers },
      payload: f.payload,
    });
    expect(up.statusCode).toBe(201);
    answerEvidence = up.json().id;
    const stale = await call('u1f', 'POST', `/api/inquiries/${inquiryA.id}/answer`, {
      ...answer,
      version: 9,
    });
    expect(stale.statusCode).toBe(409);
    inquiryA = await ok(call('u1f', 'POST', `/api/inquiries/${inquiryA.id}/answer`, answer));
    expect(inquiryA).toMatchObject({ status: 'answered', answer: answer.answer, answeredBy: 'u1filler' });
    // The expert sees the answer and its evidence, and may close it.
    const seen = await ok(call('exp1', 'GET', `/api/inquiries/${inquiryA.id}`));
    expect(seen.evidence.map((e: { id: number }) => e.id)).toEqual([answerEvidence]);
    expect(seen.can).toEqual({ answer: false, close: true });
    expect((await call('exp1', 'GET', `/api/evidence/${answerEvidence}`)).statusCode).toBe(200);
    expect((await call('u2', 'GET', `/api/evidence/${answerEvidence}`)).statusCode).toBe(404);
    expect((await call('exp2', 'GET', `/api/inquiries/${inquiryA.id}`)).statusCode).toBe(404);
  });

  it('the expert closes it with a deduction: a deduction event the unit sees, in the same step', async () => {
    const noReason = await call('exp1', 'POST', `/api/inquiries/${inquiryA.id}/close`, {
      deduction: { points: 2 },
      version: inquiryA.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (await call('exp2', 'POST', `/api/inquiries/${inquiryA.id}/close`, { version: inquiryA.version }))
        .statusCode,
    ).toBe(404);
    const closed = await ok(
      call('exp1', 'POST', `/api/inquiries/${inquiryA.id}/close`, {
        deduction: { points: 2, reason: '辅证与年度完成值不符' },
        version: inquiryA.version,
      }),
    );
    expect(closed).toMatchObject({
      status: 'closed',
      deductionPoints: 2,
      deductionReason: '辅证与年度完成值不符',
    });
    expect(closed.eventId).toEqual(expect.any(Number));
    const again = await call('exp1', 'POST', `/api/inquiries/${inquiryA.id}/close`, {
      version: closed.version,
    });
    expect(again.statusCode).toBe(409);
    expect(errorDetail(again)).toMatchObject({
      code: 'inquiry.state',
      params: { status: 'closed', action: 'close' },
    });
    const events = await ok(call('u1', 'GET', `/api/events?planId=${plan}&kind=deduction`));
    expect(events).toEqual([
      expect.objectContaining({
        id: closed.eventId,
        unitCode: 'u1',
        code: 'inquiry_deduction',
        indicator: 'I1',
        points: 2,
        period: '2026-Y',
        status: 'approved',
        reason: '辅证与年度完成值不符',
        createdBy: 'exp1',
      }),
    ]);
    expect(await ok(call('u2', 'GET', `/api/events?planId=${plan}&kind=deduction`))).toEqual([]);
  });

  let inquiryB: { id: number; version: number };
  let inquiryC: { id: number; version: number };
  it('past the deadline the unit cannot answer (409 inquiry.deadline_passed); an open one cannot be closed', async () => {
    const raise = (assignmentId: number, question: string) =>
      ok(call('exp1', 'POST', '/api/inquiries', { assignmentId, question, deadline: '2026-03-05' }), 201);
    inquiryB = await raise(a1, '全年重点项目为何未达序时进度？');
    inquiryC = await raise(a2, '请说明主要任务的完成依据。');
    const early = await call('exp1', 'POST', `/api/inquiries/${inquiryB.id}/close`, {
      version: inquiryB.version,
    });
    expect(errorDetail(early)).toMatchObject({ code: 'inquiry.state', params: { status: 'open' } });
    env.clock.now = new Date('2026-03-05T15:59:00Z'); // 23:59 in Beijing: still in time
    await signInAll();
    expect((await ok(call('u1', 'GET', `/api/inquiries/${inquiryB.id}`))).status).toBe('open');
    env.clock.now = new Date('2026-03-06T01:00:00Z');
    await signInAll();
    const late = await call('u1', 'POST', `/api/inquiries/${inquiryB.id}/answer`, {
      answer: '迟到的答复',
      version: inquiryB.version,
    });
    expect(late.statusCode).toBe(409);
    expect(errorDetail(late)).toMatchObject({
      code: 'inquiry.deadline_passed',
      params: { deadline: '2026-03-05' },
    });
    const f = form('late.pdf', '%PDF-1.4 late');
    const lateFile = await env.app.inject({
      method: 'POST',
      url: `/api/inquiries/${inquiryB.id}/evidence`,
      headers: { cookie: who.u1!, ...f.headers },
      payload: f.payload,
    });
    expect(lateFile.statusCode).toBe(409);
    const overdue = await ok(call('office', 'GET', `/api/inquiries?planId=${plan}&status=overdue`));
    expect(overdue.map((i: { id: number }) => i.id).sort()).toEqual([inquiryB.id, inquiryC.id].sort());
  });

  it('the office penalises overdue inquiries once each: deduction events of the plan’s points', async () => {
    expect((await call('exp1', 'POST', '/api/inquiries/penalise-overdue', { planId: plan })).statusCode).toBe(
      403,
    );
    expect(await ok(call('office', 'POST', '/api/inquiries/penalise-overdue', { planId: plan }))).toEqual({
      penalised: 2,
      points: 2,
    });
    expect(await ok(call('office', 'POST', '/api/inquiries/penalise-overdue', { planId: plan }))).toEqual({
      penalised: 0,
      points: 0,
    });
    // The hourly sweep finds none left either: each inquiry is penalised once, by whoever comes first.
    expect(await penaliseAllOverdue(env.deps, env.clock.now)).toBe(0);
    const b = await ok(call('u1', 'GET', `/api/inquiries/${inquiryB.id}`));
    expect(b).toMatchObject({
      status: 'penalised',
      deductionPoints: 1,
      can: { answer: false, close: false },
    });
    const late = await call('u1', 'POST', `/api/inquiries/${inquiryB.id}/answer`, {
      answer: 'x',
      version: b.version,
    });
    expect(errorDetail(late)).toMatchObject({ code: 'inquiry.deadline_passed' });
    const events = await ok(call('office', 'GET', `/api/events?planId=${plan}&kind=deduction`));
    expect(
      events
        .map((e: { unitCode: string; code: string; points: number }) => `${e.unitCode} ${e.code} ${e.points}`)
        .sort(),
    ).toEqual(['u1 inquiry_deduction 2', 'u1 inquiry_unanswered 1', 'u2 inquiry_unanswered 1']);
  });

  it('the office computes: the deductions are in the totals and the unit’s trace names the events', async () => {
    const run = await ok(call('office', 'POST', `/api/plans/${plan}/evaluate`, { period: '2026-Y' }));
    const units = run.units as { unit: string; base: number; deductions: number; total: number }[];
    const row = (code: string) => units.find((u) => u.unit === code)!;
    expect(row('u1')).toMatchObject({ base: 86, deductions: 3, total: 83 });
    expect(row('u2')).toMatchObject({ base: 100, deductions: 1, total: 99 });
    const trace = await ok(
      call('office', 'GET', `/api/plans/${plan}/results/u1/trace?period=2026-Y&run=${run.id}`),
    );
    const eventIds = (trace.sources as { kind: string; id: number }[])
      .filter((s) => s.kind === 'event')
      .map((s) => s.id);
    const [b] = await env.database.query<{ event_id: number }>('select event_id from inquiry where id = $1', [
      inquiryB.id,
    ]);
    const [a] = await env.database.query<{ event_id: number }>('select event_id from inquiry where id = $1', [
      inquiryA.id,
    ]);
    expect(eventIds.sort()).toEqual([a!.event_id, b!.event_id].sort());
  });

  it('assignments with inquiries stay; every step is audited', async () => {
    const kept = await call('office', 'DELETE', `/api/inquiry-assignments/${a1}`);
    expect(kept.statusCode).toBe(409);
    expect(errorDetail(kept)).toMatchObject({ code: 'inquiry.assignment_in_use' });
    const extra = await ok(
      call('office', 'POST', '/api/inquiry-assignments', {
        planId: plan,
        expertUserId: exp1Id,
        unitIds: [org.units.u3],
      }),
      201,
    );
    expect(extra.created).toBe(1);
    const u3 = (await ok(call('office', 'GET', `/api/inquiry-assignments?planId=${plan}`))).find(
      (a: { unitCode: string }) => a.unitCode === 'u3',
    );
    expect(await ok(call('office', 'DELETE', `/api/inquiry-assignments/${u3.id}`))).toEqual({ ok: true });
    expect(await auditActions(env, "object_type = 'inquiry'")).toEqual(
      expect.arrayContaining(['inquiry.raise', 'inquiry.answer', 'inquiry.close', 'inquiry.penalise']),
    );
    expect(await auditActions(env, "object_type = 'inquiry_assignment'")).toEqual([
      'inquiry_assignment.create',
      'inquiry_assignment.create',
      'inquiry_assignment.create',
      'inquiry_assignment.delete',
    ]);
    expect(
      await auditActions(env, "action = 'event.record' and after->>'code' like 'inquiry_%'"),
    ).toHaveLength(3);
  });
  it('the hourly sweep penalises an inquiry left unanswered that nobody penalised: once, by the system', async () => {
    const day = (ms: number) =>
      new Date(env.clock.now.getTime() + ms * 86_400_000).toISOString().slice(0, 10);
    const q = await ok(
      call('exp1', 'POST', '/api/inquiries', {
        assignmentId: a1,
        question: '全年督查件办结率的统计口径请说明。',
        deadline: day(2),
      }),
      201,
    );
    expect(await penaliseAllOverdue(env.deps, env.clock.now)).toBe(0);
    const later = new Date(env.clock.now.getTime() + 4 * 86_400_000);
    expect(await penaliseAllOverdue(env.deps, later)).toBe(1);
    expect(await penaliseAllOverdue(env.deps, later)).toBe(0);
    expect(await ok(call('u1', 'GET', `/api/inquiries/${q.id}`))).toMatchObject({
      status: 'penalised',
      deductionPoints: 1,
    });
    const [row] = await env.database.query<{ actor: string | null }>(
      "select actor_name as actor from audit_log where action = 'inquiry.penalise' and object_id = $1",
      [String(q.id)],
    );
    expect(row).toEqual({ actor: null });
  });
});
