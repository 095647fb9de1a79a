import { join } from 'node:path';
import type {
  AssignmentBoard,
  DefenceBoard,
  DefenceSession,
  ExpertProfile,
  InnovationCall,
  InnovationProject,
  InnovationResults,
  ScoringView,
} from '@jixiao/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  computeDraft,
  confirmPop,
  currentYearPlan,
  DEMO_PASSWORD,
  getJson,
  inputOf,
  noOverflow,
  pick,
  screenshots,
  sendJson,
  useHarness,
} from './harness.js';

/** Two judges' sheets (the default rubric 创新性 0–30, 实效性 0–40, 可推广性 0–30: the score is their sum). */
const LIN = { novelty: 24, effect: 35, reach: 20 }; // 79
const HE = { novelty: 27, effect: 36, reach: 25 }; // 88
const MEAN = (79 + 88) / 2; // two judges (< 5): no trimming → 83.5

/** Types a sheet into the open score form and waits for the live total to read `total`. */
async function fillSheet(page: Page, sheet: Record<string, number>, total: number) {
  for (const [code, v] of Object.entries(sheet)) await inputOf(page, `sheet-${code}`).fill(String(v));
  await expect.poll(() => page.getByTestId('sheet-total').innerText()).toBe(String(total));
}

/**
 * The defence in the browser (issue 12 points 4, 7, 8): B1-01 applies to the year's call → the
 * office sees 邓总监 and 韩处长 excluded with their reasons and assigns 林教授 and 何教授 (a second
 * expert account linked here) → sets the scoring (a coded problem shown at its field first) and a
 * defence session chaired by 林教授 → both judges score on 375 px phones while the chair runs the
 * board → the chair closes (a late score is refused, translated) → the office computes the results
 * and applies the bonus → the unit reads its score without judges' names → the bonus is in its trace.
 */
describe('innovation defence: judges score on phones, the chair closes, the bonus reaches the trace', () => {
  const h = useHarness();
  const title = '重点产业链“链长制”服务专班';
  let callId = 0;
  let projectId = 0;
  let sessionId = 0;
  const chairUrl = () => `${h.url}/innovation/defence/${sessionId}`;

  it('B1-01 applies to the office’s new call on a phone', async () => {
    // The demo's 2026 call is closed (its defence is over): the office opens 2027's.
    const office = await h.as('office');
    const call = await sendJson<InnovationCall>(office, 'POST', '/api/innovation/calls', {
      year: 2027,
      title: '2027年度改革创新项目申报',
      deadline: '2027-05-31',
    });
    expect(call.status).toBe(201);
    callId = call.body.id;
    const opened = await sendJson(office, 'POST', `/api/innovation/calls/${callId}/steps`, {
      action: 'open',
      version: call.body.version,
    });
    expect(opened.status).toBe(200);
    const unit = await h.as('filler2', 375);
    await unit.goto(`${h.url}/innovation/calls/${callId}`);
    await unit.getByTestId('project-new').click();
    await pick(unit, 'project-category', '经济发展');
    await unit.getByTestId('project-title').fill(title);
    await unit.getByTestId('project-summary').fill('围绕重点产业链组建服务专班，一链一策解决企业难题。');
    await unit.getByTestId('project-save').click();
    await unit.locator('[data-testid^="project-"]', { hasText: title }).first().waitFor({ timeout: 15_000 });
    const mine = await getJson<InnovationProject[]>(unit, `/api/innovation/calls/${callId}/projects`);
    projectId = mine.find((p) => p.title === title)!.id;
    // A second project of the category, for the running order.
    const second = await sendJson(unit, 'POST', `/api/innovation/calls/${callId}/projects`, {
      category: 'economy',
      title: '重大项目全生命周期在线服务',
      summary: '项目从签约到投产全程网上办理。',
      results: '',
    });
    expect(second.status).toBe(201);
    expect(await noOverflow(unit)).toBe(true);
  });

  it('the office sees the conflicted experts excluded with the reason and assigns two judges', async () => {
    const office = await h.as('office');
    // The demo has one expert account (林教授); 何教授 gets the second.
    const pool = await getJson<ExpertProfile[]>(office, '/api/innovation/experts');
    const he = pool.find((e) => e.name === '何教授')!;
    const user = await sendJson(office, 'POST', '/api/users', {
      username: 'expert2',
      displayName: '何教授',
      password: DEMO_PASSWORD,
      grants: [{ role: 'expert', scopeType: 'indicators', refs: ['T1'] }],
    });
    expect(user.status).toBe(201);
    const link = await sendJson(office, 'PATCH', `/api/innovation/experts/${he.id}`, {
      username: 'expert2',
      version: he.version,
    });
    expect(link.status).toBe(200);

    await office.goto(`${h.url}/innovation/calls/${callId}/assignments`);
    const excluded = office.getByTestId(`excluded-${projectId}`);
    await excluded.getByText('邓总监：已申报与 B1-01 回避').waitFor({ timeout: 20_000 });
    expect(await excluded.innerText()).toContain(
      '韩处长：与申报单位同属“市发展改革委”；是申报单位 B1-01 的工作人员',
    );
    // A conflict is not overridden, even by hand.
    const dengId = pool.find((e) => e.name === '邓总监')!.id;
    const refused = await sendJson<{ error: { details: { code: string } } }>(
      office,
      'POST',
      `/api/innovation/calls/${callId}/assignments`,
      { projectId, expertId: dengId, reason: '试图越过回避' },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.code).toBe('innovation.expert_excluded');
    for (const name of ['林教授', '何教授']) {
      await office.getByTestId(`judge-add-${projectId}`).click();
      await pick(office, 'judge-add-expert', name);
      await office.getByTestId('judge-add-reason').fill('现场答辩评委');
      // The dialog holds the expert picked, and the server's answer is awaited and checked: under a
      // full run's load this step once timed out with nothing to say whether the add was ever sent.
      expect(await office.locator('.ant-modal').getByTestId('judge-add-expert').innerText()).toContain(name);
      const [added] = await Promise.all([
        office.waitForResponse(
          (r) =>
            new URL(r.url()).pathname === `/api/innovation/calls/${callId}/assignments` &&
            r.request().method() === 'POST',
          { timeout: 30_000 },
        ),
        office.getByTestId('judge-add-ok').click(),
      ]);
      expect(added.status(), await added.text()).toBe(201);
      await office
        .getByTestId(`board-project-${projectId}`)
        .getByText(`${name} · 手工`)
        .waitFor({ timeout: 30_000 });
    }
    const board = await getJson<AssignmentBoard>(office, `/api/innovation/calls/${callId}/assignments`);
    expect(
      board.projects
        .find((p) => p.projectId === projectId)!
        .judges.map((j) => j.name)
        .sort(),
    ).toEqual(['何教授', '林教授']);
  });

  it('the office sets the scoring: the server’s coded problem shows at its field, then the bonus source', async () => {
    const office = await h.as('office');
    const plan = await currentYearPlan(office);
    const doc = await getJson<{ document: { bonus?: { sources?: { code: string; name: string }[] } } }>(
      office,
      `/api/plans/${plan.id}`,
    );
    const sources = doc.document.bonus?.sources ?? [];
    const source = sources.find((s) => s.code === 'innovation') ?? sources[0]!;
    await office.goto(`${h.url}/innovation/calls/${callId}/scoring`);
    await office.getByTestId('scoring-rubric').waitFor({ timeout: 20_000 });
    expect(await office.getByTestId('rubric-sum').innerText()).toContain('100%');
    // Trimming 1 highest and 1 lowest needs at least 3 judges: the server says so at the field.
    await inputOf(office, 'agg-trimAt').fill('2');
    await office.getByTestId('scoring-save').click();
    await office
      .getByTestId('scoring-aggregation')
      .getByText('去尾起点须至少为去掉个数的 2 倍加 1')
      .waitFor({ timeout: 15_000 });
    await inputOf(office, 'agg-trimAt').fill('5');
    await pick(office, 'bonus-plan', `${plan.year} ${plan.name}`);
    await pick(office, 'bonus-source', `${source.name}（${source.code}）`);
    await office.getByTestId('scoring-save').click();
    await office.getByText('评分设置已保存').waitFor({ timeout: 15_000 });
    const saved = await getJson<ScoringView>(office, `/api/innovation/calls/${callId}/scoring`);
    expect(saved.settings.aggregation.trimAt).toBe(5);
    expect(saved.settings.bonus).toMatchObject({ planId: plan.id, source: source.code });
  });

  it('the office sets up a defence session: 经济发展, the new project first, 林教授 chairs', async () => {
    const office = await h.as('office');
    await office.goto(`${h.url}/innovation/calls/${callId}/defence`);
    await office.getByTestId('session-new').click();
    await pick(office, 'session-category', '经济发展');
    const order = office.getByTestId('session-order');
    const rows = order.locator('[data-testid^="order-"]');
    await order.getByTestId(`order-${projectId}`).waitFor({ timeout: 15_000 });
    // Keep the new project and one other; move the new one to the front.
    while ((await rows.count()) > 2) {
      const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      const other = ids.filter((id) => id !== `order-${projectId}`).at(-1)!;
      await order.getByTestId(other).locator('.anticon-delete').click();
    }
    if ((await rows.first().getAttribute('data-testid')) !== `order-${projectId}`)
      await order.getByTestId(`order-${projectId}`).getByTestId('move-up').click();
    expect(await rows.first().getAttribute('data-testid')).toBe(`order-${projectId}`);
    await inputOf(office, 'session-minutes').fill('1');
    await pick(office, 'session-chair', '林教授');
    await office.getByTestId('session-save').click();
    await office
      .locator('[data-testid^="session-"]', { hasText: '现场答辩' })
      .first()
      .waitFor({ timeout: 15_000 });
    const sessions = await getJson<DefenceSession[]>(office, `/api/innovation/calls/${callId}/sessions`);
    const s = sessions.find((x) => x.chair?.name === '林教授')!;
    sessionId = s.id;
    expect(s).toMatchObject({ minutes: 1, projects: 2, status: 'planned' });
    const board = await getJson<DefenceBoard>(office, `/api/innovation/sessions/${sessionId}/board`);
    expect(board.items[0]!.projectId).toBe(projectId);
  });

  it('the chair starts the presentation: the board counts down on the server’s clock', async () => {
    const chair = await h.as('expert');
    await chair.goto(chairUrl());
    await chair.getByTestId('defence-present').click();
    const clock = chair.getByTestId('defence-clock');
    await clock.waitFor({ timeout: 15_000 });
    const board = await getJson<DefenceBoard>(chair, `/api/innovation/sessions/${sessionId}/board`);
    expect(board.current).toMatchObject({ projectId, stage: 'presenting' });
    const shown = Number(await clock.getAttribute('data-seconds'));
    expect(Math.abs(shown - board.current!.remainingSeconds!)).toBeLessThanOrEqual(3);
    expect(await clock.innerText()).toMatch(/^0[01]:\d\d$/);
    await chair.screenshot({ path: join(screenshots, 'innovation-defence-board.png') });
    // The same board on a phone: the clock counts there too, and nothing scrolls sideways.
    const phone = await h.as('office', 375);
    await phone.goto(chairUrl());
    await phone.getByTestId('defence-clock').waitFor({ timeout: 15_000 });
    expect(await noOverflow(phone)).toBe(true);
    await chair.getByTestId('defence-score').click();
    await chair.locator('[data-testid="defence-current"][data-stage="scoring"]').waitFor({ timeout: 15_000 });
  });

  it('two judges score the project on stage on 375 px phones; the board shows their scores', async () => {
    for (const [user, sheet, score] of [
      ['expert', LIN, 79],
      ['expert2', HE, 88],
    ] as const) {
      const judge = await h.as(user, 375);
      await judge.goto(`${h.url}/innovation/judging`);
      const card = judge.getByTestId(`judging-${projectId}`);
      await card.getByText('正在答辩').waitFor({ timeout: 20_000 });
      await card.getByTestId(`judging-open-${projectId}`).click();
      await judge.getByTestId('sheet-form').waitFor();
      if (user === 'expert2') {
        // Out of its range: said at the criterion, no total.
        await inputOf(judge, 'sheet-novelty').fill('31');
        await judge.getByText('评分 31 超出范围 0–30').waitFor();
      }
      await judge.screenshot({ path: join(screenshots, `innovation-sheet-${user}-open.png`) });
      await fillSheet(judge, sheet, score);
      expect(await noOverflow(judge)).toBe(true);
      await judge.screenshot({ path: join(screenshots, `innovation-sheet-${user}-phone.png`) });
      await judge.getByTestId('sheet-submit').click();
      await judge.getByText(`评分已提交：${score} 分`).waitFor({ timeout: 15_000 });
    }
    const chair = await h.as('expert');
    await chair.goto(chairUrl());
    await chair.getByTestId('defence-submitted').getByText('已评 2/2').waitFor({ timeout: 15_000 });
    const board = await getJson<DefenceBoard>(chair, `/api/innovation/sessions/${sessionId}/board`);
    const item = board.items.find((i) => i.projectId === projectId)!;
    expect(item.aggregate?.score).toBe(MEAN);
    expect(await chair.getByTestId('defence-aggregate').innerText()).toContain(`当前平均分 ${MEAN}（2 份）`);
    const rows = await chair.getByTestId('defence-scores').locator('tr.ant-table-row').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').split(' ').slice(0, 2).join(' ')).sort()).toEqual([
      '何教授 88',
      '林教授 79',
    ]);
  });

  it('the chair closes and locks: a late score is refused with the translated message', async () => {
    const late = await h.as('expert2', 375);
    await late.goto(`${h.url}/innovation/judging`);
    await late.getByTestId(`judging-open-${projectId}`).click();
    await late.getByTestId('sheet-form').waitFor();
    // The phone has not refreshed since (its polls hang): it still offers the form.
    await late.route(/\/judging$/, () => new Promise(() => {}));
    const chair = await h.as('expert');
    await chair.goto(chairUrl());
    await chair.getByTestId('defence-close').click();
    await confirmPop(chair);
    await chair.getByTestId(`defence-row-${projectId}`).getByText('已锁定').waitFor({ timeout: 15_000 });
    await inputOf(late, 'sheet-reach').fill('26');
    await late.getByTestId('sheet-submit').click();
    await late
      .getByTestId('sheet-error')
      .getByText('该项目已结束答辩，评分已锁定，不能再提交或修改')
      .waitFor({ timeout: 15_000 });
    const api = await sendJson<{ error: { details: { code: string } } }>(
      late,
      'PUT',
      `/api/innovation/projects/${projectId}/sheet`,
      { scores: { ...HE, reach: 26 }, version: 1 },
    );
    expect(api.status).toBe(409);
    expect(api.body.error.details.code).toBe('innovation.score_locked');
    await late.unroute(/\/judging$/);
    await late.reload();
    await late.getByTestId(`judging-${projectId}`).getByText('已锁定').waitFor({ timeout: 15_000 });
  });

  let results: InnovationResults;
  it('the office computes the results and applies the bonus; the shown figures are the API’s', async () => {
    const office = await h.as('office');
    await office.goto(`${h.url}/innovation/calls/${callId}/results`);
    await office.getByTestId('results-compute').click();
    const row = office.getByTestId(`result-row-${projectId}`);
    await row.waitFor({ timeout: 30_000 });
    results = await getJson<InnovationResults>(office, `/api/innovation/calls/${callId}/results`);
    const p = results.projects.find((x) => x.projectId === projectId)!;
    expect(p).toMatchObject({ score: MEAN, judges: 2, trimmed: false });
    expect(await row.getByTestId('result-score').innerText()).toBe(String(MEAN));
    expect(await row.innerText()).toContain(`${p.rank}/${p.inCategory}`);
    expect(p.topTen).toBe(true);
    expect(await office.getByTestId(`topten-${projectId}`).innerText()).toContain(`第 ${p.seat} 位`);
    const proposal = results.proposals.find((x) => x.projectId === projectId)!;
    expect(proposal.points).toBeGreaterThan(0);
    const shown = office.getByTestId('results-proposals').locator('tr', { hasText: title });
    expect(await shown.getByTestId('proposal-points').innerText()).toBe(String(proposal.points));
    await office.getByTestId('results-apply').click();
    await confirmPop(office);
    await office.getByTestId('results-applied').waitFor({ timeout: 30_000 });
    const applied = await getJson<InnovationResults>(office, `/api/innovation/calls/${callId}/results`);
    expect(applied.applied?.events).toBeGreaterThan(0);
    await office.screenshot({ path: join(screenshots, 'innovation-results.png'), fullPage: true });
    const phone = await h.as('office', 375);
    await phone.goto(`${h.url}/innovation/calls/${callId}/results`);
    await phone.getByTestId(`result-row-${projectId}`).waitFor({ timeout: 20_000 });
    expect(await noOverflow(phone)).toBe(true);
  });

  it('the unit reads its score, rank and top-ten seat without the judges’ names', async () => {
    const unit = await h.as('filler2', 375);
    await unit.goto(`${h.url}/innovation/calls/${callId}`);
    const mine = await getJson<InnovationResults>(unit, `/api/innovation/calls/${callId}/results`);
    const p = mine.projects.find((x) => x.projectId === projectId)!;
    expect(p.panel.every((e) => e.judge === null)).toBe(true);
    const card = unit.getByTestId(`project-${projectId}`);
    await card.getByTestId('project-result').waitFor({ timeout: 20_000 });
    expect(await card.getByTestId('project-result-score').innerText()).toBe(
      `评审得分 ${MEAN} · 经济发展第 ${p.rank} 名（共 ${p.inCategory} 个）`,
    );
    expect(await card.getByTestId('project-result-seat').innerText()).toBe(`入选十优（第 ${p.seat} 位）`);
    const panel = await card.getByTestId('project-result-panel').innerText();
    expect(panel).not.toContain('林教授');
    expect(panel).not.toContain('何教授');
    expect(panel).toContain(p.panel.map((e, i) => `评委${i + 1} ${e.raw}`).join('、'));
    expect(await noOverflow(unit)).toBe(true);
  });

  it('the bonus appears in B1-01’s trace, naming the project', async () => {
    const office = await h.as('office');
    const plan = await currentYearPlan(office);
    const period = `${plan.year}-Y`;
    await office.goto(`${h.url}/results?plan=${plan.id}&period=${period}&group=B1`);
    await computeDraft(office);
    await office.locator('[data-testid="results-unit-link"][data-unit="B1-01"]').click();
    const bonus = office.getByTestId('trace-view').locator('tr.ant-table-row', { hasText: title });
    await bonus.waitFor({ timeout: 20_000 });
    const proposal = results.proposals.find((x) => x.projectId === projectId)!;
    expect(await bonus.innerText()).toContain(String(proposal.points));
    const seat = results.projects.find((x) => x.projectId === projectId)!.seat;
    expect(await bonus.innerText()).toContain(`入选改革创新十优（第${seat}位）`);
    await bonus.scrollIntoViewIfNeeded();
    await office.screenshot({ path: join(screenshots, 'innovation-bonus-trace.png') });
  });
});
