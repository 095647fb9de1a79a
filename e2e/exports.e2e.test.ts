import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cockpit, EvaluationRun } from '@jixiao/contracts';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentYearPlan, getJson, screenshots, useHarness } from './harness.js';

/** Clicks the button `testId` and returns the file the browser saves: its suggested name and bytes. */
async function download(page: Page, testId: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** The first sheet of an .xlsx as rows of cell values (row 1 the headers). */
async function sheetRows(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Exports (issue 13 point 6): a table's "导出 Excel" saves the table's columns with their Chinese
 * headers and the API's numbers as numbers; a chart's "下载图片" saves a PNG; the cockpit prints to
 * A4 without the menu.
 */
describe('exports in the browser', () => {
  const h = useHarness();

  it('the results ranking exports to .xlsx with the table’s headers and the API’s numbers', async () => {
    const page = await h.as('office');
    const plan = await currentYearPlan(page);
    const period = `${plan.year}-Y`;
    const run = await getJson<EvaluationRun>(page, `/api/plans/${plan.id}/results?period=${period}`);
    await page.goto(`${h.url}/results?plan=${plan.id}&period=${period}`);
    await page.getByTestId('results-table').waitFor({ timeout: 30_000 });
    const headers = await page.getByTestId('results-table').locator('thead th').allInnerTexts();
    const { name, bytes } = await download(page, 'results-table-export');
    expect(name).toMatch(new RegExp(`^考评结果 .+-${today()}\\.xlsx$`));
    const rows = await sheetRows(bytes);
    // The table's columns in order, without the scorecard button's column.
    expect(rows[0]).toEqual(['名次', '单位', '总分', '等次', ...headers.slice(4, -1).map((s) => s.trim())]);
    const first = rows[1]!;
    const u = run.units.find((x) => x.name === first[1])!;
    expect(u).toBeDefined();
    expect(first[0]).toBe(u.rank);
    expect(typeof first[2]).toBe('number');
    expect(first[2]).toBeCloseTo(u.total, 6);
    if (u.grade) expect(String(first[3])).toContain(u.grade.name);
    // Every unit of the shown group, not only a page of them.
    expect(rows.length - 1).toBe(run.units.filter((x) => x.group === u.group).length);
  });

  it('the cockpit ranking exports, its chart downloads as PNG, and it prints to A4 without the menu', async () => {
    const page = await h.as('office');
    const plan = await currentYearPlan(page);
    const period = `${plan.year}-Y`;
    await page.goto(`${h.url}/cockpit?plan=${plan.id}&period=${period}`);
    await page.getByTestId('cockpit-ranking-table').waitFor({ timeout: 60_000 });
    const api = await getJson<Cockpit>(page, `/api/cockpit/${plan.id}?period=${period}`);
    const g = api.groups[0]!;

    const xlsx = await download(page, 'cockpit-ranking-export');
    expect(xlsx.name).toBe(`领导驾驶舱 分组排名 ${g.group}-${today()}.xlsx`);
    const rows = await sheetRows(xlsx.bytes);
    expect(rows[0]).toEqual(['名次', '单位', '总分', '等次', '失分']);
    expect(rows.length - 1).toBe(g.units.length);
    const [rank, unit, total, , lost] = rows[1]!;
    expect([rank, unit]).toEqual([g.units[0]!.rank, g.units[0]!.name]);
    expect(total).toBeCloseTo(g.units[0]!.total, 6);
    expect(lost).toBeCloseTo(g.units[0]!.lostTotal, 6);

    const png = await download(page, 'cockpit-ranking-png');
    expect(png.name).toMatch(/\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(5_000);

    // Print: the menu, header and buttons are gone on paper; the PDF is A4 pages of the cockpit.
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
    expect(await page.getByTestId('cockpit-print').isVisible()).toBe(false);
    expect(await page.getByTestId('cockpit-ranking-export').isVisible()).toBe(false);
    expect(await page.getByTestId('cockpit-ranking').isVisible()).toBe(true);
    // The charts fit the paper's width (A4 less 12 mm margins ≈ 700 CSS px).
    const chartWidth = await page
      .getByTestId('cockpit-ranking')
      .evaluate((el) => el.getBoundingClientRect().width);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(screenshots, 'cockpit-print.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(10);
    expect(chartWidth).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'screen' });
  });

  it('at 375 px the export buttons stay on screen', async () => {
    const page = await h.as('office', 375);
    const plan = await currentYearPlan(page);
    const period = `${plan.year}-Y`;
    for (const [path, id] of [
      [`/results?plan=${plan.id}&period=${period}`, 'results-table-export'],
      [`/cockpit?plan=${plan.id}&period=${period}`, 'cockpit-ranking-export'],
    ] as const) {
      await page.goto(`${h.url}${path}`);
      const button = page.getByTestId(id);
      await button.waitFor({ timeout: 60_000 });
      await button.scrollIntoViewIfNeeded();
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    await page.screenshot({ path: join(screenshots, 'exports-375.png') });
  });
});
