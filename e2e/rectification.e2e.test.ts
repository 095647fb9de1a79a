import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getJson, inputOf, noOverflow, pick, screenshots, useHarness } from './harness.js';

/**
 * Rectification and rating the lead departments in the browser (issue 11 points 8, 9): the office
 * creates a task for A01 → the unit reports progress on a 375 px phone → the office closes it; the
 * unit rates a lead department in this year's open round.
 */
describe('rectification and rating the lead departments', () => {
  const h = useHarness();
  const title = '会议纪要归档不及时';
  let taskId = 0;

  it('the office creates a task for A01 on its board; the overdue demo task shows in red', async () => {
    const office = await h.as('office');
    await office.goto(`${h.url}/rectifications`);
    await office.getByTestId('rectification-table').waitFor();
    await office.locator('.ant-tag-red', { hasText: '已逾期' }).first().waitFor({ timeout: 20_000 });
    await office.getByTestId('rectification-create').click();
    await pick(office, 'rectification-unit', 'A01');
    await office.getByTestId('rectification-title').fill(title);
    await office.getByTestId('rectification-note').fill('抽查发现 10 月会议纪要未归档。');
    await office.locator('.ant-modal-footer .ant-btn-primary').click();
    const row = office.locator('[data-testid="rectification-table"] tr', { hasText: title });
    await row.waitFor({ timeout: 15_000 });
    const tasks = await getJson<{ id: number; title: string; status: string }[]>(
      office,
      '/api/rectifications',
    );
    taskId = tasks.find((t) => t.title === title)!.id;
    expect(await office.getByTestId(`rectification-status-${taskId}`).innerText()).toBe('待整改');
    await office.screenshot({ path: join(screenshots, 'rectification-board.png') });
  });

  it('the unit reports progress on a phone', async () => {
    const unit = await h.as('unitadmin', 375);
    await unit.goto(`${h.url}/rectifications`);
    const card = unit.getByTestId(`rectification-task-${taskId}`);
    await card.waitFor({ timeout: 20_000 });
    await unit.getByTestId(`rectification-report-${taskId}`).click();
    await inputOf(unit, 'rectification-percent').fill('80');
    await unit.getByTestId('rectification-text').fill('已补齐 10 月会议纪要，建立按周归档制度。');
    await unit.locator('.ant-modal-footer .ant-btn-primary').click();
    await card.getByText('已报送').waitFor({ timeout: 15_000 });
    await card.getByText('已补齐 10 月会议纪要').waitFor();
    expect(await noOverflow(unit)).toBe(true);
    await unit.screenshot({ path: join(screenshots, 'rectification-unit-phone.png') });
  });

  it('the office closes the reported task', async () => {
    const office = await h.as('office');
    await office.goto(`${h.url}/rectifications?id=${taskId}`);
    await office.getByTestId(`rectification-close-${taskId}`).click();
    await office.getByTestId('rectification-close-note').fill('整改到位，予以销号。');
    await office.locator('.ant-modal-footer .ant-btn-primary').click();
    await office
      .getByTestId(`rectification-status-${taskId}`)
      .filter({ hasText: '已销号' })
      .waitFor({ timeout: 15_000 });
  });

  it('the unit rates a lead department in this year’s round', async () => {
    const unit = await h.as('unitadmin', 375);
    await unit.goto(`${h.url}/ratings`);
    await unit.getByTestId('rating-round-2026').click();
    await unit.getByTestId('rating-forms').waitFor({ timeout: 20_000 });
    for (const [c, v] of [
      ['method', '90'],
      ['procedure', '85'],
      ['discipline', '95'],
      ['fairness', '88'],
    ])
      await inputOf(unit, `rate-A06-${c}`).fill(v!);
    await unit.getByTestId('rate-A06-save').click();
    await unit.getByTestId('rate-A06').getByText('已评价').waitFor({ timeout: 15_000 });
    expect(await noOverflow(unit)).toBe(true);
    const round = (await getJson<{ id: number; year: number }[]>(unit, '/api/rating-rounds')).find(
      (r) => r.year === 2026,
    )!;
    const mine = await getJson<{ mine: Record<string, { method: number; fairness: number }> }>(
      unit,
      `/api/rating-rounds/${round.id}`,
    );
    expect(Object.values(mine.mine)).toEqual([expect.objectContaining({ method: 90, fairness: 88 })]);
    await unit.screenshot({ path: join(screenshots, 'rating-unit-phone.png') });
  });
});
