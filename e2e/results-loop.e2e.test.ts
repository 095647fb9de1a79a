import { join } from 'node:path';
import type { EvaluationRun, PlanSummary, RunSummary } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import {
  computeDraft,
  fetchJson,
  fillerPhoneResults,
  overflow,
  screenshots,
  submitAndApprove,
  useHarness,
} from './harness.js';

/**
 * The results end of the evaluation loop (issue 8 points 1, 5, 6, 9, 14), clicked through: the
 * office picks the plan, computes a draft (confirming when the period is still open), submits it
 * and a leader approves it (the release); the A01 filler on a phone sees only its own released row and its trace with source links;
 * the what-if asks for an amount and a reason and never changes the official result.
 */
describe('results: compute, submit and approve, trace sources, what-if', () => {
  const h = useHarness();
  const as = h.as;

  let plan: PlanSummary;
  let period: string;

  it('the office picks the yearly plan, computes a draft (confirming an open period); a leader approves it', async () => {
    const page = await as('office');
    const plans = (await fetchJson<PlanSummary[]>(page, '/api/plans')).body;
    plan = plans
      .filter((p) => p.status === 'active' && !p.adHoc)
      .sort((a, b) => b.year - a.year || a.id - b.id)[0]!;
    period = `${plan.year}-Y`;
    const releasedBefore = (
      await fetchJson<RunSummary[]>(page, `/api/plans/${plan.id}/runs?period=${period}`)
    ).body;

    await page.goto(`${h.url}/results`);
    const picker = page.getByTestId('results-plan-select');
    await picker.waitFor({ timeout: 30_000 });
    // The picker offers the active plans (yearly first, labelled 年度; ad-hoc ones 专项) and the
    // archived years after them; the choice is kept in the URL.
    const pick = async (p: PlanSummary) => {
      await picker.click();
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
        hasText: p.name,
      });
      await option.first().click();
      await page.waitForURL((u) => u.searchParams.get('plan') === String(p.id));
    };
    await picker.click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    expect(await options.first().innerText()).toContain(plan.name);
    expect(await options.first().innerText()).toContain('年度');
    const adHoc = plans.find((p) => p.status === 'active' && p.adHoc);
    if (adHoc) {
      const o = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: adHoc.name });
      expect(await o.first().innerText()).toContain('专项');
    }
    await page.keyboard.press('Escape');
    const archived = plans.find((p) => p.status === 'archived');
    if (archived) await pick(archived);
    if (adHoc) {
      // An ad-hoc plan opens on the last period of its own window (a Q3–Q4 plan on Q4).
      const doc = (
        await fetchJson<{ document: { period?: { to?: string } } }>(page, `/api/plans/${adHoc.id}`)
      ).body;
      await pick(adHoc);
      if (doc.document.period?.to)
        await page
          .getByTestId('results-period-select')
          .getByText(doc.document.period.to, { exact: true })
          .waitFor({ timeout: 15_000 });
    }
    await pick(plan);
    await page.getByTestId('results-status').waitFor({ timeout: 30_000 });

    // 计算 → confirm → (period open: the server asks, we ask) → a draft.
    await computeDraft(page);
    const status = page.getByTestId('results-status');
    expect(await status.innerText()).toBe('草稿');
    const draftDetail = await page.getByTestId('results-status-detail').innerText();
    expect(draftDetail).toContain('office');
    const draftNo = draftDetail.split(' · ')[0]!;
    await page.getByTestId('results-draft-hint').waitFor();

    // One rank column: 名次, no second 排名 with the same number.
    const headers = await page.getByTestId('results-table').locator('thead th').allInnerTexts();
    expect(headers.filter((x) => x.trim() === '名次')).toHaveLength(1);
    expect(headers.some((x) => x.trim() === '排名')).toBe(false);

    // Export: the button downloads the .xlsx of this run.
    const href = await page.getByTestId('results-export').getAttribute('href');
    expect(href).toContain(`/api/plans/${plan.id}/results/export`);
    const xlsx = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return {
        status: r.status,
        type: r.headers.get('content-type'),
        size: (await r.arrayBuffer()).byteLength,
      };
    }, href!);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toContain('spreadsheetml');
    expect(xlsx.size).toBeGreaterThan(1000);

    // Before the release, the unit sees no draft (an earlier released run, or 结果尚未发布).
    const filler = await as('filler');
    await filler.goto(`${h.url}/results?plan=${plan.id}&period=${period}`);
    if (!releasedBefore.some((r) => r.status === 'released')) {
      await filler.getByTestId('results-empty').waitFor({ timeout: 30_000 });
      expect(await filler.getByTestId('results-empty').innerText()).toContain('结果尚未发布');
      expect((await fetchJson(filler, `/api/plans/${plan.id}/results?period=${period}`)).status).toBe(404);
    } else {
      // The earlier released run, not the office's new draft.
      await filler
        .locator('[data-testid="results-status"][data-status="released"]')
        .waitFor({ timeout: 30_000 });
      expect(await filler.getByTestId('results-status-detail').innerText()).not.toContain(draftNo);
    }
    await filler.screenshot({ path: join(screenshots, 'results-loop-unreleased.png') });

    // 报审 by the office → 待审定; 审定 by a leader → 已发布, naming who approved it.
    const leader = await submitAndApprove(h, page);
    expect(await leader.getByTestId('results-status-detail').innerText()).toMatch(/leader.*审定发布于/);
    await page.reload();
    await page.locator('[data-testid="results-status"][data-status="released"]').waitFor({ timeout: 30_000 });
    expect(await status.innerText()).toBe('已发布');
    expect(await page.getByTestId('results-submit').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'results-loop-released.png'), fullPage: true });

    // The runs drawer lists the run as the latest, released.
    await page.getByTestId('results-runs').click();
    const item = page.getByTestId('runs-item').first();
    await item.waitFor();
    expect(await item.innerText()).toContain('已发布');
    expect(await item.innerText()).toContain('最新');
    await page.keyboard.press('Escape');
    // Five pages, a computation, an export and a release: more than a short test's budget.
  }, 180_000);

  it('the A01 filler on a phone sees only its own released row, and its trace names its sources', async () => {
    const page = await fillerPhoneResults(h, plan.id, period);
    const cards = page.getByTestId('results-cards');
    for (const office of ['results-recompute', 'results-submit', 'results-publish', 'whatif-panel'])
      expect(await page.getByTestId(office).count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshots, 'results-loop-filler-phone.png'), fullPage: true });

    // A period with nothing released: the unit is told so, not shown an empty table.
    const other = `${plan.year}-Q4`;
    const q4 = (await fetchJson<RunSummary[]>(page, `/api/plans/${plan.id}/runs?period=${other}`)).body;
    if (!q4.some((r) => r.status === 'released')) {
      await page.goto(`${h.url}/results?plan=${plan.id}&period=${other}`);
      await page.getByTestId('results-empty').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('results-empty').innerText()).toContain('结果尚未发布');
      await page.goto(`${h.url}/results?plan=${plan.id}&period=${period}`);
      await cards.waitFor({ timeout: 30_000 });
    }

    await cards.getByTestId('results-card').first().click();
    await page.getByTestId('trace-total').waitFor({ timeout: 15_000 });
    const sources = page
      .getByTestId('trace-view')
      .locator('[data-testid="trace-sources"], [data-testid="trace-other-sources"]');
    expect(await sources.count()).toBeGreaterThan(0);
    expect(await sources.first().innerText()).toContain('来源');
    const links = page.getByTestId('trace-view').getByTestId('source-link');
    expect(await links.count()).toBeGreaterThan(0);
    const to = await links.first().getAttribute('href');
    expect(to).toMatch(/^\/(submissions|events|imports|task-books|supervision)\?/);
    await page.screenshot({ path: join(screenshots, 'results-loop-trace-phone.png') });
    // The link opens the page it names.
    await links.first().click();
    await page.waitForURL((u) => to!.startsWith(u.pathname));
  });

  it('the what-if asks for an amount and a reason, stays a simulation, and survives a reload', async () => {
    const page = await as('office');
    await page.goto(`${h.url}/results?plan=${plan.id}&period=${period}`);
    await page.getByTestId('results-table').waitFor({ timeout: 30_000 });
    const official = async () =>
      (await fetchJson<EvaluationRun>(page, `/api/plans/${plan.id}/results?period=${period}`)).body;
    const before = await official();
    const runsBefore = (await fetchJson<RunSummary[]>(page, `/api/plans/${plan.id}/runs?period=${period}`))
      .body.length;

    const panel = page.getByTestId('whatif-panel');
    expect(await panel.getByTestId('whatif-label').innerText()).toBe('模拟测算');
    await panel.getByTestId('whatif-load').click();
    await panel.getByTestId('whatif-add-deduction').waitFor({ timeout: 30_000 });
    expect(await page.getByText('保存数据').count()).toBe(0);
    const unit = await panel.getByTestId('whatif-unit').innerText();

    // 添加扣分 opens a form: nothing is added without an amount and a reason.
    await panel.getByTestId('whatif-add-deduction').click();
    const ok = page.getByTestId('whatif-event-ok');
    await ok.waitFor();
    await ok.click();
    const modal = page.locator('.ant-modal:visible');
    await modal.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await modal.locator('.ant-form-item-explain-error').count()).toBe(2);
    const points = page.getByTestId('whatif-event-points').locator('xpath=descendant-or-self::input').first();
    await points.fill('3');
    // Leave the number field so antd commits it, and let the form clear its errors before OK.
    await points.press('Tab');
    await page.getByTestId('whatif-event-reason').fill('日常督查发现问题（模拟）');
    await expect
      .poll(() => modal.locator('.ant-form-item-explain-error').count(), { timeout: 10_000 })
      .toBe(0);
    await page.screenshot({ path: join(screenshots, 'results-loop-whatif-deduction.png') });
    await ok.click();
    await modal.waitFor({ state: 'hidden', timeout: 15_000 });
    const change = panel.getByTestId('whatif-change');
    expect(await change.count()).toBe(1);
    expect(await change.innerText()).toContain('−3');
    expect(await change.innerText()).toContain('日常督查发现问题（模拟）');
    const toEvent = change.getByTestId('whatif-to-event');
    const eventHref = (await toEvent.getAttribute('href'))!;
    const q = new URL(eventHref, h.url).searchParams;
    expect(new URL(eventHref, h.url).pathname).toBe('/events');
    expect([q.get('planId'), q.get('kind'), q.get('points'), q.get('reason')]).toEqual([
      String(plan.id),
      'deduction',
      '3',
      '日常督查发现问题（模拟）',
    ]);
    expect(q.get('unitId')).toMatch(/^\d+$/);
    // The simulated total fell by the deduction (or the unit was already at a floor).
    const outcome = await panel.getByTestId('whatif-new-total').innerText();
    expect(outcome).toContain('→');
    const drank = await panel.getByTestId('whatif-drank').allInnerTexts();
    for (const d of drank) expect(d).toMatch(/^(↑\d+|↓\d+|—)$/);
    await page.screenshot({ path: join(screenshots, 'results-loop-whatif.png'), fullPage: true });

    // Reload: the official result is as it was, no run was made, and the simulation is still there.
    await page.reload();
    await page.getByTestId('results-table').waitFor({ timeout: 30_000 });
    const after = await official();
    expect(after.id).toBe(before.id);
    expect(after.units.map((u) => [u.unit, u.total, u.rank])).toEqual(
      before.units.map((u) => [u.unit, u.total, u.rank]),
    );
    expect(
      (await fetchJson<RunSummary[]>(page, `/api/plans/${plan.id}/runs?period=${period}`)).body.length,
    ).toBe(runsBefore);
    const shownTotals = await page.getByTestId('results-table').getByTestId('results-total').allInnerTexts();
    const groupOf = before.units.find((u) => unit.includes(u.unit))?.group ?? before.units[0]!.group;
    const firstOfTab = before.units
      .filter((u) => u.group === groupOf)
      .sort((a, b) => a.placement - b.placement)[0]!;
    if (groupOf === [...new Set(before.units.map((u) => u.group))].sort()[0])
      expect(shownTotals[0]).toBe(firstOfTab.total.toFixed(2));
    await page.getByTestId('whatif-load').click();
    await page.getByTestId('whatif-change').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('whatif-kept').innerText()).toContain('office');

    // The same page on a 375 px phone does not overflow.
    const phone = await as('office', 375);
    await phone.goto(`${h.url}/results?plan=${plan.id}&period=${period}`);
    await phone.getByTestId('results-cards').waitFor({ timeout: 30_000 });
    await phone.getByTestId('results-status').waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: join(screenshots, 'results-loop-office-phone.png'), fullPage: true });
  });
});
