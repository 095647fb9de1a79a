import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshots, signInAs, useHarness } from './harness.js';

describe('progress, notices and the bell in the browser', () => {
  const h = useHarness();

  it('the office sees the progress matrix with lagging cells and the printable bulletin', async () => {
    const { page } = h;
    await signInAs(h, 'office');
    await page.goto(`${h.url}/progress`);
    await page.getByTestId('progress-page').waitFor();
    await page.locator('[data-status="serious"]').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-status="lagging"], [data-status="serious"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, 'notices-progress-matrix.png'), fullPage: false });
    await page.goto(`${h.url}/bulletin/${await planId()}?quarter=2026-Q3`);
    await page.getByTestId('bulletin-title').waitFor();
    expect(await page.getByTestId('bulletin-title').innerText()).toBe('2026年第三季度绩效管理工作通报');
    expect(await page.getByTestId('bulletin-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, 'notices-bulletin.png'), fullPage: false });
  });

  it('the A01 filler sees the bell, answers the acknowledged urging notice with measures', async () => {
    const { page } = h;
    await page.context().clearCookies();
    await signInAs(h, 'filler');
    await page.getByTestId('bell').click();
    await page.getByTestId('bell-panel').waitFor();
    expect(await page.getByTestId('bell-item').count()).toBeGreaterThan(0);
    await page.goto(`${h.url}/notices?kind=urging`);
    await page.getByTestId('notice-answer').first().click();
    await page.getByTestId('notice-answer').last().waitFor();
    await page.locator('textarea[id$="answer"]').fill('明确专人负责，每周调度，12月底前完成全年目标。');
    await page.locator('#notice-form-ok').click();
    await page.getByText('已反馈').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(screenshots, 'notices-unit-answered.png'), fullPage: false });
  });

  async function planId(): Promise<number> {
    const plans = await h.page.evaluate(async () => (await (await fetch('/api/plans')).json()) as unknown);
    const list = (Array.isArray(plans) ? plans : (plans as { items: unknown[] }).items) as {
      id: number;
      status: string;
      year: number;
    }[];
    return list.find((p) => p.status === 'active' && p.year === 2026)!.id;
  }
});
