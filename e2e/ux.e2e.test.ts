/// <reference lib="dom" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, screenshots, signInPage, useHarness } from './harness.js';

/**
 * What a new user saw in Chromium (issue 8, point 13), on the demo city, at 1366 px and on a
 * 375 px phone: loading and error states with 重试, no horizontal overflow, antd and dates in the
 * UI language, audit codes in words, the real password-change state, the 2025 plan valid, the AHP
 * view on a read-only plan, and a sign-in page without a failed request.
 */
describe('first-visit UX in the browser', () => {
  const h = useHarness();
  // A test that fails midway must not leave its request interception behind for the next one.
  afterEach(() => h?.page.unrouteAll({ behavior: 'ignoreErrors' }));

  const signIn = async (page: Page, user: string) => {
    await page.context().clearCookies();
    await signInPage(page, h.url, user);
  };
  /** Opens the page at `path` and waits for the first row of its table `testId`. */
  const openTable = async (page: Page, path: string, testId: string) => {
    await page.goto(`${h.url}${path}`);
    const table = page.getByTestId(testId);
    await table.locator('tr.ant-table-row').first().waitFor({ timeout: 30_000 });
    return table;
  };
  const desktop = { width: 1366, height: 860 };
  const phone = { width: 375, height: 760 };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshots, `ux-${name}.png`) });
  /** Opens the audit log and its first date picker: the pagination's text and the open panel's. */
  const openAuditPicker = async (page: Page) => {
    await openTable(page, '/audit', 'audit-table');
    const pagination = await page.locator('.ant-pagination').first().innerText();
    await page.locator('.ant-picker').first().click();
    const panel = page.locator('.ant-picker-dropdown').first();
    await panel.waitFor();
    return { pagination, panel: await panel.innerText() };
  };
  const overflow = (page: Page) =>
    page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  /** The system's yearly plan of a year (ad-hoc plans may sit beside it). */
  const yearlyPlanId = (page: Page, year: number) =>
    page.evaluate(async (y) => {
      const plans = (await (await fetch('/api/plans')).json()) as {
        id: number;
        year: number;
        adHoc?: boolean;
      }[];
      return plans.find((p) => p.year === y && !p.adHoc)!.id;
    }, year);

  it('the sign-in page makes no failed request and logs no console error', async () => {
    // A fresh browser profile, as a first visit: no cookie at all.
    const context = await h.browser.newContext({ viewport: desktop, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${h.url}/`);
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByTestId('login-username').waitFor();
    await page.goto(`${h.url}/login`);
    await page.getByTestId('login-username').waitFor();
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    // Signing in still works, and so does reloading a page afterwards (the probe finds the session).
    await page.getByTestId('login-username').fill('office');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(`${h.url}/audit`);
    await page.getByTestId('audit-table').waitFor();
    await context.close();
  });

  it('live page: a failed request shows the error with 重试, and 重试 loads the page', async () => {
    const { page } = h;
    await page.setViewportSize(desktop);
    await signIn(page, 'filler2');
    let calls = 0;
    let failing = true;
    await page.route('**/api/live/**', async (route) => {
      calls++;
      if (failing)
        await route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'INTERNAL', message: 'live scores failed' } }),
        });
      else await route.continue();
    });
    await page.goto(`${h.url}/live?plan=${await yearlyPlanId(page, 2026)}`);
    // First a loading state, then (after the client's retries) the error with the retry button.
    const error = page.getByTestId('live-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.innerText()).toContain('加载失败');
    const retry = page.getByTestId('live-retry');
    expect(await retry.innerText()).toMatch(/重\s*试/);
    await shot(page, 'live-error');
    const before = calls;
    failing = false;
    await retry.click();
    await page.getByTestId('live-unit-B1-01').waitFor({ timeout: 30_000 });
    expect(calls).toBeGreaterThan(before);
    expect(await page.getByTestId('live-error').count()).toBe(0);
  });

  it('verification: a spinner while the queue loads, never a false 没有待核验的数据', async () => {
    const { page } = h;
    await signIn(page, 'assessor');
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const plan = await yearlyPlanId(page, 2026);
    await page.route('**/api/verification/queue**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${h.url}/verification?plan=${plan}`);
    await page.getByTestId('ver-queue-loading').waitFor({ timeout: 20_000 });
    expect(await page.locator('body').innerText()).not.toContain('没有待核验的数据');
    release();
    await page
      .locator('[data-testid="ver-queue"] tr.ant-table-row, [data-testid="ver-queue-error"]')
      .first()
      .waitFor({ timeout: 30_000 });
    await shot(page, 'verification');
    expect(await page.getByTestId('ver-queue-error').count(), 'the queue loads').toBe(0);
    expect(await page.getByTestId('ver-queue').locator('tr.ant-table-row').count()).toBeGreaterThan(0);
  });

  it('no horizontal overflow on a 375 px phone (and notice detail at 1366 px)', async () => {
    const { page } = h;
    const check = async (name: string, ready: () => Promise<unknown>) => {
      await ready();
      await page.waitForTimeout(300);
      const o = await overflow(page);
      await shot(page, `${name}-${o.inner}`);
      expect(o.scroll, `${name} at ${o.inner} px is ${o.scroll} px wide`).toBeLessThanOrEqual(o.inner);
    };
    await page.setViewportSize(phone);
    await signIn(page, 'filler');
    const plan = await yearlyPlanId(page, 2026);
    await page.goto(`${h.url}/submissions?plan=${plan}`);
    await check('submissions', () => page.getByTestId('sub-table').waitFor({ timeout: 30_000 }));
    await page.goto(`${h.url}/live?plan=${plan}`);
    await check('live', () => page.getByTestId('live-unit-A01').waitFor({ timeout: 30_000 }));
    await page.goto(`${h.url}/task-books?plan=${plan}`);
    await check('task-books', () => page.getByTestId('tb-status').first().waitFor({ timeout: 30_000 }));

    await signIn(page, 'office');
    await page.goto(`${h.url}/calendar?plan=${plan}`);
    await check('calendar', () => page.getByTestId('cal-calendar').waitFor({ timeout: 30_000 }));
    const noticeId = await page.evaluate(async () => {
      const r = (await (await fetch('/api/notices')).json()) as { items: { id: number }[] };
      return r.items[0]!.id;
    });
    await page.goto(`${h.url}/notices/${noticeId}`);
    await check('notice-detail', () =>
      page.locator('.ant-drawer-body .ant-descriptions').waitFor({ timeout: 30_000 }),
    );
    await page.setViewportSize(desktop);
    await page.goto(`${h.url}/notices/${noticeId}`);
    await check('notice-detail', () =>
      page.locator('.ant-drawer-body .ant-descriptions').waitFor({ timeout: 30_000 }),
    );
    await page.setViewportSize(phone);
    await page.goto(`${h.url}/plans/${plan}`);
    await page.getByRole('tab', { name: '方案设置' }).click();
    await check('plan-settings', () => page.getByTestId('plan-granularity').waitFor({ timeout: 30_000 }));
    await page.setViewportSize(desktop);
  });

  it('antd controls and dates follow the UI language, also in an English-language browser', async () => {
    // The browser says en-US; the UI is Chinese by default, and so must be antd's and the dates' text.
    const context = await h.browser.newContext({ viewport: desktop, locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'office');
    const zh = await openAuditPicker(page);
    expect(zh.pagination).toContain('条/页');
    expect(zh.panel).toMatch(/\d{4}年\s*\d{1,2}月/);
    expect(zh.panel).toMatch(/一\s+二\s+三\s+四\s+五\s+六\s+日/);
    await shot(page, 'datepicker-zh');
    await page.keyboard.press('Escape');
    // Timestamps print the same in both languages, not as the browser's 12/4/2026, 2:44:03 AM.
    const plans = await openTable(page, '/plans', 'plans-table');
    const text = await plans.innerText();
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).not.toMatch(/\b(AM|PM)\b|\d{1,2}\/\d{1,2}\/\d{4}/);
    // Popconfirm buttons.
    await page.goto(`${h.url}/calendar`);
    await page.getByTestId('cal-generate').click();
    const pop = page.locator('.ant-popconfirm').first();
    await pop.waitFor();
    expect(await pop.innerText()).toMatch(/确\s*定/);
    await page.keyboard.press('Escape');

    // Switching to English switches antd and dayjs too.
    await page.getByTestId('lang-switch').click();
    const en = await openAuditPicker(page);
    expect(en.pagination).toContain('/ page');
    expect(en.panel).toMatch(/Mo\s+Tu\s+We/);
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-switch').click();
    await context.close();
  });

  it('the audit log reads 登录, not auth.login', async () => {
    const { page } = h;
    await signIn(page, 'office');
    const table = await openTable(page, '/audit', 'audit-table');
    const login = table.locator('[data-testid="audit-action"][data-code="auth.login"]').first();
    await login.waitFor();
    expect(await login.innerText()).toBe('登录');
    const text = await table.innerText();
    expect(text).not.toContain('auth.login');
    expect(text).not.toContain('evaluation_run');
    await shot(page, 'audit');
    // The action filter offers the actions by name and searches by code.
    await page.getByTestId('audit-action-filter').locator('input').fill('登录');
    await page
      .locator('.ant-select-dropdown .ant-select-item-option', { hasText: '登录 · auth.login' })
      .click();
    await page.getByTestId('audit-search').click();
    await page.waitForFunction(() => {
      const codes = [...document.querySelectorAll('[data-testid="audit-action"]')].map((e) =>
        e.getAttribute('data-code'),
      );
      return codes.length > 0 && codes.every((c) => c === 'auth.login');
    });
  });

  it('/users does not claim 待改密 for demo accounts, which sign in without a forced change', async () => {
    const { page } = h;
    await signIn(page, 'office');
    const table = await openTable(page, '/users', 'users-table');
    expect(await table.innerText()).toContain('filler2');
    expect(await table.innerText()).not.toContain('待改密');
  });

  it('the archived 2025 plan validates', async () => {
    const { page } = h;
    await signIn(page, 'office');
    await page.goto(`${h.url}/plans`);
    const row = page.getByTestId('plans-table').locator('tr.ant-table-row', { hasText: '2025' }).first();
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).not.toMatch(/个错误/);
    expect(await row.innerText()).toContain('通过');
    await page.goto(`${h.url}/plans/${await yearlyPlanId(page, 2025)}`);
    await page.getByTestId('plan-readonly').waitFor({ timeout: 30_000 });
    expect(await page.locator('body').innerText()).not.toMatch(/\d+ 个错误/);
  });

  it('the active (read-only) plan shows its AHP view, read-only', async () => {
    const { page } = h;
    await signIn(page, 'office');
    await page.goto(`${h.url}/plans/${await yearlyPlanId(page, 2026)}`);
    await page.getByTestId('plan-readonly').waitFor({ timeout: 30_000 });
    await page.getByTestId('row-ahp').first().click();
    const matrix = page.getByTestId('ahp-matrix');
    await matrix.waitFor();
    await page.getByTestId('ahp-readonly').waitFor();
    expect(await matrix.locator('.ant-select').count()).toBe(0);
    expect(await page.getByTestId('ahp-apply').count()).toBe(0);
    expect(await page.getByTestId('ahp-cr').innerText()).toMatch(/^\d+\.\d{4}$/);
    await shot(page, 'ahp-readonly');
    await page.getByTestId('ahp-close').click();
  });
});
