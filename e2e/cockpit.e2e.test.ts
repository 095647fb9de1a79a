import { join } from 'node:path';
import type { Cockpit, CockpitUnitView, LiveScores } from '@jixiao/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentYearPlan, getJson, overflow, screenshots, useHarness } from './harness.js';

/** A score as the UI shows it (2 decimals). */
const fmt = (n: number) => n.toFixed(2);

/**
 * The leadership cockpit and the unit view on the demo city (issue 13 points 1, 3, 8): the numbers
 * in the companion tables beside the charts are the API's, every chart leads to a unit and its
 * trace, and the unit head's page reads at 375 px.
 */
describe('cockpit and unit view in the browser', () => {
  const h = useHarness();

  /** Opens the cockpit of the current plan's year end; its API answer with the page's session. */
  async function openCockpit(page: Page) {
    const plan = await currentYearPlan(page);
    const period = `${plan.year}-Y`;
    await page.goto(`${h.url}/cockpit?plan=${plan.id}&period=${period}`);
    await page.getByTestId('cockpit-ranking-table').waitFor({ timeout: 60_000 });
    const api = await getJson<Cockpit>(page, `/api/cockpit/${plan.id}?period=${period}`);
    return { plan, period, api };
  }

  /** The first rows of the ranking table equal the API's first group, in rank order. */
  async function rankingMatches(page: Page, api: Cockpit) {
    const g = api.groups[0]!;
    const rows = page.getByTestId('cockpit-ranking-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    for (const [i, u] of g.units.slice(0, 3).entries()) {
      const cells = await rows.nth(i).locator('td').allInnerTexts();
      expect(cells.slice(0, 3)).toEqual([String(u.rank), u.name, fmt(u.total)]);
      if (u.grade) expect(cells[3]).toContain(u.grade.name);
    }
  }

  it('the office sees ranking, heat map, counts and the lagging list as the API computes them', async () => {
    const page = await h.as('office');
    const { api } = await openCockpit(page);
    expect(api.groups.length).toBeGreaterThan(0);
    await rankingMatches(page, api);
    // The heat map's companion list: the group's indicators losing most, as the API sums them.
    const g = api.groups[0]!;
    if (g.indicators.length) {
      const first = await page
        .getByTestId('cockpit-heat-table')
        .locator('tbody tr.ant-table-row')
        .first()
        .innerText();
      expect(first).toContain(g.indicators[0]!.name);
      expect(first).toContain(fmt(g.indicators[0]!.lost));
      expect(await page.getByTestId('cockpit-heat').locator('canvas').count()).toBeGreaterThan(0);
    } else await page.getByTestId('cockpit-empty-heat').waitFor();
    for (const k of ['openObjections', 'openNotices', 'openRectifications'] as const)
      expect(await page.getByTestId(`cockpit-count-${k}`).innerText()).toContain(String(api.counts[k]));
    expect(await page.getByTestId('cockpit-count-lagging').innerText()).toContain(String(api.lagging.length));
    // The chosen unit (the leader of the group) with its radar or the reason there is none.
    expect(await page.getByTestId('cockpit-unit-total').innerText()).toBe(fmt(g.units[0]!.total));
    const radarOrReason = page.getByTestId('cockpit-radar').or(page.getByTestId('cockpit-empty-radar'));
    await radarOrReason.first().waitFor();
    // No monthly run in the demo year: the trend says why instead of drawing an empty chart.
    if (!api.trendPeriods.length)
      expect(await page.getByTestId('cockpit-empty-trend').innerText()).toContain('月度');
    await page.screenshot({ path: join(screenshots, 'cockpit-office.png'), fullPage: true });
  });

  it('a click on a unit leads to that unit, then to its trace on the results page', async () => {
    const page = await h.as('office');
    const { api } = await openCockpit(page);
    const g = api.groups[0]!;
    const second = g.units[1] ?? g.units[0]!;
    const row = page
      .getByTestId('cockpit-ranking-table')
      .locator('tbody tr.ant-table-row')
      .nth(g.units[1] ? 1 : 0);
    await row.getByTestId('cockpit-pick').click();
    await page.waitForURL((u) => u.searchParams.get('unit') === second.unit);
    await expect.poll(() => page.getByTestId('cockpit-unit-name').innerText()).toBe(second.name);
    expect(await page.getByTestId('cockpit-unit-total').innerText()).toBe(fmt(second.total));
    expect(await page.getByTestId('cockpit-unit-rank').innerText()).toBe(String(second.rank));
    await page.getByTestId('cockpit-trace-link').click();
    await page.waitForURL((u) => u.pathname === '/results' && u.searchParams.get('unit') === second.unit);
    const drawer = page.getByTestId('trace-drawer');
    await drawer.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.ant-drawer-title').innerText()).toContain(second.name);
    await page.screenshot({ path: join(screenshots, 'cockpit-trace.png') });
  });

  it('a leader sees the same standing; a unit filler has no cockpit in its menu', async () => {
    const page = await h.as('leader');
    const { api } = await openCockpit(page);
    await rankingMatches(page, api);
    await page.screenshot({ path: join(screenshots, 'cockpit-leader.png'), fullPage: true });
    const filler = await h.as('filler');
    await filler.goto(`${h.url}/`);
    await filler.getByRole('menuitem', { name: '我的绩效' }).waitFor();
    expect(await filler.getByRole('menuitem', { name: '领导驾驶舱' }).count()).toBe(0);
  });

  it('the unit head on a phone: score, rank, grade and where points are lost, at 375 px', async () => {
    const page = await h.as('filler', 375);
    await page.goto(`${h.url}/my-score`);
    await page.getByTestId('my-score-total').waitFor({ timeout: 60_000 });
    const plan = await currentYearPlan(page);
    // The page opens on the live board's period (data-period); the same unit view through the API.
    const period = (await page.getByTestId('my-score').getAttribute('data-period'))!;
    const live = await getJson<LiveScores>(page, `/api/live/${plan.id}?period=${period}`);
    const unitId = live.units[0]!.unitId!;
    const view = await getJson<CockpitUnitView>(
      page,
      `/api/cockpit/${plan.id}/unit/${unitId}?period=${period}`,
    );
    expect(await page.getByTestId('my-score-unit').innerText()).toBe(view.unit.name);
    expect(await page.getByTestId('my-score-total').innerText()).toContain(fmt(view.unit.total));
    expect(await page.getByTestId('my-score-rank').innerText()).toContain(`${view.unit.rank}`);
    expect(await page.getByTestId('my-score-rank').innerText()).toContain(`/ ${view.groupSize}`);
    const losing = page.getByTestId('my-score-losing').locator('.ant-list-item');
    expect(await losing.count()).toBe(Math.min(8, view.losing.length));
    if (view.losing.length) expect(await losing.first().innerText()).toContain(fmt(view.losing[0]!.lost));
    await page.getByTestId('my-score-due').waitFor();
    expect(await overflow(page)).toBe(0);
    await page.screenshot({ path: join(screenshots, 'my-score-375.png'), fullPage: true });
  });
});
