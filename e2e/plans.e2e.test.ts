import { join } from 'node:path';
import type { EvaluationRun, PlanSummary } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { screenshots, signInAs, useHarness } from './harness.js';

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
