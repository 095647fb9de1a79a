import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillCycle } from './cycle-data.js';
import { makeUser, signIn, type TestEnv, testApp } from './helpers.js';
import { releaseRun } from './org-fixture.js';
import { cycleFixture, multipart } from './submissions-fixture.js';

/**
 * The evaluation loop as one walk (issue 8 point 11), on the tiny plan (I1 60 points, I2 40 points,
 * completion = value / target × points; grades 优秀 ≥ 90, 良好 ≥ 75, 合格):
 * the office issues u1's task book → u1 submits I1 with evidence → the assessor verifies it with a
 * correction → the lead department records a deduction → the office computes and releases → the
 * unit reads its result, whose trace points to the verified value, the target and the deduction.
 */
interface Source {
  indicator: string | null;
  field: string;
  kind: string;
  id: number | null;
  value: number | null;
  submitted?: number | null;
}

describe('the evaluation loop', () => {
  let env: TestEnv;
  let f: Awaited<ReturnType<typeof cycleFixture>>;
  const who: Record<string, string> = {};
  const call = (user: string, method: string, url: string, payload?: unknown, headers: object = {}) =>
    env.app.inject({
      method: method as 'GET',
      url,
      headers: { cookie: who[user]!, ...headers },
      payload: payload as never,
    });
  const ok = async (r: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const res = await r;
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as Record<string, unknown> & { id: number; version: number };
  };
  let bookId = 0;
  let i1 = 0;
  let i2 = 0;
  let deduction = 0;
  let runId = 0;

  beforeAll(async () => {
    env = await testApp();
    f = await cycleFixture(env);
    who.office = f.office;
    await makeUser(env, 'admin1', [{ role: 'unit_admin', scopeType: 'org', orgNodeId: f.u1 }], f.u1);
    for (const u of ['filler1', 'filler2', 'admin1', 'assessor', 'provider']) who[u] = await signIn(env, u);
    // u2's targets come from the office's start-of-year figures (no task book).
    await fillCycle(env, f.plan, {
      period: '2026-M01',
      values: [
        { unit: 'u2', indicator: 'I1', target: 100 },
        { unit: 'u2', indicator: 'I2', target: 50 },
      ],
    });
  });
  afterAll(() => env.close());

  it('the office issues u1 its task book: targets I1 100, I2 50', async () => {
    bookId = (await ok(call('filler1', 'POST', `/api/plans/${f.plan}/task-books`, { unitId: f.u1 }))).id;
    const book = await ok(
      call('filler1', 'PUT', `/api/task-books/${bookId}/targets`, {
        version: 1,
        targets: [
          { indicator: 'I1', target: 100 },
          { indicator: 'I2', target: 50 },
        ],
      }),
    );
    let version = book.version;
    for (const [user, action] of [
      ['filler1', 'submit'],
      ['admin1', 'confirm'],
      ['office', 'review'],
      ['office', 'issue'],
    ] as const)
      version = (await ok(call(user, 'POST', `/api/task-books/${bookId}/transitions`, { action, version })))
        .version;
    expect((await ok(call('office', 'GET', `/api/task-books/${bookId}`))).status).toBe('issued');
  });

  it('the units submit their year figures, u1 with evidence', async () => {
    const enter = async (user: string, unitId: number, indicator: string, value: number) =>
      (
        await ok(
          call(user, 'POST', '/api/submissions', {
            planId: f.plan,
            unitId,
            indicator,
            period: '2026-Y',
            value,
          }),
        )
      ).id;
    i1 = await enter('filler1', f.u1, 'I1', 90);
    i2 = await enter('provider', f.u1, 'I2', 40);
    await enter('filler2', f.u2, 'I1', 100);
    await enter('provider', f.u2, 'I2', 50);
    const file = multipart('说明.pdf', '%PDF-1.4\n%%EOF\n', 'application/pdf');
    const up = await call('filler1', 'POST', `/api/submissions/${i1}/evidence`, file.payload, file.headers);
    expect(up.statusCode).toBeLessThan(300);
  });

  it('the assessor verifies I1 with a corrected value; a correction without a reason is refused', async () => {
    const s = await ok(call('assessor', 'GET', `/api/submissions/${i1}`));
    const body = {
      submissionId: i1,
      method: 'on_site',
      result: 'pass',
      correctedValue: 80,
      version: s.version,
    };
    const bare = await call('assessor', 'POST', '/api/verifications', body);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toContain('note');
    const v = await ok(call('assessor', 'POST', '/api/verifications', { ...body, note: '台账核实数为 80' }));
    expect(v.correctedValue).toBe(80);
  });

  it('the lead department records a deduction against u1; outside its grant it is refused', async () => {
    const event = {
      planId: f.plan,
      period: '2026-M09',
      unitId: f.u1,
      kind: 'deduction',
      points: 2,
      reason: '督查通报',
    };
    const outside = await call('assessor', 'POST', '/api/events', { ...event, indicator: 'I2' });
    expect(outside.statusCode).toBe(403);
    deduction = (await ok(call('assessor', 'POST', '/api/events', { ...event, indicator: 'I1' }))).id;
  });

  it('the office computes a draft and releases it; the unit sees nothing before', async () => {
    const run = await ok(call('office', 'POST', `/api/plans/${f.plan}/evaluate`, { period: '2026-Y' }));
    runId = run.id;
    expect(run.status).toBe('draft');
    expect((await call('filler1', 'GET', `/api/plans/${f.plan}/results?period=2026-Y`)).statusCode).toBe(404);
    await ok(releaseRun(env, f.office, f.plan, runId));
  });

  it('the unit reads its released result; the trace points to the verified value, the target and the deduction', async () => {
    // u1: I1 verified 80 (submitted 90) / 100 · 60 = 48; I2 40/50 · 40 = 32 → base 80, − 2 → 78 良好, rank 2.
    // u2: 60 + 40 = 100 → rank 1.
    const res = await ok(call('filler1', 'GET', `/api/plans/${f.plan}/results?period=2026-Y`));
    const units = res.units as {
      unit: string;
      total: number;
      base: number;
      deductions: number;
      rank: number;
      grade: { name: string };
    }[];
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({
      unit: 'u1',
      base: 80,
      deductions: 2,
      total: 78,
      rank: 2,
      grade: { name: '良好' },
    });
    const trace = await ok(call('filler1', 'GET', `/api/plans/${f.plan}/results/u1/trace?period=2026-Y`));
    const sources = trace.sources as Source[];
    expect(sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          indicator: 'I1',
          field: 'value',
          kind: 'verification',
          value: 80,
          submitted: 90,
        }),
        expect.objectContaining({
          indicator: 'I1',
          field: 'target',
          kind: 'task_book',
          id: bookId,
          value: 100,
        }),
        expect.objectContaining({ indicator: 'I2', field: 'value', kind: 'submission', id: i2, value: 40 }),
        expect.objectContaining({ field: 'event', kind: 'event', id: deduction, value: 2 }),
      ]),
    );
  });

  it('a changed submission changes the next run, and the live score agrees with it', async () => {
    const s = await ok(call('provider', 'GET', `/api/submissions/${i2}`));
    await ok(call('provider', 'PUT', `/api/submissions/${i2}`, { value: 45, version: s.version }));
    // u1: 48 + 45/50 · 40 = 48 + 36 = 84, − 2 → 82.
    const run = await ok(call('office', 'POST', `/api/plans/${f.plan}/evaluate`, { period: '2026-Y' }));
    const official = (run.units as { unit: string; total: number }[]).find((u) => u.unit === 'u1')!;
    expect(official.total).toBe(82);
    const live = await ok(call('office', 'GET', `/api/live/${f.plan}?period=2026-Y`));
    expect((live.units as { unit: string; total: number }[]).map((u) => [u.unit, u.total])).toEqual(
      (run.units as { unit: string; total: number }[]).map((u) => [u.unit, u.total]),
    );
    // The released run is still what the unit sees until the office releases the new one.
    expect((await ok(call('filler1', 'GET', `/api/plans/${f.plan}/results?period=2026-Y`))).id).toBe(runId);
  });
});
