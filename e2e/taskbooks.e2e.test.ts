import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshots, signInAs, useHarness } from './harness.js';

/**
 * Task books and the deadline calendar in the browser, on the demo city: every unit's 2026 task
 * book is issued, unit A01's first indicator is split to sections and staff, and the 2026 calendar
 * has M01–M09 closed and M10 due on 2026-11-10.
 */
describe('task books and calendar in the browser', () => {
  const h = useHarness();

  it('the A01 filler sees the issued targets, read-only, and the decomposition', async () => {
    const page = await h.as('filler', 1366);
    await page.getByRole('menuitem', { name: '我的任务书' }).click();
    const view = page.getByTestId('tb-view');
    await view.waitFor({ timeout: 30_000 });
    expect(await view.getAttribute('data-status')).toBe('issued');
    expect(await page.getByTestId('tb-status').innerText()).toBe('已下达');
    // The five steps, all finished.
    expect(await page.getByTestId('tb-steps').locator('.ant-steps-item').count()).toBe(5);
    await page.getByTestId('tb-readonly').waitFor();
    // Issued: no inputs, no save; a change can be requested.
    expect(await page.getByTestId('tb-input-target').count()).toBe(0);
    expect(await page.getByTestId('tb-save').count()).toBe(0);
    await page.getByTestId('tb-request-change').waitFor();

    // The targets on screen are the server's.
    const book = await page.evaluate(async () => {
      const plans = (await (await fetch('/api/plans')).json()) as {
        id: number;
        status: string;
        year: number;
      }[];
      const plan = plans.filter((p) => p.status === 'active').sort((a, b) => b.year - a.year)[0]!;
      const list = (await (await fetch(`/api/plans/${plan.id}/task-books`)).json()) as {
        items: { id: number; unitCode: string }[];
      };
      const id = list.items.find((b) => b.unitCode === 'A01')!.id;
      return (await (await fetch(`/api/task-books/${id}`)).json()) as {
        targets: { indicator: string; target: number | null }[];
      };
    });
    const rows = page.getByTestId('tb-targets').locator('tr[data-indicator]');
    expect(await rows.count()).toBe(book.targets.length);
    const first = book.targets[0]!;
    const firstRow = page.getByTestId('tb-targets').locator(`tr[data-indicator="${first.indicator}"]`);
    expect(await firstRow.getByTestId('tb-target').innerText()).toBe(String(first.target));
    await page.screenshot({ path: join(screenshots, 'taskbook.png'), fullPage: true });

    // The first indicator is split to two sections, the first section to its staff.
    await firstRow.getByTestId('tb-decompose').click();
    const drawer = page.getByTestId('decomp-drawer');
    await drawer.getByTestId('decomp-tree').waitFor({ timeout: 15_000 });
    expect(await drawer.locator('tr[data-part]').count()).toBeGreaterThanOrEqual(3);
    const coverage = drawer.getByTestId('decomp-coverage');
    expect(await coverage.getAttribute('data-ok')).toBe('1');

    // Breaking the sum turns the summary red and marks the rows, before any save.
    const input = drawer.getByTestId('decomp-target').first();
    const before = await input.inputValue();
    await input.fill(String(Number(before) + 1));
    await expect.poll(() => coverage.getAttribute('data-ok')).toBe('0');
    expect(await drawer.locator('tr[data-bad="1"]').count()).toBeGreaterThan(0);
    await input.fill(before);
    await expect.poll(() => coverage.getAttribute('data-ok')).toBe('1');
    await page.screenshot({ path: join(screenshots, 'taskbook-decomposition.png') });
  });

  it('the office opens the calendar and sees M10 due on 2026-11-10', async () => {
    const { page } = h;
    await signInAs(h, 'office');
    // The demo calendar belongs to the active 2026 plan that has task books.
    const planId = await page.evaluate(async () => {
      const plans = (await (await fetch('/api/plans')).json()) as {
        id: number;
        status: string;
        year: number;
      }[];
      for (const p of plans.filter((x) => x.status === 'active' && x.year === 2026)) {
        const periods = (await (await fetch(`/api/plans/${p.id}/periods`)).json()) as unknown[];
        if (periods.length) return p.id;
      }
      return null;
    });
    expect(planId).not.toBeNull();
    await page.goto(`${h.url}/calendar?plan=${planId}`);
    await page.getByTestId('cal-calendar').waitFor({ timeout: 30_000 });
    // The list view names the due day of every period.
    await page.getByTestId('cal-view').getByText('列表').click();
    const row = page.getByTestId('cal-list').locator('tr[data-period="2026-M10"]');
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('cal-due').innerText()).toBe('2026-11-10');
    // M01–M09 are closed.
    expect(
      await page
        .getByTestId('cal-list')
        .locator('tr[data-period="2026-M09"]')
        .getByTestId('cal-item')
        .getAttribute('data-state'),
    ).toBe('closed');
    // A link to a month opens it (today is later than the demo's November deadline): M10 on the 10th.
    await page.goto(`${h.url}/calendar?plan=${planId}&month=2026-11`);
    await page.getByTestId('cal-calendar').waitFor({ timeout: 30_000 });
    const cell = page.locator('[data-testid="cal-day"][data-day="2026-11-10"]');
    await cell.waitFor({ timeout: 15_000 });
    const item = cell.locator('[data-testid="cal-item"][data-period="2026-M10"]');
    expect(await item.innerText()).toContain('M10');
    expect(['open', 'late']).toContain(await item.getAttribute('data-state'));
    // The office's tools.
    await page.getByTestId('cal-generate').waitFor();
    await page.screenshot({ path: join(screenshots, 'calendar.png'), fullPage: true });
    await item.click();
    await page.getByTestId('cal-window-due').waitFor();
    expect(await page.getByTestId('cal-window-due').innerText()).toBe('2026-11-10');
    await page.getByTestId('cal-toggle').waitFor();
  });
});
