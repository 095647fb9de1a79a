import { beforeAll, describe, expect, it } from 'vitest';
import { fillCycle } from './cycle-data.js';
import { makeUser, signIn } from './helpers.js';
import { activePlan, buildOrg, injectAs, officeCookie, releaseRun } from './org-fixture.js';
import { tinyInput, tinyPlan } from './plans-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * The public results page (issue 11 point 2): a run appears only once the office published it
 * with `publicPage`, readable without signing in, with no person, trace or deduction reason in it.
 * Tiny plan (I1 60 points, I2 40, completion):
 *   u1: 90/100·60 = 54, 40/50·40 = 32 → 86 良好
 *   u2: 60 + 40 = 100 优秀
 *   u3: 36 + 28 = 64, minus a 1.5 deduction → 62.5 合格
 */
describe('public results page', () => {
  const env = useTestApp();
  let office = '';
  let plan: number;
  let unitFiller = '';
  const asOffice = injectAs(
    () => env,
    () => office,
  );
  const anyone = (url: string) => env.app.inject({ method: 'GET', url });
  const evaluate = async () =>
    (await asOffice('POST', `/api/plans/${plan}/evaluate`, { period: '2026-Y' })).json().id as number;
  const publish = (run: number, publicPage: boolean) =>
    asOffice('POST', `/api/plans/${plan}/runs/${run}/publish`, {
      from: '2026-03-01',
      to: '2026-03-07',
      publicPage,
    });

  beforeAll(async () => {
    office = await officeCookie(env);
    const org = await buildOrg(env, office, { u1: '一号局', u2: '二号局', u3: '三号局' }, '市');
    await makeUser(
      env,
      'u1filler',
      [{ role: 'unit_filler', scopeType: 'org', orgNodeId: org.units.u1! }],
      org.units.u1!,
    );
    plan = await activePlan(env, office, { systemId: org.system, name: '公开方案', document: tinyPlan() });
    env.clock.now = new Date('2026-03-01T08:00:00Z');
    office = await signIn(env, 'office');
    await fillCycle(env, plan, {
      ...tinyInput('2026-Y', { u1: [90, 100, 40, 50], u2: [100, 100, 50, 50], u3: [60, 100, 35, 50] }),
      deductions: [{ unit: 'u3', points: 1.5, reason: '督查通报' }],
    });
  });

  it('shows neither drafts nor runs published without the public page', async () => {
    const draft = await evaluate();
    expect((await anyone('/api/public/results')).json()).toEqual([]);
    expect((await anyone(`/api/public/results/${draft}`)).statusCode).toBe(404);
    expect((await publish(draft, false)).statusCode).toBe(200);
    expect((await anyone('/api/public/results')).json()).toEqual([]);
    expect((await anyone(`/api/public/results/${draft}`)).statusCode).toBe(404);
  });

  it('shows a public run to anyone: units in published order with totals and grades, nothing personal', async () => {
    const run = await evaluate();
    expect((await publish(run, true)).statusCode).toBe(200);
    const list = await anyone('/api/public/results');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      expect.objectContaining({
        runId: run,
        plan: '公开方案',
        period: '2026-Y',
        status: 'publicity',
        from: '2026-03-01',
        to: '2026-03-07',
        releasedDay: null,
      }),
    ]);
    const page = await anyone(`/api/public/results/${run}`);
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.groups).toEqual([
      {
        code: 'A',
        name: '党群口',
        units: [
          expect.objectContaining({ unit: 'u2', name: '二号局', total: 100, rank: 1 }),
          expect.objectContaining({ unit: 'u1', name: '一号局', total: 86, rank: 2 }),
          expect.objectContaining({ unit: 'u3', name: '三号局', total: 62.5, rank: 3 }),
        ],
      },
    ]);
    expect(body.groups[0].units.map((u: { grade: { name: string } }) => u.grade.name)).toEqual([
      '优秀',
      '良好',
      '合格',
    ]);
    // No person (the office's account), no deduction reason, no trace or input.
    expect(page.body).not.toContain('office');
    expect(page.body).not.toContain('督查通报');
    expect(Object.keys(body).sort()).toEqual(
      ['from', 'groups', 'period', 'plan', 'releasedDay', 'runId', 'status', 'system', 'to', 'year'].sort(),
    );
  });

  it('keeps showing the run once released, with the Beijing day of the release', async () => {
    const [pub] = (await anyone('/api/public/results')).json();
    env.clock.now = new Date('2026-03-08T02:00:00Z'); // 10:00 in Beijing, the day after the publicity
    office = await signIn(env, 'office');
    unitFiller = await signIn(env, 'u1filler');
    expect((await releaseRun(env, office, plan, pub.runId)).statusCode).toBe(200);
    expect((await anyone('/api/public/results')).json()).toEqual([
      expect.objectContaining({ runId: pub.runId, status: 'released', releasedDay: '2026-03-08' }),
    ]);
  });

  it('prints the official document of the release for the office; a unit, which sees only its own row, may not', async () => {
    const [pub] = (await anyone('/api/public/results')).json();
    const doc = await asOffice('GET', `/api/plans/${plan}/runs/${pub.runId}/document`);
    expect(doc.statusCode).toBe(200);
    expect(doc.json()).toMatchObject({
      runId: pub.runId,
      plan: '公开方案',
      period: '2026-Y',
      status: 'released',
      releasedDay: '2026-03-08',
      groups: [
        {
          name: '党群口',
          units: [
            { unit: 'u2', total: 100 },
            { unit: 'u1', total: 86 },
            { unit: 'u3', total: 62.5 },
          ],
        },
      ],
    });
    const refused = await env.app.inject({
      method: 'GET',
      url: `/api/plans/${plan}/runs/${pub.runId}/document`,
      headers: { cookie: unitFiller },
    });
    expect(refused.statusCode).toBe(403);
  });
});
