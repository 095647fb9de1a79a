import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { overflow, screenshots, useHarness } from './harness.js';

/**
 * README's tour as a new user takes it: every demo account signs in and opens every page its
 * menu offers, on a desktop and on a 375 px phone. A page passes when it finishes loading without
 * a server error (5xx), a console error, an error state (加载失败), a blank page or sideways
 * scrolling of the page itself.
 */
const ALL_ROLES = 'admin,office,leader,assessor,provider,unitadmin,filler,filler2,expert,observer,surveyor';
/** TOUR_ROLES=office,filler narrows the tour while working on a page. */
const ROLES = (process.env.TOUR_ROLES ?? ALL_ROLES).split(',');
const WIDTHS = [1366, 375];

describe('the README tour, every role, desktop and phone', () => {
  const h = useHarness();
  /** Menu paths per role, read from the desktop side menu (the phone hides it in a drawer). */
  const menus = new Map<string, string[]>();

  const menuPaths = (page: Page) =>
    page
      .locator('.ant-layout-sider .ant-menu a[href]')
      .evaluateAll((as) => [...new Set(as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))]);

  for (const width of WIDTHS)
    for (const role of ROLES)
      it(`${role} at ${width} px: every menu page loads cleanly`, async () => {
        const page = await h.as(role, width);
        const problems: string[] = [];
        let where = '/';
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(`${where}: console: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`${where}: page error: ${e.message}`));
        page.on('response', (r) => {
          if (r.status() >= 500) problems.push(`${where}: ${r.status()} ${r.url()}`);
        });
        if (!menus.has(role)) {
          await page.locator('.ant-layout-sider .ant-menu a[href]').first().waitFor();
          menus.set(role, await menuPaths(page));
        }
        const paths = menus.get(role)!;
        expect(paths.length, `${role} has a menu`).toBeGreaterThan(0);
        for (const path of paths) {
          where = path;
          await page.goto(`${h.url}${path}`);
          await page.waitForLoadState('networkidle');
          // Content, not a blank page or an endless spinner.
          await page
            .locator('[data-testid$="-loading"]')
            .first()
            .waitFor({ state: 'detached', timeout: 30_000 })
            .catch(() => problems.push(`${path}: still loading after 30 s`));
          const errors = await page
            .locator('[data-testid$="-error"]:visible, .ant-result-error:visible, :text("加载失败"):visible')
            .count();
          if (errors > 0) problems.push(`${path}: shows an error state`);
          await page
            .waitForFunction(
              () => (document.querySelector('.ant-layout-content')?.textContent ?? '').trim() !== '',
              null,
              { timeout: 15_000 },
            )
            .catch(() => problems.push(`${path}: blank`));
          const sideways = await overflow(page);
          if (sideways > 0) problems.push(`${path}: scrolls sideways by ${sideways} px`);
        }
        await page.screenshot({ path: join(screenshots, `tour-${role}-${width}.png`) });
        expect(problems.join('\n')).toBe('');
      }, 240_000);
});
