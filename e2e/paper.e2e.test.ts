import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { confirmPop, getJson, noOverflow, pick, screenshots, useHarness } from './harness.js';

/**
 * Paper questionnaires in the browser (issue 10 points 5 and 12): a surveyor starts a batch at a
 * survey point, types two sheets by keyboard alone (a number and Enter per field) and counts the
 * batch; the office resolves the double-entry difference of the demo's district-hall batch.
 */
describe('paper questionnaire entry', () => {
  const h = useHarness();
  let surveyor: Page;

  it('a surveyor types two sheets with the keyboard and counts the batch', async () => {
    surveyor = await h.as('surveyor');
    await surveyor.goto(`${h.url}/paper`);
    // The demo's counted batch from the citizen centre is listed.
    await surveyor.getByTestId('batch-list').getByText('市民中心', { exact: true }).waitFor();
    await surveyor.getByTestId('batch-new').click();
    await pick(surveyor, 'batch-unit', 'B1-01');
    await surveyor.getByTestId('batch-point').fill('市政务服务中心二楼');
    await surveyor.locator('.ant-modal-footer .ant-btn-primary').click();
    const entry = surveyor.getByTestId('sheet-entry');
    await entry.waitFor();
    const fields = await entry.locator('input[data-testid^="entry-"]').count();
    // Sheet 1: 满意 (option 1), every other field left blank; sheet 2: 不满意 (option 3).
    // Each sheet is waited for in the list: a toast of the previous save may still be showing.
    const rows = surveyor.getByTestId('sheet-list').locator('tbody tr.ant-table-row');
    for (const [n, ticked] of ['1', '3'].entries()) {
      await surveyor.getByTestId('entry-overall').focus();
      await surveyor.keyboard.type(ticked);
      for (let i = 0; i < fields; i++) await surveyor.keyboard.press('Enter');
      await rows.nth(n).waitFor({ timeout: 15_000 });
      await expect.poll(() => surveyor.getByTestId('entry-overall').inputValue()).toBe('');
    }
    expect(await rows.count()).toBe(2);
    await surveyor.screenshot({ path: join(screenshots, 'paper-entry.png'), fullPage: true });
    await surveyor.getByTestId('batch-count').click();
    await confirmPop(surveyor);
    await surveyor.getByTestId('batch-list').getByText('已计入').nth(1).waitFor();
    const campaignId = Number(new URL(surveyor.url()).searchParams.get('campaign'));
    const batches = await getJson<{ surveyPoint: string; status: string; sheets: number }[]>(
      surveyor,
      `/api/paper-batches?campaignId=${campaignId}`,
    );
    expect(batches.find((b) => b.surveyPoint === '市政务服务中心二楼')).toMatchObject({
      status: 'counted',
      sheets: 2,
    });
  });

  it('the office resolves the district hall’s mismatched sheet; the batch is then ready', async () => {
    const office = await h.as('office');
    await office.goto(`${h.url}/paper`);
    await office.getByTestId('batch-list').getByText('区政务服务大厅').click();
    await office.getByTestId('resolve-2').click();
    await office.getByTestId('resolve-first').click();
    await office.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(async () => office.getByTestId('resolve-2').count()).toBe(0);
    expect(await office.getByTestId('sheet-list').innerText()).toContain('已裁定');
  });

  it('the paper page fits a 375 px phone', async () => {
    const phone = await h.as('surveyor', 375);
    await phone.goto(`${h.url}/paper`);
    await phone.getByTestId('batch-list').waitFor();
    expect(await noOverflow(phone)).toBe(true);
  });
});
