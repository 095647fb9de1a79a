import { join } from 'node:path';
import type { EvaluationRun, Objection, PlanSummary } from '@jixiao/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  computeDraft,
  fetchJson,
  getJson,
  noOverflow,
  pick,
  screenshots,
  submitAndApprove,
  useHarness,
} from './harness.js';

/**
 * Publicity and objections in the browser (issue 11 points 2, 3, 10): the office computes the
 * year and publishes it for publicity; the A01 filler sees its publicity and objects to T1; the
 * lead department of T1 (assessor) rejects; the filler asks for a review; a leader adjusts, which
 * makes a new version the unit sees; the office cannot submit while the publicity runs; once it is
 * over (the demo clock moved a month ahead) the office submits and a leader releases that version.
 */
describe('publicity → objection → answer → escalation → decision', () => {
  const h = useHarness();
  let plan: PlanSummary;
  let url: string;
  let objectionId: number;

  const openObjection = async (page: Page) => {
    await page.goto(`${h.url}/objections`);
    await page
      .getByTestId('objections-table')
      .locator('tbody tr.ant-table-row')
      .first()
      .click({ timeout: 30_000 });
    await page.getByTestId('objection-drawer').waitFor();
  };
  /** Waits until the objection's row shows `status`. */
  const statusShows = (page: Page, status: Objection['status']) =>
    page.locator(`[data-testid="objection-status-${objectionId}"][data-status="${status}"]`).waitFor();

  it('the office publishes the year for publicity', async () => {
    const office = await h.as('office');
    plan = (await fetchJson<PlanSummary[]>(office, '/api/plans')).body
      .filter((p) => p.status === 'active' && !p.adHoc)
      .sort((a, b) => b.year - a.year || a.id - b.id)[0]!;
    url = `${h.url}/results?plan=${plan.id}&period=${plan.year}-Y`;
    await office.goto(url);
    await office.getByTestId('results-status').waitFor({ timeout: 30_000 });
    await computeDraft(office);
    await office.getByTestId('results-publish').click();
    await office.getByTestId('publish-ok').click();
    await office
      .locator('[data-testid="results-status"][data-status="publicity"]')
      .waitFor({ timeout: 30_000 });
    expect(await office.getByTestId('results-status').innerText()).toBe('公示中');
    await office.getByTestId('publicity-panel').waitFor();
    await office.screenshot({ path: join(screenshots, 'objections-1-publicity.png'), fullPage: true });
  });

  it('the A01 filler sees its publicity and objects to T1', async () => {
    const filler = await h.as('filler');
    await filler.goto(url);
    await filler.getByTestId('publicity-panel').waitFor({ timeout: 30_000 });
    expect(await filler.getByTestId('publicity-window').innerText()).toContain('公示期');
    await filler.getByTestId('publicity-object').click();
    await pick(filler, 'file-target', 'T1', '指标 T1');
    await filler.getByTestId('file-reason').fill('第四季度任务已完成，台账漏报');
    await filler.getByTestId('file-ok').click();
    await filler.locator('.ant-message-success').waitFor();
    const mine = await getJson<Objection[]>(filler, '/api/objections');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      unitCode: 'A01',
      status: 'filed',
      target: { kind: 'indicator', code: 'T1' },
    });
    objectionId = mine[0]!.id;
  });

  it('the lead department of T1 rejects it; the filler asks for a review', async () => {
    const assessor = await h.as('assessor');
    await assessor.goto(`${h.url}/objections`);
    await assessor.getByTestId('objections-todo').click();
    await openObjection(assessor);
    await assessor.getByTestId('objection-answer-btn').click();
    await assessor.getByTestId('verdict-explanation').fill('台账未经核验，维持原得分');
    await assessor.getByTestId('verdict-ok').click();
    await statusShows(assessor, 'answered');

    const filler = await h.as('filler');
    await openObjection(filler);
    expect(await filler.getByTestId('objection-answer').innerText()).toContain('维持原结果');
    await filler.getByTestId('objection-escalate').click();
    await filler.getByTestId('escalate-reason').fill('核验单已于本周补交');
    await filler.getByTestId('escalate-ok').click();
    await statusShows(filler, 'escalated');
  });

  it('a leader adjusts T1; the unit sees the new version of its result', async () => {
    // The leader's to-do links straight to the objection.
    const leader = await h.as('leader');
    await leader.goto(`${h.url}/objections?id=${objectionId}`);
    await leader.getByTestId('objection-drawer').waitFor({ timeout: 30_000 });
    await leader.getByTestId('objection-decide').click();
    await leader.getByTestId('verdict-adjust').click();
    await leader
      .locator('input[data-testid="verdict-amount"], [data-testid="verdict-amount"] input')
      .fill('100');
    await leader.getByTestId('verdict-explanation').fill('核验单有效，按实际完成计');
    await leader.getByTestId('verdict-ok').click();
    await leader.getByTestId('objection-effect').waitFor({ timeout: 30_000 });
    expect(await leader.getByTestId('objection-effect').innerText()).toContain('→');
    await leader.screenshot({ path: join(screenshots, 'objections-2-decided.png'), fullPage: true });

    const filler = await h.as('filler');
    const o = await getJson<Objection>(filler, `/api/objections/${objectionId}`);
    expect(o).toMatchObject({ status: 'closed', outcome: 'adjusted' });
    await filler.goto(url);
    await filler.getByTestId('run-change').waitFor({ timeout: 30_000 });
    expect(await filler.getByTestId('run-change').innerText()).toContain(`#${objectionId}`);
    const run = await getJson<EvaluationRun>(filler, `/api/plans/${plan.id}/results?period=${plan.year}-Y`);
    expect(run).toMatchObject({ id: o.resultRunId, status: 'publicity' });
    expect(run.units.map((u) => u.unit)).toEqual(['A01']);
    expect(run.units[0]!.total).toBe(o.effect!.after!.total);
  });

  it('the office cannot submit while the publicity runs, and is told until when', async () => {
    const office = await h.as('office');
    await office.goto(url);
    await office.getByTestId('results-submit').click({ timeout: 30_000 });
    await office.getByTestId('results-submit-ok').click();
    const error = office.locator('.ant-message-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/公示期至 \d{4}-\d{2}-\d{2} 结束/);
  });

  it('once the publicity is over, the office submits the adjusted version and a leader releases it', async () => {
    // The demo clock runs a month ahead: the publicity's last day has passed (sessions sign in again).
    await h.restart({ JIXIAO_CLOCK_OFFSET_DAYS: '30' });
    const office = await h.as('office');
    await office.goto(url);
    await office.getByTestId('results-submit').waitFor({ timeout: 30_000 });
    const leader = await submitAndApprove(h, office);
    const run = await getJson<EvaluationRun>(leader, `/api/plans/${plan.id}/results?period=${plan.year}-Y`);
    expect(run).toMatchObject({ status: 'released', change: { kind: 'objection', objectionId } });
    await leader.screenshot({ path: join(screenshots, 'objections-3-released.png'), fullPage: true });
  });

  it('the objections page fits a 375 px phone', async () => {
    const phone = await h.as('filler', 375);
    await phone.goto(`${h.url}/objections`);
    await phone.getByTestId('objections-table').waitFor({ timeout: 30_000 });
    expect(await noOverflow(phone)).toBe(true);
  });
});
