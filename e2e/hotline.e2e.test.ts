import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseCsv, getJson, previewProblems, screenshots, useHarness } from './harness.js';

/**
 * Hotline work orders in the browser (issue 10 point 8): the office opens /hotline from the menu,
 * previews a CSV with errors (line errors in Chinese, no confirm), then a good one, confirms it and
 * sees the rows per unit in the stored table.
 */
describe('hotline work-order statistics', () => {
  const h = useHarness();
  let office: Page;
  const HEADER = '单位编码,工单量,及时响应率(%),按时办结率(%),满意率(%)';
  const pick = (name: string, rows: string[]) => chooseCsv(office, name, [HEADER, ...rows]);

  it('shows the stored figures of a period per unit', async () => {
    office = await h.as('office');
    await office.getByRole('menuitem', { name: '热线工单' }).click();
    await office.waitForURL((u) => u.pathname === '/hotline');
    const plans = await getJson<{ id: number; status: string; year: number; adHoc?: boolean }[]>(
      office,
      '/api/plans',
    );
    const plan = plans.find((p) => p.status === 'active' && p.year === 2026 && !p.adHoc)!;
    await office.goto(`${h.url}/hotline?plan=${plan.id}&period=2026-M10`);
    const stats = office.getByTestId('hl-stats');
    await stats.locator('tbody tr', { hasText: 'A01' }).waitFor({ timeout: 20_000 });
    expect(await stats.locator('tbody tr.ant-table-row').count()).toBe(125);
  });

  it('a file with errors lists them by line and column in Chinese, with no confirm', async () => {
    const plan = new URL(office.url()).searchParams.get('plan');
    await office.goto(`${h.url}/hotline?plan=${plan}&period=2026-M11`);
    await office.getByTestId('hl-preview').waitFor();
    await pick('bad.csv', ['A01,40,92.5,90,88', 'X99,5,90,90,90', 'A02,-1,120,90,90']);
    const text = await previewProblems(office, 'hl-preview');
    expect(text).toContain('第 3 行「单位」列');
    expect(text).toContain('第 4 行「工单量」列：工单量 -1 不能为负数');
    expect(text).toContain('第 4 行「及时响应率」列：比率 120 超出 0–100');
    expect(await office.getByTestId('hl-commit').count()).toBe(0);
  });

  it('a good file is previewed, confirmed and its rows shown per unit', async () => {
    await pick('good.csv', ['A01,40,92.5%,90,88', 'A02,12,100,95,97.5']);
    await office.getByTestId('hl-preview').click();
    const rows = office.getByTestId('hl-preview-rows');
    await rows.waitFor({ timeout: 20_000 });
    expect(await rows.innerText()).toContain('92.5%');
    await office.getByTestId('hl-commit').click();
    const stats = office.getByTestId('hl-stats');
    await stats.locator('tbody tr', { hasText: 'A02' }).waitFor({ timeout: 20_000 });
    expect(await stats.locator('tbody tr', { hasText: 'A01' }).innerText()).toContain('92.5%');
    expect(await stats.locator('tbody tr.ant-table-row').count()).toBe(2);
    await office.screenshot({ path: join(screenshots, 'hotline.png'), fullPage: true });
  });
});
