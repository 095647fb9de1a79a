import { beforeAll, describe, expect, it } from 'vitest';
import { fillCycle } from './cycle-data.js';
import { auditActions, errorDetail, jsonOf, makeUser, signIn } from './helpers.js';
import { activePlan, buildOrg, injectAsUser, leaderCookie, officeCookie, releaseRun } from './org-fixture.js';
import { tinyInput, tinyPlan } from './plans-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * Scoring innovation projects (issue 12 points 4–5), numbers by hand. Units u1 一号局 (P1, P2),
 * u2 二号局 (P3) in 经济发展, u3 三号局 (P4) in 党建; judges J1–J5 (accounts judge1–judge5) and J6.
 * The rubric is the default 30 / 40 / 30 points, so a judge's score is the sum of the points.
 *   P1: J1–J5 give 88, 92, 75, 85, 90 → five judges: drop 75 and 92 → (85 + 88 + 90) / 3 = 87.67
 *   P2: J1–J4 give 80, 70, 90, 84 → four: no trimming → 324 / 4 = 81
 *   P3: J1–J3 give 70, 72, 74 → 72
 *   P4: J1–J3 give 60, 66, 69 → 65 (scored online, closed by the office)
 * Ranks: 经济发展 P1 1, P2 2, P3 3; 党建 P4 1. Top ten of 3 seats with one reserved for 党建:
 * P4 (reserved), then P1 and P2; P3 out. Bonus by category rank: 1st 1 point, 2nd–3rd 0.8; the
 * source's cap is 1.5 per unit: u1 P1 1 + P2 min(0.8, 1.5 − 1) = 0.5 (cut by 0.3); u2 P3 0.8;
 * u3 already holds 1.5 from the source, so P4's 1 is cut to 0 — a proposal, never an event.
 */
describe('innovation scoring: sheets, defence session, results, bonus', () => {
  const env = useTestApp();
  const who: Record<string, string> = {};
  const call = injectAsUser(() => env, who);
  let org: Awaited<ReturnType<typeof buildOrg<'u1' | 'u2' | 'u3'>>>;
  let planId: number;
  let callId: number;
  let sessionId: number;
  const P: Record<string, number> = {};
  const J: Record<string, number> = {};
  const ok = jsonOf;
  /** The status and the coded problem of a refused call. */
  const refusal = async (p: ReturnType<typeof call>) => {
    const r = await p;
    return { status: r.statusCode, ...errorDetail(r) };
  };
  /** A sheet worth `total` points: novelty, effect and reach in their ranges. */
  const sheet = (total: number) => {
    const effect = Math.min(40, Math.round(total * 0.4));
    const novelty = Math.min(30, Math.floor((total - effect) / 2));
    return { novelty, effect, reach: total - effect - novelty };
  };
  const score = (judge: string, project: string, total: number, version: number | null = null) =>
    call(judge, 'PUT', `/api/innovation/projects/${P[project]}/sheet`, { scores: sheet(total), version });
  const board = () => ok(call('office', 'GET', `/api/innovation/sessions/${sessionId}/board`));
  const step = async (user: string, project: string, action: string) => {
    const b = await board();
    return call(user, 'POST', `/api/innovation/sessions/${sessionId}/steps`, {
      projectId: P[project],
      action,
      version: b.session.version,
    });
  };

  beforeAll(async () => {
    env.clock.now = new Date('2026-03-01T08:00:00Z');
    who.office = await officeCookie(env);
    who.leader = await leaderCookie(env);
    org = await buildOrg(env, who.office, { u1: '一号局', u2: '二号局', u3: '三号局' });
    planId = await activePlan(env, who.office, {
      systemId: org.system,
      name: '方案',
      document: {
        ...tinyPlan(),
        bonus: { cap: 8, sources: [{ code: 'innovation', name: '创新加分', cap: 1.5 }] },
      },
    });
    await fillCycle(env, planId, {
      ...tinyInput('2026-Y', { u1: [90, 100, 40, 50], u2: [100, 100, 50, 50], u3: [80, 100, 40, 50] }),
      bonuses: [{ unit: 'u3', source: 'innovation', points: 1.5, reason: '省级创新表彰' }],
    });
    for (const u of ['u1', 'u2', 'u3'] as const) {
      await makeUser(
        env,
        `${u}admin`,
        [{ role: 'unit_admin', scopeType: 'org', orgNodeId: org.units[u] }],
        org.units[u],
      );
      who[u] = await signIn(env, `${u}admin`);
    }
    const c = await ok(
      call('office', 'POST', '/api/innovation/calls', {
        year: 2026,
        title: '创新项目',
        deadline: '2026-04-30',
      }),
      201,
    );
    callId = c.id;
    await ok(call('office', 'POST', `/api/innovation/calls/${callId}/steps`, { action: 'open', version: 1 }));
    const projects: [string, 'u1' | 'u2' | 'u3', string][] = [
      ['P1', 'u1', 'economy'],
      ['P2', 'u1', 'economy'],
      ['P3', 'u2', 'economy'],
      ['P4', 'u3', 'party'],
    ];
    for (const [code, unit, category] of projects)
      P[code] = (
        await ok(
          call(unit, 'POST', `/api/innovation/calls/${callId}/projects`, {
            category,
            title: `项目${code}`,
            summary: '做法',
            results: '成效',
          }),
          201,
        )
      ).id;
    for (let i = 1; i <= 6; i++) {
      await makeUser(env, `judge${i}`, [{ role: 'expert', scopeType: 'global' }]);
      who[`J${i}`] = await signIn(env, `judge${i}`);
      J[`J${i}`] = (
        await ok(
          call('office', 'POST', '/api/innovation/experts', {
            name: `专家${i}`,
            affiliation: 'university',
            organisation: `大学${i}`,
            username: `judge${i}`,
          }),
          201,
        )
      ).id;
    }
    const panels: Record<string, string[]> = {
      P1: ['J1', 'J2', 'J3', 'J4', 'J5'],
      P2: ['J1', 'J2', 'J3', 'J4'],
      P3: ['J1', 'J2', 'J3', 'J6'],
      P4: ['J1', 'J2', 'J3'],
    };
    for (const [p, js] of Object.entries(panels))
      for (const j of js)
        await ok(
          call('office', 'POST', `/api/innovation/calls/${callId}/assignments`, {
            projectId: P[p],
            expertId: J[j],
            reason: '测试',
          }),
          201,
        );
  });

  it('settings: the default rubric; every problem named by field; the plan and source checked', async () => {
    const s = await ok(call('office', 'GET', `/api/innovation/calls/${callId}/scoring`));
    expect(s.settings.rubric.criteria.map((c: { code: string; max: number }) => [c.code, c.max])).toEqual([
      ['novelty', 30],
      ['effect', 40],
      ['reach', 30],
    ]);
    expect(s.settings.aggregation).toMatchObject({ trimAt: 5, trim: 1, normalise: false });
    const bad = await call('office', 'PUT', `/api/innovation/calls/${callId}/scoring`, {
      ...s.settings,
      rubric: {
        ...s.settings.rubric,
        criteria: s.settings.rubric.criteria.map((c: object, i: number) =>
          i === 2 ? { ...c, weight: 0.4 } : c,
        ),
      },
      aggregation: { ...s.settings.aggregation, trimAt: 2 },
      bonus: { ...s.settings.bonus, planId, source: 'nope' },
      version: s.version,
    });
    expect(bad.statusCode).toBe(400);
    const issues = bad.json().error.details.map((i: { path: string; code: string }) => `${i.path} ${i.code}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'rubric.criteria weights_sum',
        'aggregation.trimAt trim_at',
        'bonus.source unknown_bonus_source',
      ]),
    );
    const saved = await ok(
      call('office', 'PUT', `/api/innovation/calls/${callId}/scoring`, {
        ...s.settings,
        topTen: { size: 3, categories: { party: { min: 1 } }, tieBreak: [] },
        bonus: {
          planId,
          source: 'innovation',
          rankOf: 'category',
          table: [
            { fromRank: 1, toRank: 1, points: 1 },
            { fromRank: 2, toRank: 3, points: 0.8 },
          ],
          tables: {},
          decimals: 2,
        },
        version: s.version,
      }),
    );
    expect(saved.settings.bonus).toMatchObject({ planId, source: 'innovation' });
    expect((await call('u1', 'PUT', `/api/innovation/calls/${callId}/scoring`, saved)).statusCode).toBe(403);
  });

  it('a defence session of the 经济发展 projects; judges may not score before their turn', async () => {
    const notJudge = await call('office', 'POST', `/api/innovation/calls/${callId}/sessions`, {
      title: '经济发展组答辩',
      category: 'economy',
      chairExpertId: J.J5,
      projectIds: [P.P2, P.P3],
    });
    expect(await refusal(Promise.resolve(notJudge))).toMatchObject({
      status: 400,
      code: 'innovation.chair_not_judge',
    });
    const b = await ok(
      call('office', 'POST', `/api/innovation/calls/${callId}/sessions`, {
        title: '经济发展组答辩',
        category: 'economy',
        minutes: 10,
        chairExpertId: J.J1,
        projectIds: [P.P2, P.P1, P.P3],
      }),
      201,
    );
    sessionId = b.session.id;
    expect(b.session).toMatchObject({ status: 'planned', projects: 3, chair: { name: '专家1' } });
    // Reordered while nothing started.
    const re = await ok(
      call('office', 'PATCH', `/api/innovation/sessions/${sessionId}`, {
        projectIds: [P.P1, P.P2, P.P3],
        version: b.session.version,
      }),
    );
    expect(re.items.map((i: { projectId: number }) => i.projectId)).toEqual([P.P1, P.P2, P.P3]);
    expect(await refusal(score('J1', 'P1', 88))).toMatchObject({
      status: 409,
      code: 'innovation.score_not_open',
    });
    // Its unit may no longer change what the judges hear.
    const p1 = await ok(call('u1', 'GET', `/api/innovation/projects/${P.P1}`));
    expect(p1.editable).toBe(false);
    expect(
      await refusal(
        call('u1', 'PATCH', `/api/innovation/projects/${P.P1}`, { title: '改', version: p1.version }),
      ),
    ).toMatchObject({ status: 409, code: 'innovation.project_locked', params: { status: 'judging' } });
  });

  it('the chair starts P1: the timer runs on the server clock; one project at a time', async () => {
    expect((await step('J2', 'P1', 'present')).statusCode).toBe(403);
    const b = await ok(step('J1', 'P1', 'present'));
    expect(b.current).toMatchObject({ projectId: P.P1, stage: 'presenting', remainingSeconds: 600 });
    expect(b.current.deadline).toBe('2026-03-01T08:10:00.000Z');
    env.clock.now = new Date('2026-03-01T08:04:00Z');
    expect((await board()).current.remainingSeconds).toBe(360);
    expect(await refusal(step('office', 'P2', 'present'))).toMatchObject({
      status: 409,
      code: 'innovation.session_busy',
    });
    const reorder = await call('office', 'PATCH', `/api/innovation/sessions/${sessionId}`, {
      projectIds: [P.P2, P.P1, P.P3],
      version: b.session.version + 0,
    });
    expect(reorder.statusCode).toBe(409);
  });

  it('sheets: range and missing criteria named, another judge 404, versions, audited', async () => {
    const out = await refusal(
      call('J1', 'PUT', `/api/innovation/projects/${P.P1}/sheet`, {
        scores: { novelty: 31, effect: 36, reach: 26 },
      }),
    );
    expect(out).toMatchObject({ status: 400, path: 'scores.novelty', code: 'out_of_range' });
    const missing = await refusal(
      call('J1', 'PUT', `/api/innovation/projects/${P.P1}/sheet`, { scores: { novelty: 26, effect: 36 } }),
    );
    expect(missing).toMatchObject({ status: 400, path: 'scores.reach', code: 'missing_criterion' });
    expect((await score('J6', 'P1', 80)).statusCode).toBe(404);
    for (const [j, total] of [
      ['J1', 80],
      ['J2', 92],
      ['J3', 75],
      ['J4', 85],
      ['J5', 90],
    ] as const)
      expect((await ok(score(j, 'P1', total))).score).toBe(total);
    expect((await score('J1', 'P1', 88)).statusCode).toBe(409); // no version: someone's sheet exists
    const fixed = await ok(score('J1', 'P1', 88, 1));
    expect(fixed).toMatchObject({ score: 88, version: 2, judgeName: '专家1', submittedBy: 'judge1' });
    expect(await auditActions(env, "action = 'innovation.score'")).toHaveLength(6);
    const mine = await ok(call('J1', 'GET', `/api/innovation/calls/${callId}/judging`));
    const p1 = mine.projects.find((p: { project: { id: number } }) => p.project.id === P.P1);
    expect(p1).toMatchObject({ stage: 'presenting', canScore: true, locked: false, sheet: { score: 88 } });
    expect(mine.rubric.criteria).toHaveLength(3);
  });

  it('the board: names for the chair and office only; a unit sees its own scores without names', async () => {
    const names = (b: {
      items: { projectId: number; scores: { judge: { name: string } | null; score: number }[] | null }[];
    }) => b.items.find((i) => i.projectId === P.P1)!.scores;
    const office = await board();
    const p1 = office.items.find((i: { projectId: number }) => i.projectId === P.P1);
    expect(p1).toMatchObject({ submitted: 5, assigned: 5, aggregate: { score: 87.67, n: 5, trimmed: true } });
    expect(
      names(office)!
        .map((s) => s!.judge!.name)
        .sort(),
    ).toEqual(['专家1', '专家2', '专家3', '专家4', '专家5']);
    const chair = await ok(call('J1', 'GET', `/api/innovation/sessions/${sessionId}/board`));
    expect(names(chair)!.every((s) => s.judge !== null)).toBe(true);
    const judge = await ok(call('J2', 'GET', `/api/innovation/sessions/${sessionId}/board`));
    expect(names(judge)!.every((s) => s.judge === null)).toBe(true);
    const u1 = await ok(call('u1', 'GET', `/api/innovation/sessions/${sessionId}/board`));
    expect(names(u1)!.map((s) => s.score)).toEqual([92, 90, 88, 85, 75]);
    expect(names(u1)!.every((s) => s.judge === null)).toBe(true);
    // The chair presides in public (named on the session); no score carries a judge's name.
    expect(JSON.stringify(u1.items)).not.toContain('专家');
    const u2 = await ok(call('u2', 'GET', `/api/innovation/sessions/${sessionId}/board`));
    expect(names(u2)).toBeNull();
    expect(u2.items.find((i: { projectId: number }) => i.projectId === P.P1).aggregate).toBeNull();
  });

  it('closing locks the sheets; P2 and P3 in turn; a conflict declared after the assignment refuses J6', async () => {
    await ok(step('J1', 'P1', 'score'));
    await ok(step('J1', 'P1', 'close'));
    expect(await refusal(score('J2', 'P1', 60, 1))).toMatchObject({
      status: 409,
      code: 'innovation.score_locked',
    });
    expect(await refusal(step('J1', 'P1', 'close'))).toMatchObject({
      status: 409,
      code: 'innovation.defence_state',
    });
    await ok(step('J1', 'P2', 'present'));
    for (const [j, total] of [
      ['J1', 80],
      ['J2', 70],
      ['J3', 90],
      ['J4', 84],
    ] as const)
      await ok(score(j, 'P2', total));
    await ok(step('office', 'P2', 'close'));
    await ok(step('J1', 'P3', 'present'));
    const e6 = await ok(call('office', 'GET', '/api/innovation/experts'));
    const j6 = e6.find((e: { id: number }) => e.id === J.J6);
    await ok(
      call('office', 'PATCH', `/api/innovation/experts/${J.J6}`, {
        conflictUnitCodes: ['u2'],
        version: j6.version,
      }),
    );
    expect(await refusal(score('J6', 'P3', 70))).toMatchObject({
      status: 409,
      code: 'innovation.judge_conflict',
      params: { reasons: ['declared_conflict'] },
    });
    for (const [j, total] of [
      ['J1', 70],
      ['J2', 72],
      ['J3', 74],
    ] as const)
      await ok(score(j, 'P3', total));
    const done = await ok(step('J1', 'P3', 'close'));
    expect(done.session).toMatchObject({ status: 'finished', closed: 3, currentProjectId: null });
  });

  it('judges who scored stay: no automatic re-assignment once judging started, no removing a scorer', async () => {
    const before = await ok(call('office', 'GET', `/api/innovation/calls/${callId}/assignments`));
    expect(
      await refusal(
        call('office', 'POST', `/api/innovation/calls/${callId}/assignments/auto`, {
          mode: 'perProject',
          n: 3,
        }),
      ),
    ).toMatchObject({ status: 409, code: 'innovation.judging_started' });
    const j1 = before.projects
      .find((p: { projectId: number }) => p.projectId === P.P1)
      .judges.find((j: { expertId: number }) => j.expertId === J.J1);
    expect(
      await refusal(
        call('office', 'POST', `/api/innovation/assignments/${j1.id}/remove`, { reason: '调整评审组成员' }),
      ),
    ).toMatchObject({ status: 409, code: 'innovation.judge_scored' });
    expect(await ok(call('office', 'GET', `/api/innovation/calls/${callId}/assignments`))).toEqual(before);
  });

  it('P4 online: scored outside a session, closed by the office; the rubric is now fixed', async () => {
    for (const [j, total] of [
      ['J1', 60],
      ['J2', 66],
      ['J3', 69],
    ] as const)
      await ok(score(j, 'P4', total));
    expect((await call('J1', 'POST', `/api/innovation/projects/${P.P4}/close`, {})).statusCode).toBe(403);
    expect(
      await ok(call('office', 'POST', `/api/innovation/projects/${P.P4}/close`, { reason: '网络评审结束' })),
    ).toMatchObject({
      stage: 'closed',
      sessionId: null,
    });
    expect(await refusal(score('J1', 'P4', 70, 1))).toMatchObject({
      status: 409,
      code: 'innovation.score_locked',
    });
    const s = await ok(call('office', 'GET', `/api/innovation/calls/${callId}/scoring`));
    expect(s.rubricLocked).toBe(true);
    const changed = await refusal(
      call('office', 'PUT', `/api/innovation/calls/${callId}/scoring`, {
        ...s.settings,
        rubric: { ...s.settings.rubric, total: 10 },
        version: s.version,
      }),
    );
    expect(changed).toMatchObject({ status: 409, code: 'innovation.rubric_locked' });
  });

  let resultsVersion = 0;
  it('results by hand: trimmed mean, ranks, top ten with a reserved seat, bonus under the cap', async () => {
    expect((await call('office', 'GET', `/api/innovation/calls/${callId}/results`)).statusCode).toBe(404);
    const r = await ok(call('office', 'POST', `/api/innovation/calls/${callId}/results`));
    resultsVersion = r.version;
    const row = (p: string) => r.projects.find((x: { projectId: number }) => x.projectId === P[p]);
    expect(row('P1')).toMatchObject({
      score: 87.67,
      trimmed: true,
      judges: 5,
      rank: 1,
      inCategory: 3,
      topTen: true,
    });
    expect(
      row('P1')
        .panel.filter((x: { kept: boolean }) => !x.kept)
        .map((x: { raw: number }) => x.raw)
        .sort(),
    ).toEqual([75, 92]);
    expect(row('P2')).toMatchObject({
      score: 81,
      trimmed: false,
      rank: 2,
      topTen: true,
      bonus: { earned: 0.8, points: 0.5 },
    });
    expect(row('P3')).toMatchObject({
      score: 72,
      rank: 3,
      topTen: false,
      bonus: { earned: 0.8, points: 0.8 },
    });
    expect(row('P4')).toMatchObject({
      score: 65,
      rank: 1,
      inCategory: 1,
      topTen: true,
      bonus: { earned: 1, points: 0 },
    });
    expect(new Set(r.topTen)).toEqual(new Set([P.P1, P.P2, P.P4]));
    // In the call's order of categories (党建 first), then by rank.
    expect(r.projects.map((p: { projectId: number }) => p.projectId)).toEqual([P.P4, P.P1, P.P2, P.P3]);
    expect(row('P1').steps.map((s: { code: string }) => s.code)).toEqual(
      expect.arrayContaining([
        'innovation.trimmed',
        'innovation.category_rank',
        'innovation.top_ten',
        'innovation.bonus',
      ]),
    );
    const points = Object.fromEntries(
      r.proposals.map((p: { projectId: number; points: number }) => [p.projectId, p.points]),
    );
    expect(points).toEqual({ [P.P1!]: 1, [P.P2!]: 0.5, [P.P3!]: 0.8, [P.P4!]: 0 });
    const u3 = r.units.find((u: { unitCode: string }) => u.unitCode === 'u3');
    expect(u3).toMatchObject({ cap: 1.5, already: 1.5, earned: 1, points: 0 });
    expect(r.judges.map((j: { judge: { name: string } }) => j.judge.name)).toContain('专家1');
    expect(r.plan).toMatchObject({
      id: planId,
      source: 'innovation',
      sourceName: '创新加分',
      cap: 1.5,
      period: '2026-Y',
    });
    expect(r.stale).toBe(false);
  });

  it('a unit sees its own projects without judges’ names; leaders everything', async () => {
    const u1 = await ok(call('u1', 'GET', `/api/innovation/calls/${callId}/results`));
    expect(u1.projects.map((p: { projectId: number }) => p.projectId).sort()).toEqual([P.P1, P.P2].sort());
    expect(u1.projects[0].panel.every((x: { judge: unknown }) => x.judge === null)).toBe(true);
    expect(u1.judges).toEqual([]);
    expect(u1.topTen.sort()).toEqual([P.P1, P.P2].sort());
    expect(JSON.stringify(u1)).not.toContain('专家');
    const leader = await ok(call('leader', 'GET', `/api/innovation/calls/${callId}/results`));
    expect(leader.projects).toHaveLength(4);
    expect((await call('leader', 'POST', `/api/innovation/calls/${callId}/results`)).statusCode).toBe(403);
  });

  it('apply: approved bonus events of 2026-Y (none for a proposal cut to 0); again: unchanged', async () => {
    const a = await ok(
      call('office', 'POST', `/api/innovation/calls/${callId}/results/apply`, { version: resultsVersion }),
    );
    expect(a).toMatchObject({ created: 3, withdrawn: 0, unchanged: false });
    expect(
      a.events.map((e: { projectId: number; points: number }) => [e.projectId, e.points]).sort(),
    ).toEqual(
      [
        [P.P1, 1],
        [P.P2, 0.5],
        [P.P3, 0.8],
      ].sort(),
    );
    const events = await ok(call('office', 'GET', `/api/events?planId=${planId}&kind=bonus`));
    const mine = events.filter((e: { reason: string }) => e.reason.includes('项目P'));
    expect(mine).toHaveLength(3);
    expect(
      mine.every(
        (e: { status: string; period: string; code: string }) =>
          e.status === 'approved' && e.period === '2026-Y' && e.code === 'innovation',
      ),
    ).toBe(true);
    expect(mine.map((e: { reason: string }) => e.reason)).toContain('创新项目「项目P1」经济发展类第1名');
    const again = await ok(
      call('office', 'POST', `/api/innovation/calls/${callId}/results/apply`, { version: a.results.version }),
    );
    expect(again).toMatchObject({ created: 0, withdrawn: 0, unchanged: true });
    expect(await auditActions(env, "action like 'innovation.results.%'")).toEqual([
      'innovation.results.compute',
      'innovation.results.apply',
      'innovation.results.apply',
    ]);
  });

  it("after a change and a new computation, re-applying replaces the call's events", async () => {
    const s = await ok(call('office', 'GET', `/api/innovation/calls/${callId}/scoring`));
    await ok(
      call('office', 'PUT', `/api/innovation/calls/${callId}/scoring`, {
        ...s.settings,
        bonus: { ...s.settings.bonus, table: [{ fromRank: 1, toRank: 1, points: 1.2 }] },
        version: s.version,
      }),
    );
    const old = await ok(call('office', 'GET', `/api/innovation/calls/${callId}/results`));
    expect(old).toMatchObject({ stale: true, applied: { events: 3, points: 2.3 } });
    expect(
      await refusal(
        call('office', 'POST', `/api/innovation/calls/${callId}/results/apply`, { version: old.version }),
      ),
    ).toMatchObject({ status: 409, code: 'innovation.results_stale' });
    const r = await ok(call('office', 'POST', `/api/innovation/calls/${callId}/results`));
    // The call's own earlier events do not count as "already": u1 earns 1.2 for P1 again.
    expect(
      r.proposals.map((p: { projectId: number; points: number }) => [p.projectId, p.points]).sort(),
    ).toEqual(
      [
        [P.P1, 1.2],
        [P.P4, 0],
      ].sort(),
    );
    const a = await ok(
      call('office', 'POST', `/api/innovation/calls/${callId}/results/apply`, { version: r.version }),
    );
    expect(a).toMatchObject({ created: 1, withdrawn: 3, unchanged: false });
    const events = await ok(call('office', 'GET', `/api/events?planId=${planId}&kind=bonus&status=approved`));
    expect(
      events
        .filter((e: { reason: string }) => e.reason.includes('项目P'))
        .map((e: { points: number }) => e.points),
    ).toEqual([1.2]);
  });

  it("the unit's trace shows the bonus under the source's name, with the project's title", async () => {
    const run = await ok(call('office', 'POST', `/api/plans/${planId}/evaluate`, { period: '2026-Y' }));
    const released = await releaseRun(env, who.office!, planId, run.id);
    expect(released.statusCode).toBe(200);
    const trace = await ok(call('u1', 'GET', `/api/plans/${planId}/results/u1/trace?period=2026-Y`));
    expect(trace.bonus.items).toEqual([
      expect.objectContaining({
        source: 'innovation',
        points: 1.2,
        reason: '创新项目「项目P1」经济发展类第1名',
      }),
    ]);
    expect(trace.bonus.capped).toBe(1.2);
  });
});
