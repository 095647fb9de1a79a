import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getJson, inputOf, noOverflow, pick, screenshots, useHarness } from './harness.js';

interface Call {
  id: number;
  year: number;
  status: string;
}
interface Board {
  projects: {
    projectId: number;
    unitCode: string;
    title: string;
    judges: { id: number; expertId: number; name: string; how: string }[];
    excluded: { expertId: number; name: string }[];
  }[];
  experts: { expertId: number; name: string }[];
}

async function xlsx(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const HEADER = [
  '姓名',
  '类别',
  '工作单位',
  '专业领域',
  '电话',
  '邮箱',
  '是否可用',
  '所属单位编码',
  '回避单位',
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Innovation projects in the browser (issue 12 points 1–3): the office opens a 2027 call → A01
 * submits a project on a phone → the office imports experts (a file with line errors first) →
 * assigns judges automatically, sees why experts are excluded, and overrides with a reason.
 */
describe('innovation calls, projects, experts and judges', () => {
  const h = useHarness();
  const title = '“一件事一次办”集成改革';
  let callId = 0;

  it('the office drafts a 2027 call with the four default categories and opens it', async () => {
    const office = await h.as('office');
    await office.goto(`${h.url}/innovation/calls`);
    await office.getByTestId('call-2026').waitFor({ timeout: 20_000 });
    await office.getByTestId('call-new').click();
    await inputOf(office, 'call-year').fill('2027');
    expect(await office.getByTestId('call-title').inputValue()).toContain('2027');
    await office.getByTestId('call-deadline').fill('2027-05-31');
    expect(await office.getByTestId('call-categories').inputValue()).toContain('economy 经济发展');
    await office.getByTestId('call-save').click();
    const card = office.getByTestId('call-2027');
    await card.getByText('草稿').waitFor({ timeout: 15_000 });
    await card.getByTestId('call-open').click();
    await card.getByText('申报中').waitFor({ timeout: 15_000 });
    callId = (await getJson<Call[]>(office, '/api/innovation/calls')).find((c) => c.year === 2027)!.id;
    await office.screenshot({ path: join(screenshots, 'innovation-calls.png') });
  });

  it('A01 submits a project with an attachment on a phone', async () => {
    const unit = await h.as('unitadmin', 375);
    await unit.goto(`${h.url}/innovation/calls`);
    await unit.getByTestId('call-2027').getByTestId('call-projects').click();
    await unit.getByTestId('project-new').click();
    await unit.getByTestId('project-title').fill(title);
    await unit.getByTestId('project-summary').fill('企业开办、变更、注销全流程一次办结。');
    await unit.getByTestId('project-results').fill('平均办理时间由 5 天压缩至 1 天。');
    await unit.getByTestId('project-save').click();
    const card = unit.locator('[data-testid^="project-"]', { hasText: title }).first();
    await card.waitFor({ timeout: 15_000 });
    await unit.locator('input[type=file]').setInputFiles({
      name: '成效材料.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await card.getByText('成效材料.pdf').waitFor({ timeout: 15_000 });
    expect(await noOverflow(unit)).toBe(true);
    await unit.screenshot({ path: join(screenshots, 'innovation-unit-phone.png') });
  });

  it('the office imports experts: line errors first (nothing written), then the corrected file', async () => {
    const office = await h.as('office');
    await office.goto(`${h.url}/innovation/experts`);
    await office.getByTestId('expert-table').waitFor({ timeout: 20_000 });
    const input = office.locator('input[type=file]');
    const bad = await xlsx([
      HEADER,
      ['方教授', '高校', '示范医科大学', '', '', '', '是', '', ''],
      ['', '企业', 'x', '', '', '', '', '', ''],
    ]);
    await input.setInputFiles({ name: 'experts.xlsx', mimeType: XLSX, buffer: bad });
    await office.getByTestId('expert-preview').click();
    const problems = office.getByTestId('imp-problems');
    await problems.waitFor({ timeout: 20_000 });
    expect(await problems.innerText()).toContain('第 3 行');
    await expect(office.getByTestId('expert-commit').count()).resolves.toBe(0);
    const good = await xlsx([
      HEADER,
      ['方教授', '高校', '示范医科大学', '公共卫生', '13900002001', '', '是', '', ''],
      ['钱科长', '政府', '市纪委监委机关', '纪检监察', '', '', '是', 'A01', ''],
      ['孙经理', '企业', '示范咨询有限公司', '营商环境', '', '', '是', '', 'A01'],
    ]);
    await input.setInputFiles({ name: 'experts2.xlsx', mimeType: XLSX, buffer: good });
    await office.getByTestId('expert-preview').click();
    await office.getByTestId('expert-preview-rows').waitFor({ timeout: 20_000 });
    await office.getByTestId('expert-commit').click();
    await office.getByTestId('expert-table').getByText('孙经理').waitFor({ timeout: 15_000 });
    await office.getByTestId('expert-table').getByText('13900002001').waitFor();
  });

  it('the office assigns judges, sees why experts are excluded and overrides with a reason', async () => {
    const office = await h.as('office');
    await office.goto(`${h.url}/innovation/calls/${callId}/assignments`);
    await office.getByTestId('innovation-board').waitFor({ timeout: 20_000 });
    await inputOf(office, 'assign-n').fill('2');
    await office.getByTestId('assign-run').click();
    const board = async () => getJson<Board>(office, `/api/innovation/calls/${callId}/assignments`);
    let b = await board();
    for (let i = 0; i < 30 && !b.projects[0]?.judges.length; i++) {
      await office.waitForTimeout(300);
      b = await board();
    }
    const p = b.projects.find((x) => x.title === title)!;
    expect(p.judges).toHaveLength(2);
    const excluded = office.getByTestId(`excluded-${p.projectId}`);
    await excluded.getByText('孙经理：已申报与 A01 回避').waitFor({ timeout: 15_000 });
    const why = await excluded.innerText();
    expect(why).toContain('钱科长：与申报单位同属“市纪委监委机关”；是申报单位 A01 的工作人员');
    // Remove one judge with a reason.
    const judge = p.judges[0]!;
    await office.getByTestId(`judge-remove-${judge.id}`).click();
    await office.getByTestId('judge-remove-reason').fill('该专家本周出差，无法参加答辩');
    await office.getByTestId('judge-remove-ok').click();
    await office.getByTestId(`judge-${judge.id}`).waitFor({ state: 'detached', timeout: 15_000 });
    // Add 方教授 by hand with a reason.
    await office.getByTestId(`judge-add-${p.projectId}`).click();
    await pick(office, 'judge-add-expert', '方教授');
    await office.getByTestId('judge-add-reason').fill('熟悉政务服务改革');
    await office.getByTestId('judge-add-ok').click();
    const card = office.getByTestId(`board-project-${p.projectId}`);
    await card.getByText('方教授 · 手工').waitFor({ timeout: 15_000 });
    const trail = await getJson<{ items: { action: string; after: { reason?: string } }[] }>(
      office,
      '/api/audit-events?objectType=innovation_assignment',
    );
    expect(trail.items.map((e) => `${e.action} ${e.after?.reason ?? ''}`)).toEqual(
      expect.arrayContaining([
        'innovation_assignment.remove 该专家本周出差，无法参加答辩',
        'innovation_assignment.add 熟悉政务服务改革',
      ]),
    );
    await office.screenshot({ path: join(screenshots, 'innovation-assignment.png'), fullPage: true });
  });

  it('the assignment page and the pool fit a 375 px phone', async () => {
    const office = await h.as('office', 375);
    await office.goto(`${h.url}/innovation/calls/${callId}/assignments`);
    await office.getByTestId('innovation-board').waitFor({ timeout: 20_000 });
    expect(await noOverflow(office)).toBe(true);
    await office.goto(`${h.url}/innovation/experts`);
    await office.getByTestId('expert-table').waitFor({ timeout: 20_000 });
    expect(await noOverflow(office)).toBe(true);
    const expert = await h.as('expert', 375);
    await expert.goto(`${h.url}/innovation/judging`);
    await expert.getByTestId('innovation-judging').locator('.ant-card').first().waitFor({ timeout: 20_000 });
    expect(await noOverflow(expert)).toBe(true);
  });
});
