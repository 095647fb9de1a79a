import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  changeRequestRow,
  confirmPop,
  getJson,
  requestTargetChange,
  screenshots,
  useHarness,
} from './harness.js';

interface Tree {
  stamp: string;
  target: number | null;
  parts: { key: string; parentKey: string | null; target: number | null }[];
}
interface Book {
  id: number;
  revision: number;
  targets: { indicator: string; target: number | null }[];
  changeRequests: { reason: string; status: string }[];
}
interface Window {
  id: number;
  period: string;
  state: string;
  closed: boolean;
  reopenings: { unitId: number; reason: string; until: string }[];
}

/**
 * The task-book and calendar flows that change data, clicked through as the users would: the
 * office closes a period and reopens it for one unit, the A01 filler asks to change a target and
 * the office approves it, and the filler splits a target — first wrongly (refused), then rightly.
 */
describe('task books and calendar: the flows that write', () => {
  const h = useHarness();
  const as = h.as;
  /** The active 2026 plan with task books and a calendar. */
  const activePlan = async (page: Page) => {
    const plans = await getJson<{ id: number; status: string; year: number }[]>(page, '/api/plans');
    for (const p of plans.filter((x) => x.status === 'active' && x.year === 2026))
      if ((await getJson<unknown[]>(page, `/api/plans/${p.id}/periods`)).length) return p.id;
    throw new Error('no active 2026 plan with a calendar');
  };
  const a01Book = async (page: Page) => {
    const planId = await activePlan(page);
    const list = await getJson<{ items: { id: number; unitId: number; unitCode: string }[] }>(
      page,
      `/api/plans/${planId}/task-books`,
    );
    const b = list.items.find((x) => x.unitCode === 'A01')!;
    return { planId, bookId: b.id, unitId: b.unitId };
  };
  /** Confirm the Popconfirm that is open now. */

  it('the office closes an open period and reopens it for A01 with a reason and an end date', async () => {
    const page = await as('office');
    const { planId, unitId } = await a01Book(page);
    const before = await getJson<Window[]>(page, `/api/plans/${planId}/periods`);
    const w = before.find((x) => !x.closed && x.state === 'open') ?? before.find((x) => !x.closed)!;
    expect(w).toBeTruthy();

    await page.goto(`${h.url}/calendar?plan=${planId}`);
    await page.getByTestId('cal-calendar').waitFor({ timeout: 30_000 });
    await page.getByTestId('cal-view').getByText('列表').click();
    const row = page.getByTestId('cal-list').locator(`tr[data-period="${w.period}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.getByTestId('cal-open').click();
    await page.getByTestId('cal-window-due').waitFor();

    // Close it.
    await page.getByTestId('cal-toggle').click();
    await confirmPop(page);
    await expect.poll(() => row.getByTestId('cal-item').getAttribute('data-state')).toBe('closed');
    expect(await page.getByTestId('cal-toggle').innerText()).toMatch(/开\s*启/);
    const closed = (await getJson<Window[]>(page, `/api/plans/${planId}/periods`)).find(
      (x) => x.id === w.id,
    )!;
    expect(closed.closed).toBe(true);

    // Reopen it for A01 until ten days from now.
    const until = new Date(Date.now() + 10 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    const reason = '系统故障导致未能按时报送（e2e）';
    await page.getByTestId('cal-reopen').click();
    await page.getByTestId('cal-reopen-unit').click();
    await page.keyboard.type('A01');
    await page.locator('.ant-select-item-option[title^="A01 "]').first().click();
    await page.getByTestId('cal-reopen-reason').fill(reason);
    const picker = page.getByTestId('cal-reopen-until');
    const input = (await picker.evaluate((e) => e.tagName)) === 'INPUT' ? picker : picker.locator('input');
    await input.click();
    await input.fill(until);
    await input.press('Enter');
    await page.getByTestId('cal-reopen-ok').click();

    // The window lists the reopening; the list row too once the modal is closed.
    await page
      .getByTestId('cal-window-due')
      .locator('xpath=ancestor::div[contains(@class,"ant-modal")][1]')
      .getByText(reason, { exact: false })
      .waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(screenshots, 'calendar-reopen.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => row.innerText()).toContain(until);
    expect(await row.innerText()).toContain(reason);

    const after = (await getJson<Window[]>(page, `/api/plans/${planId}/periods`)).find((x) => x.id === w.id)!;
    expect(after.closed).toBe(true);
    expect(after.reopenings).toHaveLength(1);
    const r = after.reopenings[0]!;
    expect(r.unitId).toBe(unitId);
    expect(r.reason).toBe(reason);
    // Until the end of that day in Beijing.
    expect(new Date(new Date(r.until).getTime() + 8 * 3600_000).toISOString().slice(0, 10)).toBe(until);
  });

  it('the A01 filler asks to change a target, the office approves, the filler sees a new revision', async () => {
    const filler = await as('filler');
    const { bookId } = await a01Book(filler);
    const book = await getJson<Book>(filler, `/api/task-books/${bookId}`);
    // Not the first indicator: that one is decomposed (the next test splits it).
    const idx = book.targets.findIndex((x, i) => i > 0 && x.target !== null);
    const line = book.targets[idx]!;
    const proposed = line.target! + 7;
    const reason = '上级追加年度任务（e2e）';

    await filler.getByRole('menuitem', { name: '我的任务书' }).click();
    await filler.getByTestId('tb-view').waitFor({ timeout: 30_000 });
    const cell = filler.getByTestId('tb-change-target').nth(idx);
    expect(await requestTargetChange(filler, reason, cell, proposed)).toContain(
      `${line.target} → ${proposed}`,
    );
    const pending = await getJson<Book>(filler, `/api/task-books/${bookId}`);
    expect(pending.changeRequests.find((c) => c.reason === reason)?.status).toBe('pending');
    expect(pending.targets[idx]!.target).toBe(line.target);

    // The office approves it in 任务书审核 → 变更申请.
    const office = await as('office');
    const req = await changeRequestRow(office, reason);
    expect(await req.innerText()).toContain(`${line.indicator} → ${proposed}`);
    await req.getByTestId('tb-change-approve').click();
    await confirmPop(office);
    await office.getByText('变更已批准，任务书已生成新版本').waitFor({ timeout: 15_000 });

    const approved = await getJson<Book>(office, `/api/task-books/${bookId}`);
    expect(approved.targets[idx]!.target).toBe(proposed);
    expect(approved.revision).toBe(book.revision + 1);
    expect(approved.changeRequests.find((c) => c.reason === reason)?.status).toBe('approved');

    // The filler sees the new target and the new revision in the history drawer.
    await filler.reload();
    const row = filler.getByTestId('tb-targets').locator(`tr[data-indicator="${line.indicator}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getByTestId('tb-target').innerText()).toBe(String(proposed));
    // The decided request names the new target, not "new → new" (the book holds the new one now).
    const decided = await filler.getByTestId('tb-change-requests').innerText();
    expect(decided).toContain('已批准');
    expect(decided).toContain(`: → ${proposed}`);
    expect(decided).not.toContain(`${proposed} → ${proposed}`);
    await filler.getByTestId('tb-revisions').click();
    const revs = filler.getByTestId('tb-revision');
    await revs.first().waitFor({ timeout: 15_000 });
    const newest = revs.first();
    expect(await newest.innerText()).toContain(String(approved.revision));
    expect(await newest.innerText()).toContain(reason);
    expect(await newest.locator('tr', { hasText: line.indicator }).innerText()).toContain(String(proposed));
    await filler.screenshot({ path: join(screenshots, 'taskbook-change.png'), fullPage: true });
  });

  it('the filler splits a target wrongly (refused, nothing saved), then rightly (saved)', async () => {
    const page = await as('filler');
    const { bookId } = await a01Book(page);
    const book = await getJson<Book>(page, `/api/task-books/${bookId}`);
    const indicator = book.targets[0]!.indicator;
    const treeUrl = `/api/task-books/${bookId}/decomposition/${encodeURIComponent(indicator)}`;
    const before = await getJson<Tree>(page, treeUrl);
    const tops = before.parts.filter((p) => p.parentKey === null);
    const first = tops[0]!;
    const last = tops.at(-1)!;
    const kid = before.parts.find((p) => p.parentKey === first.key)!;
    expect(tops.length).toBeGreaterThanOrEqual(2);
    expect(kid).toBeTruthy();

    await page.getByRole('menuitem', { name: '我的任务书' }).click();
    await page
      .getByTestId('tb-targets')
      .locator(`tr[data-indicator="${indicator}"]`)
      .getByTestId('tb-decompose')
      .click();
    const drawer = page.getByTestId('decomp-drawer');
    await drawer.getByTestId('decomp-tree').waitFor({ timeout: 15_000 });
    const coverage = drawer.getByTestId('decomp-coverage');
    expect(await coverage.getAttribute('data-ok')).toBe('1');
    const target = (key: string) => {
      const c = drawer.locator(`tr[data-part="${key}"]`).getByTestId('decomp-target');
      return c.evaluate((e) => e.tagName).then((t) => (t === 'INPUT' ? c : c.locator('input')));
    };

    // Break it: the first section gets one more; its parts and the top level no longer add up.
    await (await target(first.key)).fill(String(first.target! + 1));
    await expect.poll(() => coverage.getAttribute('data-ok')).toBe('0');
    await drawer.getByTestId('decomp-save').click();
    const rowErr = drawer.locator(`tr[data-part="${last.key}"]`).getByTestId('decomp-row-error');
    await rowErr.waitFor({ timeout: 15_000 });
    expect(await rowErr.innerText()).toMatch(/add up to/);
    expect(await drawer.locator(`tr[data-part="${last.key}"]`).getAttribute('data-bad')).toBe('1');
    expect(await getJson<Tree>(page, treeUrl)).toEqual(before);

    // Fix it: the last section gives one up, and the first section's first part takes it.
    await (await target(last.key)).fill(String(last.target! - 1));
    await (await target(kid.key)).fill(String(kid.target! + 1));
    await expect.poll(() => coverage.getAttribute('data-ok')).toBe('1');
    await drawer.getByTestId('decomp-save').click();
    await page.getByText('分解已保存').waitFor({ timeout: 15_000 });
    expect(await drawer.getByTestId('decomp-row-error').count()).toBe(0);
    expect(await coverage.getAttribute('data-ok')).toBe('1');

    const after = await getJson<Tree>(page, treeUrl);
    expect(after.stamp).not.toBe(before.stamp);
    const sorted = (t: Tree) => t.parts.map((p) => p.target).sort((a, b) => a! - b!);
    const expected = before.parts.map((p) =>
      p.key === first.key
        ? first.target! + 1
        : p.key === last.key
          ? last.target! - 1
          : p.key === kid.key
            ? kid.target! + 1
            : p.target,
    );
    expect(sorted(after)).toEqual(expected.sort((a, b) => a! - b!));
    await page.screenshot({ path: join(screenshots, 'taskbook-decomposition-saved.png') });
  });
});
