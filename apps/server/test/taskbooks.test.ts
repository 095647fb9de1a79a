import { beforeAll, describe, expect, it } from 'vitest';
import { auditActions } from './helpers.js';
import { as, buildWorld, type World } from './taskbooks-fixture.js';
import { useTestApp } from './use-app.js';

describe('task books: drafting, workflow, change requests, decomposition', () => {
  const env = useTestApp();
  let w: World;
  let call: ReturnType<typeof as>;
  let id: number;
  const book = async () => (await call('office', 'GET', `/api/task-books/${id}`)).json();
  const step = async (who: Parameters<typeof call>[0], action: string, extra: object = {}) =>
    call(who, 'POST', `/api/task-books/${id}/transitions`, {
      action,
      version: (await book()).version,
      ...extra,
    });

  beforeAll(async () => {
    w = await buildWorld(env);
    call = as(env, w);
  });

  it('a unit starts its task book with one line per applicable indicator; other units see nothing', async () => {
    const list = (await call('u1filler', 'GET', `/api/plans/${w.plan}/task-books`)).json();
    expect(list).toEqual({ items: [], unitsWithout: [{ id: w.unit1, code: 'u1', name: '一号局' }] });
    expect(
      (await call('u2admin', 'POST', `/api/plans/${w.plan}/task-books`, { unitId: w.unit1 })).statusCode,
    ).toBe(404);
    const r = await call('u1filler', 'POST', `/api/plans/${w.plan}/task-books`, { unitId: w.unit1 });
    expect(r.statusCode).toBe(201);
    id = r.json().id;
    expect(r.json().status).toBe('draft');
    expect(
      r
        .json()
        .targets.map((t: { indicator: string; decomposition: string }) => [t.indicator, t.decomposition]),
    ).toEqual([
      ['I1', 'sum'],
      ['I2', 'each'],
    ]);
    expect(
      (await call('u1filler', 'POST', `/api/plans/${w.plan}/task-books`, { unitId: w.unit1 })).statusCode,
    ).toBe(409);
    expect((await call('u2admin', 'GET', `/api/task-books/${id}`)).statusCode).toBe(404);
    expect((await call('u2admin', 'GET', `/api/plans/${w.plan}/task-books`)).json().items).toEqual([]);
  });

  it('targets are saved on the version read; a second editor with the old version gets 409', async () => {
    const targets = [
      { indicator: 'I1', target: 100, baseline: 90, measureUnit: '%' },
      { indicator: 'I2', target: 0.3 },
    ];
    const ok = await call('u1filler', 'PUT', `/api/task-books/${id}/targets`, { version: 1, targets });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await call('u1admin', 'PUT', `/api/task-books/${id}/targets`, {
      version: 1,
      targets: [{ indicator: 'I1', target: 1 }],
    });
    expect(stale.statusCode).toBe(409);
    const bad = await call('u1filler', 'PUT', `/api/task-books/${id}/targets`, {
      version: 2,
      targets: [
        { indicator: 'I2', target: 5 },
        { indicator: 'X9', target: 1 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { field: 'targets[1].indicator', message: "indicator X9 is not in this unit's task book" },
    ]);
    const tooFine = await call('u1filler', 'PUT', `/api/task-books/${id}/targets`, {
      version: 2,
      targets: [{ indicator: 'I1', target: 1.0000001 }],
    });
    expect(tooFine.statusCode).toBe(400);
    const b = await book();
    expect(b.version).toBe(2);
    expect(b.targets.map((t: { target: number }) => t.target)).toEqual([100, 0.3]);
    expect(b.targets[0]).toMatchObject({ baseline: 90, measureUnit: '%' });
  });

  it('submit, return with reason, confirm, review by the lead department, issue by the office', async () => {
    expect((await step('u1filler', 'confirm')).statusCode).toBe(403);
    expect((await step('u1filler', 'submit')).json().status).toBe('submitted');
    const noReason = await step('u1admin', 'return');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('reason');
    const ret = await step('u1admin', 'return', { reason: '目标值偏低' });
    expect(ret.json()).toMatchObject({ status: 'draft', returnReason: '目标值偏低' });
    const bell = (await call('u1filler', 'GET', '/api/notifications?filter=todo')).json();
    expect(bell.items.map((n: { title: string }) => n.title)).toContain('一号局 任务书被退回');
    expect((await step('u1admin', 'confirm')).json().status).toBe('confirmed');
    expect((await step('u1filler', 'review')).statusCode).toBe(403);
    const assessorView = (await call('assessor', 'GET', `/api/task-books/${id}`)).json();
    expect(assessorView.targets.map((t: { reviewable: boolean }) => t.reviewable)).toEqual([true, false]);
    expect(assessorView.actions).toEqual(['return', 'review']);
    expect((await step('assessor', 'review')).json().status).toBe('reviewed');
    expect((await step('assessor', 'issue')).statusCode).toBe(403);
    const issued = await step('office', 'issue');
    expect(issued.json()).toMatchObject({ status: 'issued', revision: 1, issuedBy: 'office' });
    expect((await step('office', 'issue')).statusCode).toBe(409);
    const locked = await call('u1filler', 'PUT', `/api/task-books/${id}/targets`, {
      version: (await book()).version,
      targets: [{ indicator: 'I1', target: 1 }],
    });
    expect(locked.statusCode).toBe(409);
    const revs = (await call('u1filler', 'GET', `/api/task-books/${id}/revisions`)).json();
    expect(revs).toHaveLength(1);
    expect(revs[0].targets[0]).toMatchObject({ indicator: 'I1', target: 100 });
  });

  it('a change after issue goes through a request the office approves or rejects; history is kept', async () => {
    const req = await call('u1filler', 'POST', `/api/task-books/${id}/change-requests`, {
      reason: '市政府调整年度目标',
      targets: [{ indicator: 'I1', target: 110, baseline: 90, measureUnit: '%' }],
    });
    expect(req.statusCode).toBe(200);
    expect(req.json().pendingChange).toBe(true);
    const again = await call('u1filler', 'POST', `/api/task-books/${id}/change-requests`, {
      reason: 'x',
      targets: [{ indicator: 'I1', target: 1 }],
    });
    expect(again.statusCode).toBe(409);
    const pending = (await call('office', 'GET', '/api/task-change-requests')).json();
    expect(pending.map((c: { unitName: string; status: string }) => [c.unitName, c.status])).toEqual([
      ['一号局', 'pending'],
    ]);
    expect((await call('u2admin', 'GET', '/api/task-change-requests')).json()).toEqual([]);
    const cr = pending[0];
    expect(
      (
        await call('office', 'POST', `/api/task-change-requests/${cr.id}/decision`, {
          approve: false,
          version: cr.version,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call('u1admin', 'POST', `/api/task-change-requests/${cr.id}/decision`, {
          approve: true,
          version: cr.version,
        })
      ).statusCode,
    ).toBe(403);
    const ok = await call('office', 'POST', `/api/task-change-requests/${cr.id}/decision`, {
      approve: true,
      note: '同意',
      version: cr.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ revision: 2, status: 'issued', pendingChange: false });
    expect(ok.json().targets[0].target).toBe(110);
    const stale = await call('office', 'POST', `/api/task-change-requests/${cr.id}/decision`, {
      approve: false,
      note: '撤回',
      version: cr.version,
    });
    expect(stale.statusCode).toBe(409);
    const revs = (await call('u1admin', 'GET', `/api/task-books/${id}/revisions`)).json();
    expect(revs.map((r: { revision: number; reason: string | null }) => [r.revision, r.reason])).toEqual([
      [2, '市政府调整年度目标'],
      [1, null],
    ]);
    expect(revs[1].targets[0].target).toBe(100);
  });

  it('decomposition: sum with exact decimals, each, nested parts, staff of other units refused, stale stamp 409', async () => {
    const url = `/api/task-books/${id}/decomposition/I1`;
    const tree = (await call('u1filler', 'GET', url)).json();
    expect(tree).toMatchObject({ rule: 'sum', target: 110, stamp: 'empty', parts: [] });
    expect(tree.nodes.map((n: { name: string }) => n.name)).toEqual(['综合科', '综合科一组']);
    const p = (
      key: string,
      parentKey: string | null,
      orgNodeId: number | null,
      staffId: number | null,
      target: number,
    ) => ({
      key,
      parentKey,
      orgNodeId,
      staffId,
      target,
    });
    const short = await call('u1filler', 'PUT', url, {
      stamp: 'empty',
      parts: [p('a', null, w.section1, null, 100)],
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([
      {
        field: 'parts[0].target',
        message: 'the parts of "I1 主要任务完成率" (综合科) add up to 100, not 110',
      },
    ]);
    const foreign = await call('u1filler', 'PUT', url, {
      stamp: 'empty',
      parts: [p('a', null, null, w.otherStaff, 110)],
    });
    expect(foreign.json().error.details[0]).toEqual({
      field: 'parts[0].staffId',
      message: `staff ${w.otherStaff} does not work in this unit`,
    });
    const outside = await call('u1filler', 'PUT', url, {
      stamp: 'empty',
      parts: [p('a', null, w.section1a, null, 110), p('b', 'a', null, w.staff1, 110)],
    });
    expect(outside.json().error.details[0].field).toBe('parts[1].parentKey');
    // 109.6 + 0.1 is 109.69999999999999 in floats; as decimals it is exactly 109.7.
    const parts = [
      p('a', null, w.section1, null, 109.7),
      p('b', null, w.section1a, null, 0.3),
      p('a1', 'a', null, w.staff1, 109.6),
      p('a2', 'a', null, w.staff2, 0.1),
    ];
    const saved = await call('u1filler', 'PUT', url, { stamp: 'empty', parts });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().parts.map((x: { label: string; target: number }) => [x.label, x.target])).toEqual([
      ['综合科', 109.7],
      ['综合科一组', 0.3],
      ['张三', 109.6],
      ['李四', 0.1],
    ]);
    const stale = await call('u1admin', 'PUT', url, { stamp: 'empty', parts: [] });
    expect(stale.statusCode).toBe(409);
    expect((await call('u2admin', 'PUT', url, { stamp: saved.json().stamp, parts: [] })).statusCode).toBe(
      404,
    );
    const each = `/api/task-books/${id}/decomposition/I2`;
    const low = await call('u1filler', 'PUT', each, {
      stamp: 'empty',
      parts: [p('a', null, w.section1, null, 0.3), p('b', null, w.section1a, null, 0.29)],
    });
    expect(low.json().error.details).toEqual([
      {
        field: 'parts[1].target',
        message:
          'part "综合科一组" (0.29) is below "I2 重点项目完成率" (0.3); each part must be at least the whole',
      },
    ]);
    expect((await call('office', 'GET', each)).json().parts).toEqual([]);
  });

  it('every change was audited', async () => {
    expect(await auditActions(env, "action like 'task_book.%'")).toEqual([
      'task_book.create',
      'task_book.targets',
      'task_book.submit',
      'task_book.return',
      'task_book.confirm',
      'task_book.review',
      'task_book.issue',
      'task_book.change_request',
      'task_book.change_approve',
      'task_book.decompose',
    ]);
  });
});
