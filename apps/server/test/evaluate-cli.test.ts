import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dictTranslate, explainTemplates, renderStep, renderSteps } from '@jixiao/contracts';
import { evaluate, getTemplate } from '@jixiao/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { inputToRows, toCsv } from '../src/modules/imports/data-file.js';
import { formatPlanFile } from '../src/modules/plans/plan-file.js';
import { runJixiao, spawnJixiao } from './cli-run.js';

/**
 * `jixiao evaluate` on the engine's shipped Wuxi template written out to files: the first case spawns
 * the binary as an operator runs it, the others run the same command in-process through main().
 */
const dir = mkdtempSync(join(tmpdir(), 'jixiao-eval-'));
const tpl = getTemplate('wuxi-departments-2016')!;
const planFile = join(dir, 'plan.yaml');
const dataFile = join(dir, 'data.csv');
writeFileSync(planFile, formatPlanFile(tpl.plan, 'yaml'));
writeFileSync(dataFile, toCsv(inputToRows(tpl.data)));
// No database may be touched: the data dir does not exist and the URL points nowhere.
const env = {
  ...process.env,
  JIXIAO_DATA_DIR: join(dir, 'no-such-dir'),
  DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none',
};
const jixiao = (...args: string[]) => runJixiao(env, 'evaluate', ...args);

describe('jixiao evaluate', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const expected = evaluate(tpl.plan, tpl.data);

  it('prints the ranked table per group (the binary)', () => {
    const r = spawnJixiao(env, 'evaluate', '--plan', planFile, '--data', dataFile);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const g of ['[A] 党群口', '[B1] 综合', '[B2] 执法', '[C1]', '[C2]']) expect(r.stdout).toContain(g);
    const first = expected.units.find((u) => u.group === 'A' && u.placement === 1)!;
    const line = r.stdout.split('\n').find((l) => l.startsWith(`${first.unit} `))!;
    expect(line).toContain(first.total.toFixed(2));
    expect(line).toContain(first.grade!.name);
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  });

  it('prints the full result with traces as JSON, equal to the engine run on the template data', async () => {
    const r = await jixiao('--plan', planFile, '--data', dataFile, '--period', '2016-Y', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.units).toHaveLength(tpl.data.units.length);
    const totals = Object.fromEntries(
      out.units.map((u: { unit: string; total: number }) => [u.unit, u.total]),
    );
    expect(totals).toEqual(Object.fromEntries(expected.units.map((u) => [u.unit, u.total])));
    expect(out.traces.A01.total.value).toBe(expected.unit('A01')!.total);
  });

  it('prints a unit’s explanation with --trace: the engine’s steps through the web’s templates, Chinese by default', async () => {
    const tr = expected.trace('A01');
    const zh = dictTranslate(explainTemplates['zh-CN']);
    const r = await jixiao('--plan', planFile, '--data', dataFile, '--trace', 'A01');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('单位');
    expect(r.stdout).toContain(`总分: ${renderSteps(tr.total.steps, zh)}`);
    expect(r.stdout).toContain('总分 = 基础分 + 加分 − 扣分 = ');
    expect(r.stdout).toContain(`等次: ${renderStep(tr.grade, zh)}`);
    const leaf = tr.components[0]!.children[0]!;
    expect(r.stdout).toContain(renderSteps(leaf.steps, zh));
    expect(r.stdout).toContain('得分 = f × ');
  });

  it('--lang en prints the same steps in English', async () => {
    const tr = expected.trace('A01');
    const en = dictTranslate(explainTemplates.en);
    const r = await jixiao('--plan', planFile, '--data', dataFile, '--trace', 'A01', '--lang', 'en');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`total: ${renderSteps(tr.total.steps, en)}`);
    expect(r.stdout).toContain('total = base + bonus − deductions = ');
    expect(r.stdout).toContain('score = f × ');
  });

  it('refuses an unknown language (exit 2)', async () => {
    expect((await jixiao('--plan', planFile, '--data', dataFile, '--lang', 'fr')).status).toBe(2);
  });

  it('refuses an unknown unit to explain (exit 1)', async () => {
    const none = await jixiao('--plan', planFile, '--data', dataFile, '--trace', 'NOPE');
    expect([none.status, none.stderr]).toEqual([1, expect.stringContaining('NOPE')]);
  });

  it('reads the engine JSON input too', async () => {
    const json = join(dir, 'data.json');
    writeFileSync(json, JSON.stringify(tpl.data));
    const r = await jixiao('--plan', planFile, '--data', json, '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).units).toHaveLength(tpl.data.units.length);
  });

  it('reads JSON rows (docs/plan-format.md §11) with the units named by a group field', async () => {
    const [header, ...rows] = inputToRows(tpl.data);
    const objects = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
    const json = join(dir, 'rows.json');
    writeFileSync(json, JSON.stringify(objects));
    const r = await jixiao('--plan', planFile, '--data', json, '--json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).units).toHaveLength(tpl.data.units.length);
  });

  it('exits 1 with line-numbered messages on bad data', async () => {
    const bad = join(dir, 'bad.csv');
    const rows = inputToRows(tpl.data);
    rows.push(['A01', 'T9', '2016-Y', '1', 'value', '', '', '']);
    rows.push(['A02', 'T1', '2016-13', '1', 'value', '', '', '']);
    rows.push(['A03', 'S1', '2016-Y', 'lots', 'value', '', '', '']);
    writeFileSync(bad, toCsv(rows));
    const n = rows.length;
    const r = await jixiao('--plan', planFile, '--data', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`line ${n - 2}: "T9"`);
    expect(r.stderr).toContain(`line ${n - 1}: period "2016-13"`);
    expect(r.stderr).toContain(`line ${n}: value "lots"`);
  });

  it('exits 1 listing the problems of an invalid plan, 2 without arguments', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...tpl.plan, components: [] }));
    const r = await jixiao('--plan', broken, '--data', dataFile);
    expect(r.status).toBe(1);
    // The plan editor's templates: Chinese by default, English with --lang en.
    expect(r.stderr).toMatch(/方案有 \d+ 处问题，无法使用：/);
    expect(r.stderr).toContain('components: 方案至少需要一个组成部分');
    const en = await jixiao('--plan', broken, '--data', dataFile, '--lang', 'en');
    expect(en.stderr).toMatch(/the plan is invalid \(\d+ problem\(s\)\):/);
    expect(en.stderr).toContain('components: the plan needs at least one component');
    expect((await jixiao()).status).toBe(2);
  });
});
