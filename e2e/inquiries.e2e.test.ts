import { join } from 'node:path';
import type { Inquiry } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { getJson, inputOf, noOverflow, screenshots, useHarness } from './harness.js';

/**
 * The year-end expert review (质询, S11) in the browser: the demo's expert reviews A01 and raises an
 * inquiry → A01's admin answers it with evidence on a 375 px phone → the expert closes it with a
 * deduction → the deduction shows on the unit's events page (加减分事项).
 */
describe('inquiries of the year-end expert review', () => {
  const h = useHarness();
  const question = '全年信息报送篇数与辅证不一致，请说明。';
  const reason = '答复未能说明差异';
  let id = 0;

  it('the expert reviews A01 (targets, year values, evidence) and raises an inquiry', async () => {
    const expert = await h.as('expert');
    await expert.goto(`${h.url}/inquiries`);
    await expert.getByTestId('inquiry-unit-A01').click();
    await expert
      .getByTestId('inquiry-review')
      .locator('tr.ant-table-row')
      .first()
      .waitFor({ timeout: 20_000 });
    await expert.getByTestId('inquiry-raise').click();
    await expert.getByTestId('inquiry-raise-question').fill(question);
    await expert.getByTestId('inquiry-raise-ok').click();
    await expert.getByTestId('inquiry-list').getByText(question).waitFor({ timeout: 15_000 });
    const mine = await getJson<Inquiry[]>(expert, '/api/inquiries');
    id = mine.find((i) => i.question === question)!.id;
    expect(await expert.getByTestId(`inquiry-status-${id}`).innerText()).toBe('待答复');
    await expert.screenshot({ path: join(screenshots, 'inquiries-expert.png'), fullPage: true });
  });

  it('the unit answers it with evidence on a phone', async () => {
    const unit = await h.as('unitadmin', 375);
    await unit.goto(`${h.url}/inquiries`);
    const card = unit.getByTestId(`inquiry-${id}`);
    await card.waitFor({ timeout: 20_000 });
    await card.locator('input[type=file]').setInputFiles({
      name: '采用证明.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 adoption proof'),
    });
    await card.getByText('采用证明.pdf').waitFor({ timeout: 15_000 });
    await unit.getByTestId(`inquiry-answer-text-${id}`).fill('差异为两篇未被采用的稿件，已附采用证明。');
    await unit.getByTestId(`inquiry-answer-submit-${id}`).click();
    await unit.getByTestId(`inquiry-status-${id}`).filter({ hasText: '已答复' }).waitFor({ timeout: 15_000 });
    expect(await noOverflow(unit)).toBe(true);
    await unit.screenshot({ path: join(screenshots, 'inquiries-unit-phone.png'), fullPage: true });
  });

  it('the expert closes it with a deduction, and the unit sees it on the events page', async () => {
    const expert = await h.as('expert');
    await expert.goto(`${h.url}/inquiries`);
    await expert.getByTestId(`inquiry-close-${id}`).click();
    await expert.getByTestId('inquiry-close-deduct').click();
    await inputOf(expert, 'inquiry-close-points').fill('1');
    await expert.getByTestId('inquiry-close-reason').fill(reason);
    await expert.getByTestId('inquiry-close-ok').click();
    await expert
      .getByTestId(`inquiry-status-${id}`)
      .filter({ hasText: '已办结' })
      .waitFor({ timeout: 15_000 });
    const closed = (await getJson<Inquiry[]>(expert, '/api/inquiries')).find((i) => i.id === id)!;
    expect(closed).toMatchObject({ status: 'closed', deductionPoints: 1, deductionReason: reason });

    const unit = await h.as('unitadmin', 375);
    await unit.goto(`${h.url}/events?planId=${closed.planId}&unitId=${closed.unitId}`);
    const row = unit.locator('tr', { hasText: reason });
    await row.waitFor({ timeout: 20_000 });
    const text = await row.innerText();
    for (const s of ['专家质询扣分', '−1']) expect(text).toContain(s);
    await unit.screenshot({ path: join(screenshots, 'inquiries-events.png'), fullPage: true });
  });
});
