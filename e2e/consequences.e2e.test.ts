import { join } from 'node:path';
import type { EvaluationRun } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { currentYearPlan, getJson, noOverflow, screenshots, useHarness } from './harness.js';

/**
 * 结果运用 and the archive (issue 11 points 5 and 7) on the demo: the demo's 2025 released run has
 * the last unit of group A in 2026 last as well (apps/server/src/demo/seed-archive.ts), so its row
 * shows the W5 line "连续两年组内末位：组织调整" with the years 2025、2026; its archive shows the
 * trend over 2024–2026. The A01 filler on a phone sees its own line and its own archive.
 */
describe('consequences and the archive', () => {
  const h = useHarness();

  it('the office filters by the W5 rule and finds the unit last two years running; its archive shows the trend', async () => {
    const page = await h.as('office');
    const plan = await currentYearPlan(page);
    const run = await getJson<EvaluationRun>(page, `/api/plans/${plan.id}/results?period=${plan.year}-Y`);
    const last = run.units
      .filter((u) => u.group === 'A')
      .sort((a, b) => b.rank - a.rank || b.unit.localeCompare(a.unit))[0]!;

    // From the results page, its 结果运用 button.
    await page.goto(`${h.url}/results?plan=${plan.id}`);
    await page.getByTestId('results-consequences').click();
    await page.waitForURL((u) => u.pathname === '/consequences');
    await page.getByTestId('consequences-table').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('consequences-archive-years').innerText()).toContain('2024、2025');
    expect(await page.getByTestId('consequences-export').getAttribute('href')).toBe(
      `/api/plans/${plan.id}/runs/${run.id}/consequences.xlsx`,
    );

    await page.getByTestId('consequences-rule-filter').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '连续两年组内末位' })
      .click();
    await page.waitForURL((u) => u.searchParams.get('rule') === 'last2');
    const row = page.getByTestId(`consequences-row-${last.unit}`);
    await row.waitFor();
    const line = row.locator('[data-testid="consequence-line"][data-rule="last2"]');
    expect(await line.getByTestId('consequence-line-text').innerText()).toBe('组织调整');
    expect(await line.getByTestId('consequence-line-inputs').innerText()).toContain('2025、2026');
    // Filtered: every line shown is the W5 rule's (polled: the address changes before the table
    // renders the filter, and the unit's row was already there with its other lines).
    const rules = () =>
      page
        .locator('[data-testid="consequence-line"]')
        .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-rule')))]);
    await expect.poll(rules).toEqual(['last2']);
    await page.screenshot({ path: join(screenshots, 'consequences-w5.png'), fullPage: true });

    await page.getByTestId(`consequences-archive-${last.unit}`).click();
    await page.getByTestId('archive-page').waitFor();
    await page.getByTestId('archive-trend-chart').waitFor();
    for (const y of [2024, 2025, 2026]) await page.getByTestId(`archive-year-${y}`).waitFor();
    expect(await page.getByTestId('archive-year-2026').locator('[data-rule="last2"]').count()).toBe(1);
  });

  it('the A01 filler on a phone sees only its own row and its own archive, without sideways scrolling', async () => {
    const page = await h.as('filler', 375);
    await page.goto(`${h.url}/consequences`);
    await page.getByTestId('consequences-table').waitFor({ timeout: 30_000 });
    await page.getByTestId('consequences-row-A01').waitFor();
    expect(await page.locator('[data-testid^="consequences-row-"]').count()).toBe(1);
    expect(
      await page.getByTestId('consequences-row-A01').locator('[data-code="excellence_quota"]').count(),
    ).toBe(1);
    expect(await noOverflow(page)).toBe(true);
    await page.getByTestId('consequences-archive-A01').click();
    await page.getByTestId('archive-trend-chart').waitFor();
    await page.getByTestId('archive-year-2024').waitFor();
    expect(await noOverflow(page)).toBe(true);
    await page.screenshot({ path: join(screenshots, 'archive-phone.png'), fullPage: true });
  });
});
