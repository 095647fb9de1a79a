import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESULT_HEADERS } from '../src/modules/results/results-export.js';
import { fillCycle } from './cycle-data.js';
import { makeUser, signIn, type TestEnv } from './helpers.js';
import { activePlan, buildOrg, officeCookie, releaseRun } from './org-fixture.js';
import { tinyInput, tinyPlan } from './plans-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * Issue 11 point 6: a unit's scorecard PDF (Chinese text, a unit sees its own only), the full
 * results .xlsx with Chinese headers, and the batch of every scorecard as a background job on
 * pg-boss (PGlite here) with its progress, its .zip and its owner check.
 */

/** Every stream of a PDF, inflated when compressed. */
function pdfStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  const text = pdf.toString('latin1');
  const re = /(<<(?:(?!>>\s*stream)[\s\S])*>>)\s*stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    try {
      out.push((m[1]!.includes('/FlateDecode') ? inflateSync(raw) : raw).toString('latin1'));
    } catch {
      out.push(raw.toString('latin1'));
    }
  }
  return out;
}

/**
 * The characters a PDF's ToUnicode maps name (what text extraction reads back): pdfkit writes
 * `<first> <last> [<utf16be> …]` ranges.
 */
function toUnicodeChars(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  for (const s of pdfStreams(pdf).filter((x) => x.includes('begincmap')))
    for (const list of s.matchAll(/\[([^\]]*)\]/g))
      for (const m of list[1]!.matchAll(/<([0-9a-fA-F]+)>/g))
        chars.add(Buffer.from(m[1]!, 'hex').swap16().toString('utf16le'));
  return chars;
}

/**
 * The document's info Title: a PDF literal string (pdfkit writes it as an object of its own),
 * UTF-16BE after a BOM when not ASCII.
 */
function pdfTitle(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const ref = /\/Title (\d+) 0 R/.exec(text);
  if (!ref) return '';
  const head = `\n${ref[1]} 0 obj\n(`;
  let i = text.indexOf(head);
  if (i < 0) return '';
  i += head.length;
  const ESC: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  let out = '';
  for (; text[i] !== ')'; i++) {
    if (text[i] !== '\\') out += text[i];
    else {
      const c = text[++i]!;
      const oct = /^[0-7]{1,3}/.exec(text.slice(i))?.[0];
      if (oct) {
        out += String.fromCharCode(Number.parseInt(oct, 8));
        i += oct.length - 1;
      } else out += ESC[c] ?? c;
    }
  }
  const bytes = Buffer.from(out, 'latin1');
  return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : out;
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;

/** Waits for a job to finish (its status read as the web reads it). */
async function finished(env: TestEnv, cookie: string, id: number) {
  const seen: { done: number; total: number; status: string }[] = [];
  for (let i = 0; i < 200; i++) {
    const job = (await env.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: { cookie } })).json();
    seen.push({ done: job.done, total: job.total, status: job.status });
    if (job.status === 'done' || job.status === 'failed') return { job, seen };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish: ${JSON.stringify(seen.at(-1))}`);
}

describe('scorecards and exports', () => {
  const env = useTestApp();
  let office: string;
  let filler: string;
  let plan: number;
  let run: number;
  const api = (method: string, url: string, cookie = office, payload?: unknown) =>
    env.app.inject({ method: method as 'GET', url, headers: { cookie }, payload: payload as never });

  beforeAll(async () => {
    office = await officeCookie(env);
    const org = await buildOrg(env, office, { u1: '一号局', u2: '二号局', u3: '三号局' }, '市');
    await makeUser(
      env,
      'filler1',
      [{ role: 'unit_filler', scopeType: 'org', orgNodeId: org.units.u1 }],
      org.units.u1,
    );
    filler = await signIn(env, 'filler1');
    // 2025: u1 first (100), u2 second, u3 third. 2026: u2 first, u1 second (86), u3 third.
    const released = async (year: number, values: Parameters<typeof tinyInput>[1]) => {
      const id = await activePlan(env, office, {
        systemId: org.system,
        name: `小方案${year}`,
        year,
        document: { ...tinyPlan(`小方案${year}`), year },
      });
      const period = `${year}-Y`;
      await fillCycle(env, id, tinyInput(period, values));
      const r = await api('POST', `/api/plans/${id}/evaluate`, office, { period, whileOpen: true });
      expect(r.statusCode, r.body).toBe(200);
      const ok = await releaseRun(env, office, id, r.json().id);
      expect(ok.statusCode, ok.body).toBe(200);
      return { id, run: r.json().id as number };
    };
    await released(2025, { u1: [100, 100, 50, 50], u2: [90, 100, 40, 50], u3: [60, 100, 35, 50] });
    ({ id: plan, run } = await released(2026, {
      u1: [90, 100, 40, 50],
      u2: [100, 100, 50, 50],
      u3: [60, 100, 35, 50],
    }));
  });

  it("gives a unit's scorecard as a one-page A4 PDF with its Chinese name and code", async () => {
    const res = await api('GET', `/api/plans/${plan}/runs/${run}/units/u1/scorecard.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain('scorecard-u1-2026-Y.pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pageCount(pdf)).toBe(1);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pdfTitle(pdf)).toBe('效能成绩单 一号局');
    // The embedded CJK subset maps back to text: the title, the unit's name and its code are there.
    const chars = toUnicodeChars(pdf);
    for (const c of '效能成绩单一号局u1历年名次') expect(chars, c).toContain(c);
  });

  it('a unit gets its own scorecard only; another unit is not found', async () => {
    expect(
      (await api('GET', `/api/plans/${plan}/runs/${run}/units/u1/scorecard.pdf`, filler)).statusCode,
    ).toBe(200);
    expect(
      (await api('GET', `/api/plans/${plan}/runs/${run}/units/u2/scorecard.pdf`, filler)).statusCode,
    ).toBe(404);
    expect((await api('GET', `/api/plans/${plan}/runs/${run}/units/zz/scorecard.pdf`)).statusCode).toBe(404);
    expect((await api('GET', `/api/plans/${plan}/runs/999999/units/u1/scorecard.pdf`)).statusCode).toBe(404);
  });

  it('exports the full results as .xlsx: rankings per group and every indicator, Chinese headers', async () => {
    const res = await api('GET', `/api/plans/${plan}/results/export?period=2026-Y`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['A 党群口', '指标得分']);
    const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);
    const ranking = wb.getWorksheet('A 党群口')!;
    // Row 1 is the title (plan · period).
    expect(ranking.getCell('A1').value).toBe('小方案2026 · 2026-Y');
    // The fixed headers (results-export.test.ts checks each) around the plan's one component.
    const fixed = Object.values(RESULT_HEADERS);
    expect(values(ranking, 2)).toEqual([...fixed.slice(0, 3), '目标任务', ...fixed.slice(3)]);
    expect(values(ranking, 3).slice(0, 3)).toEqual([1, 'u2', '二号局']);
    const detail = wb.getWorksheet('指标得分')!;
    expect(values(detail, 2)).toEqual([
      '考核组',
      '单位代码',
      '单位名称',
      '目标任务',
      '主要任务完成率',
      '重点项目完成率',
      '总分',
    ]);
    // u1: I1 90/100·60 = 54, I2 40/50·40 = 32, component 86, total 86 (in placement order: 2nd).
    expect(values(detail, 4)).toEqual(['A', 'u1', '一号局', 86, 54, 32, 86]);
    // A unit's export holds its own rows only.
    const own = await api('GET', `/api/plans/${plan}/results/export?period=2026-Y`, filler);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(own.rawPayload as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('指标得分')!.rowCount).toBe(3);
  });

  it('exports every scorecard as a background job: progress per unit, then a .zip of 3 PDFs', async () => {
    const started = await api('POST', '/api/jobs', office, {
      kind: 'scorecards',
      params: { planId: plan, runId: run },
    });
    expect(started.statusCode, started.body).toBe(201);
    const job = started.json();
    expect(job).toMatchObject({
      kind: 'scorecards',
      status: expect.stringMatching(/queued|running/),
      createdBy: 'office',
    });

    const { job: done, seen } = await finished(env, office, job.id);
    expect(done).toMatchObject({ status: 'done', done: 3, total: 3, error: null });
    expect(done.fileName).toBe('效能成绩单-小方案2026-2026-Y.zip');
    // Progress only grows.
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);

    const file = await api('GET', `/api/jobs/${job.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(file.rawPayload);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['A-u1-一号局.pdf', 'A-u2-二号局.pdf', 'A-u3-三号局.pdf']);
    const first = await zip.file('A-u2-二号局.pdf')!.async('nodebuffer');
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfTitle(first)).toBe('效能成绩单 二号局');

    // The creator lists it among its jobs; the start is audited.
    const mine = (await api('GET', '/api/jobs?mine=1')).json();
    expect(mine[0]).toMatchObject({ id: job.id, status: 'done' });
    const audit = await env.database.query<{ action: string }>(
      `select action from audit_log where object_type = 'job' and object_id = $1`,
      [String(job.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['job.start']);
  });

  it('only its creator and the office read a job: a unit gets 403 and cannot start one', async () => {
    const started = await api('POST', '/api/jobs', office, {
      kind: 'scorecards',
      params: { planId: plan, runId: run },
    });
    const id = started.json().id;
    await finished(env, office, id);
    expect((await api('GET', `/api/jobs/${id}`, filler)).statusCode).toBe(403);
    expect((await api('GET', `/api/jobs/${id}/file`, filler)).statusCode).toBe(403);
    expect((await api('GET', '/api/jobs', filler)).json()).toEqual([]);
    // Another office admin of the whole city may read it (the office), though it did not start it.
    await makeUser(env, 'office2', [{ role: 'office_admin', scopeType: 'global' }]);
    const office2 = await signIn(env, 'office2');
    expect((await api('GET', `/api/jobs/${id}`, office2)).statusCode).toBe(200);
    const refused = await api('POST', '/api/jobs', filler, {
      kind: 'scorecards',
      params: { planId: plan, runId: run },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await api('POST', '/api/jobs', office, { kind: 'nothing', params: {} });
    expect(bad.statusCode).toBe(400);
  });
});

describe('without the CJK font', () => {
  const env = useTestApp({ pdfFont: '/nonexistent/NotoSansCJK-Regular.ttc' });
  let office: string;
  let plan: number;
  let run: number;
  beforeAll(async () => {
    office = await officeCookie(env);
    const org = await buildOrg(env, office, { u1: '一号局', u2: '二号局' }, '市');
    plan = await activePlan(env, office, { systemId: org.system, name: '小方案', document: tinyPlan() });
    await fillCycle(env, plan, tinyInput('2026-Y', { u1: [90, 100, 40, 50], u2: [100, 100, 50, 50] }));
    const r = await env.app.inject({
      method: 'POST',
      url: `/api/plans/${plan}/evaluate`,
      headers: { cookie: office },
      payload: { period: '2026-Y' },
    });
    run = r.json().id;
  });

  it('PDF routes answer 503 pdf.font_missing; the .xlsx export still works', async () => {
    const get = (url: string) => env.app.inject({ method: 'GET', url, headers: { cookie: office } });
    const pdf = await get(`/api/plans/${plan}/runs/${run}/units/u1/scorecard.pdf`);
    expect(pdf.statusCode).toBe(503);
    expect(pdf.json().error).toMatchObject({
      code: 'UNAVAILABLE',
      details: { code: 'pdf.font_missing', params: { font: '/nonexistent/NotoSansCJK-Regular.ttc' } },
    });
    const job = await env.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: { cookie: office },
      payload: { kind: 'scorecards', params: { planId: plan, runId: run } },
    });
    expect(job.statusCode).toBe(503);
    expect((await get(`/api/plans/${plan}/results/export?period=2026-Y`)).statusCode).toBe(200);
  });
});
