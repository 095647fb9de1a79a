import { join } from 'node:path';
import type { EvaluationRun } from '@jixiao/contracts';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { currentYearPlan, getJson, screenshots, useHarness } from './harness.js';

/**
 * Scorecards (issue 11 point 6) on the demo: the office downloads one unit's 成绩单 PDF, starts
 * 导出全部成绩单, reloads the page — the job's progress (or its done state) is still shown from the
 * address — and downloads the .zip with one PDF per unit of the run. 我的任务 lists the job.
 */
describe('scorecards and the batch export', () => {
  const h = useHarness();

  it('the batch export survives a reload and its .zip holds every unit’s PDF', async () => {
    const page = await h.as('office');
    const plan = await currentYearPlan(page);
    const period = `${plan.year}-Y`;
    const run = await getJson<EvaluationRun>(page, `/api/plans/${plan.id}/results?period=${period}`);
    await page.goto(`${h.url}/results?plan=${plan.id}&period=${period}`);
    await page.getByTestId('results-table').waitFor({ timeout: 30_000 });

    // One unit's scorecard from its row: a PDF.
    const first = page.getByTestId('scorecard-pdf').first();
    const href = (await first.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^/api/plans/${plan.id}/runs/${run.id}/units/[^/]+/scorecard\\.pdf$`));
    const pdf = await page.request.get(`${h.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // 导出全部成绩单: the job's id goes into the address, its card shows the progress.
    await page.getByTestId('scorecards-export-all').click();
    await page.waitForURL((u) => !!u.searchParams.get('job'));
    const job = Number(new URL(page.url()).searchParams.get('job'));
    await page.getByTestId('job-card').waitFor();

    // A reload finds the job again from the address, whatever state it is in by then.
    await page.reload();
    const line = page.getByTestId('job-card').getByTestId('job-line');
    await line.waitFor({ timeout: 30_000 });
    expect(Number(await line.getAttribute('data-job'))).toBe(job);
    await page.screenshot({ path: join(screenshots, 'scorecards-job-progress.png') });
    await page.locator('[data-testid="job-card"] [data-testid="job-line"][data-status="done"]').waitFor({
      timeout: 180_000,
    });
    expect(await line.innerText()).toContain(`${run.units.length} / ${run.units.length}`);

    // The download: a .zip with one PDF per unit of the run.
    const download = page.getByTestId('job-card').getByTestId('job-download');
    const zipHref = (await download.getAttribute('href'))!;
    const zipRes = await page.request.get(`${h.url}${zipHref}`);
    expect(zipRes.status()).toBe(200);
    expect(zipRes.headers()['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(await zipRes.body());
    const names = Object.keys(zip.files);
    expect(names).toHaveLength(run.units.length);
    expect(names.every((n) => n.endsWith('.pdf'))).toBe(true);
    await page.screenshot({ path: join(screenshots, 'scorecards-job-done.png') });

    // A reload after it finished still shows it done, and 我的任务 lists it with its download.
    await page.reload();
    await page.locator('[data-testid="job-card"] [data-testid="job-line"][data-status="done"]').waitFor();
    await page.getByTestId('my-jobs').click();
    const drawer = page.getByTestId('jobs-drawer');
    await drawer.locator(`[data-testid="job-line"][data-job="${job}"][data-status="done"]`).waitFor();
    expect(await drawer.getByTestId('job-download').first().getAttribute('href')).toBe(
      `/api/jobs/${job}/file`,
    );
  }, 300_000);

  it('the A01 filler gets its own scorecard, and no batch export', async () => {
    const page = await h.as('filler');
    const plan = await currentYearPlan(page);
    await page.goto(`${h.url}/results?plan=${plan.id}&period=${plan.year}-Y`);
    const link = page.getByTestId('scorecard-pdf').first();
    await link.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('scorecard-pdf').count()).toBe(1);
    expect(await page.getByTestId('scorecards-export-all').count()).toBe(0);
    const res = await page.request.get(`${h.url}${await link.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // A click saves it under its Chinese name.
    const [saved] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(saved.suggestedFilename()).toMatch(/^效能成绩单-市纪委监委机关-\d{4}-Y\.pdf$/);
  });

  it('without the CJK font the button says why, and nothing is saved', async () => {
    await h.restart({ JIXIAO_PDF_FONT: '/nonexistent/NotoSansCJK.ttc' });
    const page = await h.as('filler');
    const plan = await currentYearPlan(page);
    await page.goto(`${h.url}/results?plan=${plan.id}&period=${plan.year}-Y`);
    const link = page.getByTestId('scorecard-pdf').first();
    await link.waitFor({ timeout: 30_000 });
    let saved = false;
    page.on('download', () => {
      saved = true;
    });
    await link.click();
    const message = page.locator('.ant-message-notice', { hasText: '服务器缺少中文字体' });
    await message.waitFor({ timeout: 15_000 });
    expect(await message.innerText()).toContain('/nonexistent/NotoSansCJK.ttc');
    expect(saved).toBe(false);
  });
});
