import { join } from 'node:path';
import type { EvaluationRun, PlanSummary } from '@jixiao/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  changeRequestRow,
  computeDraft,
  confirmPop,
  fillerPhoneResults,
  getJson,
  inputOf,
  noOverflow,
  pick,
  recordEvent,
  requestTargetChange,
  screenshots,
  submitAndApprove,
  useHarness,
} from './harness.js';

interface Book {
  id: number;
  status: string;
  revision: number;
  targets: { indicator: string; target: number | null }[];
}
interface Ev {
  id: number;
  unitCode: string;
  kind: string;
  indicator: string | null;
  period: string;
  points: number | null;
  reason: string;
  status: string;
  createdBy?: string | null;
}
interface SubmissionDetail {
  id: number;
  value: number | null;
  status: string;
  evidence: { fileName: string }[];
  verifications: { result: string; correctedValue: number | null; note: string; verifiedBy: string | null }[];
}

/**
 * The evaluation loop of issue 8 point 11 in Chromium, through the pages, on the demo city — the
 * same walk as apps/server/test/loop.test.ts:
 * 1. the office issues A01's T4 target. Every demo task book of 2026 is issued already, so the
 *    issuing is walked as the one the UI offers on an issued book: the filler asks for a change of
 *    T4 on 我的任务书, the office approves it on 任务书审核, and the issued book (已下达) carries the new
 *    target — a figure this test chose, so the trace can be checked against it;
 * 2. the A01 filler enters the missing October T4 value on 数据填报, attaches evidence in the drawer
 *    and submits it;
 * 3. the assessor passes it on 符合性验证 with a corrected figure and a reason;
 * 4. the assessor (lead department of T1/T4) records a deduction against A01 on T4 on 加减分事项;
 * 5. the office computes 2026-M10 on 考评结果 (the page offers month periods, and a month run takes
 *    the cumulative figure to date — the October value — against the pro-rata target) and releases it;
 * 6. the filler reads only A01's released row; its trace shows for T4 the verified value with the
 *    original (核验更正 … 原报), the task-book target and the deduction event, and T4's score is
 *    x / (target × 10/12) × full, as the engine's pro-rata method says; also on a 375 px phone.
 */
describe('the evaluation loop in the browser', () => {
  const h = useHarness();
  const as = h.as;
  /**
   * Opens an antd select by its test id and picks the option titled so. The list is virtual (only
   * the options in view exist): the wheel scrolls it down to the end, then back up.
   */
  async function choose(page: Page, testId: string, title: string) {
    // No other dropdown still closing (its options would be matched instead).
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.getByTestId(testId).click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await dropdown.waitFor();
    const option = dropdown.locator(`.ant-select-item-option[title="${title}"]`);
    const first = () => dropdown.locator('.ant-select-item-option').first().getAttribute('title');
    await dropdown.hover();
    for (const dy of [64, -64]) {
      for (let i = 0; i < 40 && (await option.count()) === 0; i++) {
        const before = await first();
        await page.mouse.wheel(0, dy);
        await page.waitForTimeout(50);
        if ((await first()) === before) break;
      }
    }
    await option.click();
    await dropdown.waitFor({ state: 'hidden' });
  }
  const INDICATOR = 'T4';
  const PERIOD = '2026-M10';
  const SUBMITTED = 110;
  const CORRECTED = 115;
  const POINTS = 1.5;
  const changeReason = '上级追加信息报送任务（loop e2e）';
  const verifyNote = '现场核查信息报送台账，原报漏计 5 条（loop e2e）';
  const eventReason = '日常督查发现十月信息报送迟报（loop e2e）';
  let plan: PlanSummary;
  let bookId = 0;
  let target = 0;
  let submissionId = 0;
  let eventId = 0;
  let runId = 0;

  it('1. the filler asks to change the T4 target; the office approves: the issued book carries it', async () => {
    const filler = await as('filler');
    const plans = await getJson<PlanSummary[]>(filler, '/api/plans');
    plan = plans.find((p) => p.status === 'active' && p.year === 2026 && !p.adHoc)!;
    expect(plan).toBeTruthy();
    const list = await getJson<{ items: { id: number; unitCode: string }[] }>(
      filler,
      `/api/plans/${plan.id}/task-books`,
    );
    bookId = list.items.find((b) => b.unitCode === 'A01')!.id;
    const book = await getJson<Book>(filler, `/api/task-books/${bookId}`);
    expect(book.status).toBe('issued');
    const line = book.targets.find((t) => t.indicator === INDICATOR)!;
    expect(line.target).not.toBeNull();
    // 144 × 10/12 = 120: October's pro-rata target is a round figure.
    target = line.target === 144 ? 156 : 144;

    await filler.getByRole('menuitem', { name: '我的任务书' }).click();
    await filler.getByTestId('tb-view').waitFor({ timeout: 30_000 });
    expect(await filler.getByTestId('tb-status').first().innerText()).toBe('已下达');
    const cell = filler
      .locator('.ant-modal:visible')
      .locator(`tr[data-row-key="${INDICATOR}"]`)
      .getByTestId('tb-change-target');
    expect(await requestTargetChange(filler, changeReason, cell, target)).toContain(
      `${line.target} → ${target}`,
    );

    // The office issues it: 任务书审核 → 变更申请 → 批准.
    const office = await as('office');
    const req = await changeRequestRow(office, changeReason);
    expect(await req.innerText()).toContain(`${INDICATOR} → ${target}`);
    await req.getByTestId('tb-change-approve').click();
    await confirmPop(office);
    await office.getByText('变更已批准，任务书已生成新版本').waitFor({ timeout: 15_000 });

    // The filler's book: still 已下达, a new revision, T4 at the new target.
    await filler.reload();
    const row = filler.getByTestId('tb-targets').locator(`tr[data-indicator="${INDICATOR}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getByTestId('tb-target').innerText()).toBe(String(target));
    expect(await filler.getByTestId('tb-status').first().innerText()).toBe('已下达');
    const issued = await getJson<Book>(filler, `/api/task-books/${bookId}`);
    expect(issued.status).toBe('issued');
    expect(issued.revision).toBe(book.revision + 1);
    expect(issued.targets.find((t) => t.indicator === INDICATOR)!.target).toBe(target);
    await filler.screenshot({ path: join(screenshots, 'loop-1-taskbook.png'), fullPage: true });
  }, 120_000);

  it('2. the filler enters the missing October T4 value, attaches evidence and submits it', async () => {
    const page = await as('filler');
    await page.getByRole('menuitem', { name: '数据填报' }).click();
    await page.waitForURL((u) => u.pathname === '/submissions');
    await page.getByTestId(`sub-todo-missing-${PERIOD}`).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('sub-period').innerText()).toContain(PERIOD);
    const row = `A01-${INDICATOR}`;
    const status = page.getByTestId(`sub-status-${row}`);
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('missing');

    // Enter the value and keep it as a draft: evidence attaches to a stored value. The form is
    // let settle first: a refetch landing after the typing would redraw the row without it.
    await page.waitForLoadState('networkidle');
    await inputOf(page, `sub-value-${row}`).fill(String(SUBMITTED));
    await expect.poll(() => inputOf(page, `sub-value-${row}`).inputValue()).toBe(String(SUBMITTED));
    await page.getByTestId(`sub-note-${row}`).fill('十月信息报送序时进度（附报送台账）');
    await page.getByTestId(`sub-save-${row}`).click();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 15_000 }).toBe('draft');

    // The evidence drawer: upload a PDF, it is listed.
    await page.getByTestId(`sub-evidence-${row}`).click();
    const drawer = page.getByTestId('sub-drawer');
    await drawer.getByTestId('evidence-upload').waitFor({ timeout: 15_000 });
    await drawer.locator('input[type=file]').setInputFiles({
      name: '十月信息报送台账.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1'),
    });
    await drawer.getByTestId('evidence-list').getByText('十月信息报送台账.pdf').waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId(`sub-evidence-${row}`).innerText()).toContain('1');

    // Submit it.
    await page.getByTestId(`sub-submit-${row}`).click();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 15_000 }).toBe('submitted');
    expect(await status.innerText()).toBe('已提交');
    await page.getByTestId(`sub-todo-missing-${PERIOD}`).waitFor({ state: 'detached', timeout: 15_000 });
    await page.screenshot({ path: join(screenshots, 'loop-2-submitted.png'), fullPage: true });

    const items = await getJson<{ items: { indicator: string; submission: { id: number } | null }[] }>(
      page,
      `/api/submissions?planId=${plan.id}&period=${PERIOD}`,
    );
    submissionId = items.items.find((i) => i.indicator === INDICATOR)!.submission!.id;
    const detail = await getJson<SubmissionDetail>(page, `/api/submissions/${submissionId}`);
    expect(detail).toMatchObject({ value: SUBMITTED, status: 'submitted' });
    expect(detail.evidence.map((e) => e.fileName)).toEqual(['十月信息报送台账.pdf']);
  }, 120_000);

  it('3. the assessor passes it with a corrected figure and a reason', async () => {
    const page = await as('assessor');
    await page.goto(`${h.url}/verification?plan=${plan.id}`);
    await page.getByTestId('ver-queue').waitFor({ timeout: 20_000 });
    await choose(page, 'ver-period', PERIOD);
    await page.waitForURL((u) => u.searchParams.get('period') === PERIOD);
    const id = `A01-${INDICATOR}-${PERIOD}`;
    const check = page.getByTestId(`ver-check-${id}`);
    await check.waitFor({ timeout: 20_000 });
    // The queue row shows the unit's value and its one evidence file.
    const queueRow = page.getByTestId('ver-queue').locator('tr', { has: check });
    expect(await queueRow.innerText()).toContain(String(SUBMITTED));
    expect(await page.getByTestId(`ver-detail-${id}`).innerText()).toContain('1');

    await check.click();
    await page.getByTestId('ver-result').getByText('通过', { exact: true }).click();
    await inputOf(page, 'ver-corrected').fill(String(CORRECTED));
    await page.getByTestId('ver-note-required').waitFor();
    expect(await page.getByTestId('ver-ok').isDisabled()).toBe(true);
    expect(await page.getByTestId('ver-correction-preview').innerText()).toContain(
      `原报 ${SUBMITTED} → 核实 ${CORRECTED}`,
    );
    await page.getByTestId('ver-note').fill(verifyNote);
    await page.screenshot({ path: join(screenshots, 'loop-3-verify.png') });
    await page.getByTestId('ver-ok').click();
    await check.waitFor({ state: 'detached', timeout: 15_000 });

    const detail = await getJson<SubmissionDetail>(page, `/api/submissions/${submissionId}`);
    expect(detail.status).toBe('verified');
    expect(detail.verifications.at(-1)).toMatchObject({
      result: 'pass',
      correctedValue: CORRECTED,
      note: verifyNote,
      verifiedBy: 'assessor',
    });
  }, 120_000);

  it('4. the assessor, lead department of T4, records a deduction against A01 on T4', async () => {
    const page = await as('assessor');
    await page.goto(`${h.url}/events?plan=${plan.id}`);
    await page.getByTestId('ev-table').waitFor({ timeout: 20_000 });
    // Deduction is the default kind; October, A01, T4, points, reason.
    const row = await recordEvent(page, { points: POINTS, reason: eventReason }, async () => {
      await choose(page, 'ev-period', PERIOD);
      await pick(page, 'ev-unit', 'A01');
      await pick(page, 'ev-indicator', INDICATOR);
    });
    const text = await row.innerText();
    for (const s of ['A01', '扣分', `−${POINTS}`, PERIOD, '已生效', 'assessor']) expect(text).toContain(s);
    await page.screenshot({ path: join(screenshots, 'loop-4-deduction.png'), fullPage: true });

    const events = await getJson<Ev[]>(page, `/api/events?planId=${plan.id}&kind=deduction`);
    const ev = events.find((e) => e.reason === eventReason)!;
    expect(ev).toMatchObject({
      unitCode: 'A01',
      indicator: INDICATOR,
      period: PERIOD,
      points: POINTS,
      status: 'approved',
    });
    eventId = ev.id;
  }, 120_000);

  it('5. the office computes 2026-M10 on the yearly plan and releases it', async () => {
    const page = await as('office');
    await page.goto(`${h.url}/results`);
    const picker = page.getByTestId('results-plan-select');
    await picker.waitFor({ timeout: 30_000 });
    await picker.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: plan.name })
      .first()
      .click();
    // The yearly plan (the page's default: the URL changes only when another one was shown).
    await expect.poll(() => picker.innerText()).toContain(plan.name);
    await choose(page, 'results-period-select', PERIOD);
    await page.waitForURL((u) => u.searchParams.get('period') === PERIOD);
    // Nothing computed for October yet on a fresh demo.
    await page.getByTestId('results-empty').waitFor({ timeout: 30_000 });

    // 计算 → confirm → (period still open: 仍要计算) → a draft.
    await computeDraft(page);
    expect(await page.getByTestId('results-status').innerText()).toBe('草稿');
    const runs = await getJson<{ id: number; status: string; latest: boolean }[]>(
      page,
      `/api/plans/${plan.id}/runs?period=${PERIOD}`,
    );
    runId = runs.find((r) => r.latest)!.id;
    expect(await page.getByTestId('results-status-detail').innerText()).toContain(`第 ${runId} 次`);

    // 报审 → a leader 审定 → 已发布.
    const leader = await submitAndApprove(h, page);
    expect(await leader.getByTestId('results-status').innerText()).toBe('已发布');
    expect(await leader.getByTestId('results-status-detail').innerText()).toMatch(/leader.*审定发布于/);
    await leader.screenshot({ path: join(screenshots, 'loop-5-released.png'), fullPage: true });
  }, 150_000);

  /** The T4 row of the open trace: verified value with the original, target, deduction, score. */
  async function checkTrace(page: Page) {
    await page.getByTestId('trace-total').waitFor({ timeout: 20_000 });
    const view = page.getByTestId('trace-view');
    const row = view.getByTestId('trace-tree').locator(`tr[data-row-key$="/${INDICATOR}"]`).first();
    await row.waitFor();
    const text = await row.innerText();
    // The verified value, with where it came from and what the unit had reported.
    expect(text).toContain(`实际值 ${CORRECTED} · 核验更正 ${PERIOD}（原报 ${SUBMITTED}）`);
    // The issued task-book target (T4 is pro-rata in the engine: the full-year figure, scaled there).
    expect(text).toContain(`目标值 ${target} · 任务书目标`);
    // The deduction event on T4, with its points.
    expect(text).toContain(`事项 ${POINTS} · 加减分事项 #${eventId}`);
    // Each links to the row it came from.
    const kinds = await row
      .getByTestId('source-link')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['verification', 'task_book', 'event']));
    const hrefs = await row
      .getByTestId('source-link')
      .evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs.find((x) => x.startsWith('/submissions?'))).toContain(`submission=${submissionId}`);
    expect(hrefs.find((x) => x.startsWith('/events?'))).toContain(`event=${eventId}`);
    // The arithmetic: October is 10/12 of the year; score = x / (target × 10/12) × full.
    const full = Number(/\/\s*(\d+\.\d\d)/.exec(text)?.[1]);
    expect(full).toBeGreaterThan(0);
    const score = Math.round((CORRECTED / ((target * 10) / 12)) * full * 100) / 100;
    expect(text).toContain(`${score.toFixed(2)} / ${full.toFixed(2)}`);
    // The deduction in the deductions list, with its reason.
    const all = await view.innerText();
    expect(all).toContain(eventReason);
    await row.scrollIntoViewIfNeeded();
  }

  it('6. the filler reads only its released row; the trace names the verified value, target and deduction', async () => {
    const page = await as('filler');
    await page.getByRole('menuitem', { name: '考评结果' }).click();
    await page.waitForURL((u) => u.pathname === '/results');
    await page.getByTestId('results-plan-select').waitFor({ timeout: 30_000 });
    await choose(page, 'results-period-select', PERIOD);
    await page.waitForURL((u) => u.searchParams.get('period') === PERIOD);
    await page.locator('[data-testid="results-status"][data-status="released"]').waitFor({ timeout: 30_000 });
    const links = page.getByTestId('results-table').getByTestId('results-unit-link');
    await links.first().waitFor();
    expect(await links.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')))).toEqual(['A01']);
    for (const office of ['results-recompute', 'results-submit', 'results-publish', 'whatif-panel'])
      expect(await page.getByTestId(office).count()).toBe(0);

    // The released run as the unit reads it: its own row only; the deduction is in it.
    const res = await getJson<EvaluationRun>(page, `/api/plans/${plan.id}/results?period=${PERIOD}`);
    expect(res.id).toBe(runId);
    expect(res.units.map((u) => u.unit)).toEqual(['A01']);
    const a01 = res.units[0]!;
    expect(a01.deductions).toBeGreaterThanOrEqual(POINTS);
    expect(a01.total).toBeCloseTo(a01.base + a01.bonus - a01.deductions, 2);
    expect(await page.getByTestId('results-total').first().innerText()).toBe(a01.total.toFixed(2));

    await links.first().click();
    await page.getByTestId('trace-drawer').waitFor();
    await checkTrace(page);
    await page.screenshot({ path: join(screenshots, 'loop-6-trace.png') });

    // The verified value's link opens 数据填报 on that value.
    const toSubmission = page
      .getByTestId('trace-view')
      .locator('[data-testid="source-link"][data-kind="verification"]')
      .first();
    await toSubmission.click();
    await page.waitForURL((u) => u.pathname === '/submissions');
    await page.getByTestId(`sub-status-A01-${INDICATOR}`).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId(`sub-status-A01-${INDICATOR}`).getAttribute('data-status')).toBe(
      'verified',
    );
  }, 120_000);

  it('6b. the same on a 375 px phone, without horizontal overflow', async () => {
    const page = await fillerPhoneResults(h, plan.id, PERIOD);
    const cards = page.getByTestId('results-cards');
    expect(await noOverflow(page), 'results page').toBe(true);
    await page.screenshot({ path: join(screenshots, 'loop-6-filler-phone.png'), fullPage: true });

    await cards.getByTestId('results-card').first().click();
    await page.getByTestId('trace-drawer').waitFor();
    await checkTrace(page);
    expect(await noOverflow(page), 'trace drawer').toBe(true);
    await page.screenshot({ path: join(screenshots, 'loop-6-trace-phone.png') });
  }, 120_000);
});
