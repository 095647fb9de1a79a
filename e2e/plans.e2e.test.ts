import { join } from 'node:path';
import type { EvaluationRun, PlanDetail, PlanSummary } from '@jixiao/contracts';
import type { ConsequenceRule } from '@jixiao/engine';
import { describe, expect, it } from 'vitest';
import { currentYearPlan, getJson, noOverflow, screenshots, signInAs, useHarness } from './harness.js';

/**
 * Plans and results in the browser, on the demo city: an active 2026 city-departments plan
 * (Wuxi template) with results for 2026-Y.
 */
describe('plans and results in the browser', () => {
  const h = useHarness();

  it('the office sees group A ranked with grades and opens a unit explanation', async () => {
    const { page } = h;
    await signInAs(h, 'office');
    // The home page shows the top five of each group.
    const home = page.getByTestId('home-results');
    await home.getByTestId('results-grade').first().waitFor({ timeout: 30_000 });
    await page.goto(`${h.url}/results`);
    const table = page.getByTestId('results-table');
    await table.waitFor({ timeout: 30_000 });
    // Group A is the first tab and is open by default.
    const tabs = page.getByTestId('results-group-tabs');
    expect(await tabs.locator('.ant-tabs-tab-active').innerText()).toMatch(/^A/);
    await table.getByTestId('results-grade').first().waitFor();
    expect(await table.getByTestId('results-grade').first().innerText()).toMatch(/优秀|良好|合格|不合格/);
    await page.getByTestId('ranking-chart').locator('canvas').first().waitFor();

    // The ranking on screen is the server's, in published order.
    const run = await page.evaluate(async () => {
      const plans = (await (await fetch('/api/plans')).json()) as PlanSummary[];
      const plan = plans.filter((p) => p.status === 'active').sort((a, b) => b.year - a.year)[0]!;
      return (await (
        await fetch(`/api/plans/${plan.id}/results?period=${plan.year}-Y`)
      ).json()) as EvaluationRun;
    });
    const groupA = run.units.filter((u) => u.group === 'A').sort((a, b) => a.placement - b.placement);
    const first = groupA[0]!;
    const shownTotals = await table.getByTestId('results-total').allInnerTexts();
    expect(shownTotals[0]).toBe(first.total.toFixed(2));
    expect(shownTotals).toHaveLength(groupA.length);
    await page.screenshot({ path: join(screenshots, 'results-ranking.png'), fullPage: true });

    // The explanation of the first unit shows its total and the component tree.
    await table.getByTestId('results-unit-link').first().click();
    const total = page.getByTestId('trace-total');
    await total.waitFor({ timeout: 15_000 });
    expect(await total.innerText()).toContain(String(first.total));
    expect(await page.getByTestId('trace-tree').locator('tr.ant-table-row').count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(screenshots, 'results-trace.png') });
    await page.keyboard.press('Escape');
  });

  it('the office opens the plan and sees the indicator tree with live validation', async () => {
    const { page } = h;
    await page.goto(`${h.url}/plans`);
    const plans = page.getByTestId('plans-table');
    await plans.waitFor();
    const active = plans.locator('tr', { has: page.getByText('已启用', { exact: true }) }).first();
    await active.getByTestId('plan-open').click();
    const tree = page.getByTestId('plan-tree');
    await tree.waitFor({ timeout: 15_000 });
    // Components, indicators and sub-items, with per-group points as chips.
    expect(await tree.locator('[data-row^="c:"]').count()).toBeGreaterThanOrEqual(3);
    expect(await tree.locator('[data-row^="i:"]').count()).toBeGreaterThan(5);
    expect(await tree.locator('[data-row^="s:"]').count()).toBeGreaterThan(0);
    expect(await tree.getByTestId('amount-chip').count()).toBeGreaterThan(0);
    // An active plan is read-only, with the hint to clone it.
    await page.getByTestId('plan-readonly').waitFor();
    expect(await page.getByTestId('plan-save').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'plan-editor.png'), fullPage: true });
  });

  it('the office edits the use of results of a draft: a bottom-N rule shows its issue at n, then is saved', async () => {
    const page = await h.as('office');
    const active = await currentYearPlan(page);
    const rulesOf = async (id: number) =>
      ((await getJson<PlanDetail>(page, `/api/plans/${id}`)).document.consequences ??
        []) as ConsequenceRule[];
    const demoRules = await rulesOf(active.id);
    expect(demoRules.length).toBeGreaterThan(5);

    // A draft to edit: the active plan cloned to next year (it opens in the editor).
    await page.goto(`${h.url}/plans`);
    await page.locator(`[data-testid="plan-open"][data-plan="${active.id}"]`).waitFor();
    await page
      .getByTestId('plans-table')
      .locator('tr', { has: page.locator(`[data-testid="plan-open"][data-plan="${active.id}"]`) })
      .getByTestId('plan-clone')
      .click();
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await page.waitForURL((u) => /^\/plans\/\d+$/.test(u.pathname) && u.pathname !== `/plans/${active.id}`);
    const draftId = Number(new URL(page.url()).pathname.split('/').pop());

    // 结果运用: the demo's rules in order; the quota's levels by position and the plan's grade.
    await page.getByRole('tab', { name: '结果运用' }).click();
    const panel = page.getByTestId('plan-consequences');
    await panel.waitFor();
    const cards = panel.getByTestId('consequence-rule');
    const codes = () => cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(await codes()).toEqual(demoRules.map((r) => r.code));
    const levels = await panel.locator('[data-code="quota"] [data-testid="consequence-levels"]').innerText();
    expect(levels).toContain('0 · 优秀');
    expect(levels).toContain('-1 · 不合格');

    // A new bottom-N rule with n = 0: the engine's issue shows at the field; n = 3 clears it.
    await panel.getByTestId('consequence-add-bottomN').click();
    const rule = cards.last();
    expect(await rule.getAttribute('data-kind')).toBe('bottomN');
    const code = (await rule.getAttribute('data-code'))!;
    const n = rule.locator('.ant-form-item', { has: page.getByTestId('consequence-n') });
    const nInput = n.getByTestId('consequence-n').locator('xpath=descendant-or-self::input').first();
    await nInput.fill('0');
    await n.getByTestId('field-issues').waitFor();
    // In the user's language, through the plan-issue template (it was the engine's English).
    expect(await n.getByTestId('field-issues').innerText()).toContain(
      `结果运用规则 ${code}：末位个数须为正整数`,
    );
    await nInput.fill('3');
    await n.getByTestId('field-issues').waitFor({ state: 'detached' });

    // On a 375 px phone the cards stack and the page does not scroll sideways.
    await page.setViewportSize({ width: 375, height: 812 });
    await rule.scrollIntoViewIfNeeded();
    expect(await noOverflow(page)).toBe(true);
    await page.screenshot({ path: join(screenshots, 'plan-consequences-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 860 });

    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-save-confirm').click();
    await expect
      .poll(async () => (await rulesOf(draftId)).find((r) => r.code === code), { timeout: 15_000 })
      .toMatchObject({ kind: 'bottomN', n: 3, action: 'warning_talk' });
    expect((await rulesOf(draftId)).map((r) => r.code)).toEqual([...demoRules.map((r) => r.code), code]);
    // Saved, the tab stays open and shows the stored rule.
    await panel.locator(`[data-testid="consequence-rule"][data-code="${code}"]`).waitFor();
    await page.screenshot({ path: join(screenshots, 'plan-consequences.png'), fullPage: true });
  });

  it('a unit filler on a phone sees only its own unit, as a card, and its explanation', async () => {
    const page = await h.as('filler', 390);
    await page.goto(`${h.url}/results`);
    const cards = page.getByTestId('results-cards');
    await cards.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('results-table').count()).toBe(0);
    const units = await cards
      .getByTestId('results-card')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
    expect(units).toEqual(['A01']);
    expect(await page.getByTestId('results-recompute').count()).toBe(0);
    expect(await page.getByTestId('whatif-panel').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'results-mobile.png'), fullPage: true });
    await cards.getByTestId('results-card').first().click();
    await page.getByTestId('trace-total').waitFor({ timeout: 15_000 });
  });
});
