import { join } from 'node:path';
import type { Cockpit, CockpitMap } from '@jixiao/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { confirmPop, currentYearPlan, getJson, screenshots, useHarness } from './harness.js';

/**
 * The cockpit map and the large screen on the demo city (issue 13 points 2 and 4): the office loads
 * a GeoJSON of the plan's units, the map shows as many regions as the API matches; a kiosk link opens
 * the screen at 1920×1080 without a session, its ranking is the API's, and once revoked the screen
 * says so at its next refresh.
 */
describe('cockpit map and large screen in the browser', () => {
  const h = useHarness();

  async function openCockpit(page: Page) {
    const plan = await currentYearPlan(page);
    const period = `${plan.year}-Y`;
    await page.goto(`${h.url}/cockpit?plan=${plan.id}&period=${period}`);
    await page.getByTestId('cockpit-ranking-table').waitFor({ timeout: 60_000 });
    return { plan, period };
  }

  /** A made-up map: one square per unit code on a grid, and one feature naming no unit. */
  const gridMap = (codes: string[]) => ({
    type: 'FeatureCollection',
    features: [...codes, 'X99'].map((code, i) => {
      const x = 120 + (i % 12) * 0.1;
      const y = 31 + Math.floor(i / 12) * 0.1;
      return {
        type: 'Feature',
        properties: { unit_code: code },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + 0.09, y],
              [x + 0.09, y + 0.09],
              [x, y + 0.09],
              [x, y],
            ],
          ],
        },
      };
    }),
  });

  it('the office loads a GeoJSON; the map shows as many regions as the API matches, unmatched listed', async () => {
    const page = await h.as('office');
    const { plan, period } = await openCockpit(page);
    // The shipped map draws the demo's districts and zones, which this city-department plan does not rate.
    const shipped = await getJson<CockpitMap>(page, `/api/cockpit/${plan.id}/map?period=${period}`);
    expect(shipped.source).toBe('shipped');
    const map = page.getByTestId('cockpit-map');
    await map.waitFor();
    expect(await map.getAttribute('data-regions')).toBe(String(shipped.regions.length));
    if (!shipped.regions.length) await page.getByTestId('cockpit-map-empty').waitFor();

    const cockpit = await getJson<Cockpit>(page, `/api/cockpit/${plan.id}?period=${period}`);
    const codes = cockpit.groups.flatMap((g) => g.units.map((u) => u.unit));
    await page.getByTestId('map-load').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.locator('input').nth(1).fill('unit_code');
    await modal.locator('input[type=file]').setInputFiles({
      name: 'demo-units.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(gridMap(codes))),
    });
    await modal.locator('.ant-btn-primary').click();
    await expect.poll(() => map.getAttribute('data-regions'), { timeout: 30_000 }).not.toBe('0');
    const api = await getJson<CockpitMap>(page, `/api/cockpit/${plan.id}/map?period=${period}`);
    expect(api.source).toBe('uploaded');
    expect(api.regions.length).toBe(codes.length);
    expect(api.unmatched).toEqual([{ index: codes.length, code: 'X99' }]);
    expect(await map.getAttribute('data-regions')).toBe(String(api.regions.length));
    expect(await page.getByTestId('map-region').count()).toBe(api.regions.length);
    expect(await page.getByTestId('map-unmatched').innerText()).toContain('X99');
    expect(await page.getByTestId('cockpit-map-chart').locator('canvas').count()).toBeGreaterThan(0);
    // By grade: the same regions, the grade colours.
    await page.getByTestId('cockpit-map-mode').getByText('按等次').click();
    await map.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'cockpit-map.png'), fullPage: true });
    // A click on a region's entry leads to its unit's trace.
    const first = api.regions[0]!;
    await page.locator(`[data-testid=map-region][data-unit="${first.unit}"]`).click();
    await page.waitForURL((u) => u.pathname === '/results' && u.searchParams.get('unit') === first.unit);
  });

  it('a kiosk link opens the screen at 1920×1080 without a session; revoked, the screen says so', async () => {
    const page = await h.as('office');
    const { plan, period } = await openCockpit(page);
    await page.getByTestId('kiosk-open').click();
    await page.getByTestId('kiosk-label').fill('一楼大厅');
    await page.getByTestId('kiosk-refresh').fill('5');
    await page.getByTestId('kiosk-create').click();
    const url = (await page.getByTestId('kiosk-url').locator('code').innerText()).trim();
    expect(url).toMatch(/\/screen\/jxk_[A-Za-z0-9_-]{43}$/);

    // A fresh context: no cookie, no session.
    const wall = await h.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    try {
      const screen = await wall.newPage();
      await screen.goto(url);
      await screen.getByTestId('screen-first').first().waitFor({ timeout: 60_000 });
      const api = await getJson<Cockpit>(page, `/api/cockpit/${plan.id}?period=${period}`);
      const g = api.groups.find((x) => x.units.length)!;
      const first = screen.getByTestId('screen-first').first();
      expect(await first.getAttribute('data-unit')).toBe(g.units[0]!.unit);
      expect(Number(await first.getAttribute('data-total'))).toBe(g.units[0]!.total);
      expect(await first.innerText()).toContain(g.units[0]!.name);
      expect(await screen.getByTestId('screen-group').count()).toBe(
        api.groups.filter((x) => x.units.length).length,
      );
      expect(await screen.getByTestId('screen-count-openNotices').innerText()).toContain(
        String(api.counts.openNotices),
      );
      const updated = await screen.getByTestId('screen-updated').getAttribute('data-at');
      // It refreshes itself (every 5 s for this link): a newer "updated at".
      await expect
        .poll(() => screen.getByTestId('screen-updated').getAttribute('data-at'), { timeout: 30_000 })
        .not.toBe(updated);
      // The screen's own calls carry no cookie: the session API refuses the page's context.
      const me = await screen.evaluate(async () => (await fetch('/api/auth/me')).status);
      expect(me).toBe(401);
      await screen.screenshot({ path: join(screenshots, 'screen-1920.png') });

      // The office revokes the link; at its next refresh the screen shows the revoked message.
      const row = page.getByTestId('kiosk-links').locator('tr[data-label="一楼大厅"]');
      await row.getByTestId('kiosk-revoke').click();
      await confirmPop(page);
      await row.getByText('已撤销').waitFor();
      const refused = screen.getByTestId('screen-refused');
      await refused.waitFor({ timeout: 30_000 });
      expect(await refused.getAttribute('data-code')).toBe('kiosk.revoked');
      expect(await refused.innerText()).toContain('已被撤销');
      await screen.screenshot({ path: join(screenshots, 'screen-revoked.png') });
    } finally {
      await wall.close();
    }
  });
});
