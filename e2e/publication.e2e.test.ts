import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanSummary, PublicRun, PublicRunSummary, ResultsDocument } from '@jixiao/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getJson, noOverflow, screenshots, useHarness } from './harness.js';

/**
 * Publication (issue 11 points 2 and 4): the demo year went through a publicity on the public
 * page and was released. Anyone reads its ranking without signing in, on a phone too; the office
 * prints the official results notice on A4; a unit, which sees only its own row, may not.
 */
describe('public results page and the official results notice', () => {
  const h = useHarness();

  it('anyone opens the public ranking from the sign-in page, on a phone, without an account', async () => {
    const ctx = await h.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
    try {
      const page = await ctx.newPage();
      await page.goto(`${h.url}/login`);
      await page.getByTestId('login-public-results').click();
      await page.getByTestId('public-run').first().waitFor({ timeout: 30_000 });
      const [first] = await getJson<PublicRunSummary[]>(page, '/api/public/results');
      expect(first).toMatchObject({ status: 'released', period: expect.stringMatching(/-Y$/) });
      await page.getByTestId('public-run').first().click();
      const title = await page.getByTestId('public-run-title').innerText({ timeout: 30_000 });
      expect(title).toContain('年度');
      const api = await getJson<PublicRun>(page, `/api/public/results/${first!.runId}`);
      // The first group's table shows the API's leader, with its score.
      const group = api.groups[0]!;
      const firstRow = page
        .getByTestId(`public-group-${group.code}`)
        .locator('tbody tr.ant-table-row')
        .first();
      const text = await firstRow.innerText();
      expect(text).toContain(group.units[0]!.name);
      expect(text).toContain(String(group.units[0]!.rank));
      expect(
        await page.getByTestId(`public-group-${group.code}`).locator('tbody tr.ant-table-row').count(),
      ).toBe(group.units.length);
      expect(await noOverflow(page)).toBe(true);
      await page.screenshot({ path: join(screenshots, 'public-results-phone.png'), fullPage: true });
      // Nothing about people: no account name of the demo in the page.
      expect(await page.locator('body').innerText()).not.toContain('office');
    } finally {
      await ctx.close();
    }
  });

  /** The demo's yearly plan and its released year run (the one on the public page). */
  const officialRun = async (office: Page) => {
    const plan = (await getJson<PlanSummary[]>(office, '/api/plans'))
      .filter((p) => p.status === 'active' && !p.adHoc)
      .sort((a, b) => b.year - a.year || a.id - b.id)[0]!;
    const [pub] = await getJson<PublicRunSummary[]>(office, '/api/public/results');
    return { planId: plan.id, runId: pub!.runId, period: pub!.period };
  };

  it('the office prints the results notice of the release on A4', async () => {
    const office = await h.as('office');
    const { planId, runId, period } = await officialRun(office);
    const doc = await getJson<ResultsDocument>(office, `/api/plans/${planId}/runs/${runId}/document`);
    await office.goto(`${h.url}/results?plan=${planId}&period=${period}`);
    const link = office.getByTestId('results-document');
    await link.waitFor({ timeout: 30_000 });
    expect(await link.getAttribute('href')).toBe(`/results-document/${planId}/${runId}`);
    await office.goto(`${h.url}/results-document/${planId}/${runId}`);
    await office.getByTestId('results-doc-title').waitFor({ timeout: 30_000 });
    expect(await office.getByTestId('results-doc-title').innerText()).toContain('绩效考评结果的通报');
    expect(await office.getByTestId('results-doc-draft').count()).toBe(0);
    const units = doc.groups.reduce((n, g) => n + g.units.length, 0);
    expect(await office.getByTestId('results-doc-row').count()).toBe(units);
    expect(await office.getByTestId('results-doc-row').first().innerText()).toContain(
      doc.groups[0]!.units[0]!.name,
    );
    const [y, m, d] = doc.releasedDay!.split('-').map(Number);
    expect(await office.getByTestId('results-doc-date').innerText()).toBe(`${y} 年 ${m} 月 ${d} 日`);
    await office.emulateMedia({ media: 'print' });
    expect(await office.locator('.no-print').isVisible()).toBe(false);
    const pdf = await office.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Every unit of the demo city in ruled rows: more than one A4 page.
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(1);
    writeFileSync(join(screenshots, 'results-notice.pdf'), pdf);
  });

  it('a unit, which sees only its own row, is told it may not print the notice', async () => {
    const { planId, runId } = await officialRun(await h.as('office'));
    const filler = await h.as('filler', 375);
    await filler.goto(`${h.url}/results-document/${planId}/${runId}`);
    await filler.getByTestId('results-doc-forbidden').waitFor({ timeout: 30_000 });
    expect(await filler.getByTestId('results-doc-forbidden').innerText()).toContain('仅绩效办和领导');
  });
});
