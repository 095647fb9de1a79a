import { createHash } from 'node:crypto';
import { dataColumnOf } from '@jixiao/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateHeader } from '../src/modules/imports/import-template.js';
import { signIn, type TestEnv, testApp } from './helpers.js';
import { form } from './multipart.js';
import { tinyPlan } from './plans-fixture.js';
import { cycleFixture, enterValue } from './submissions-fixture.js';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const csv = (rows: string[][]) => `${rows.map((r) => r.join(',')).join('\n')}\n`;
const HEADER = ['unit', 'indicator', 'period', 'value', 'kind', 'reason'];

interface Problem {
  line: number;
  field: string;
  code: string;
  params: Record<string, string | number>;
  message: string;
}

describe('data import (issue 8 point 3)', () => {
  let env: TestEnv;
  let f: Awaited<ReturnType<typeof cycleFixture>>;
  let filler1: string;

  const send = (url: string, file: string, data: Buffer | string, fields?: Record<string, string>) => {
    const m = form(file, data, fields);
    return env.app.inject({
      method: 'POST',
      url,
      headers: { cookie: f.office, ...m.headers },
      payload: m.payload,
    });
  };
  const preview = (data: Buffer | string, period = '2026-M03', file = 'data.csv') =>
    send(`/api/plans/${f.plan}/imports/preview?period=${period}`, file, data);
  const confirm = (data: Buffer | string, period = '2026-M03', hash = sha(data), file = 'data.csv') =>
    send(`/api/plans/${f.plan}/imports?period=${period}`, file, data, { sha256: hash });
  /** Everything an import could write, counted. */
  const stored = async () => {
    const n = async (sql: string) => (await env.database.query<{ n: number }>(sql, [f.plan]))[0]!.n;
    return {
      submissions: await n('select count(*)::int as n from submission where plan_id = $1'),
      history: await n(
        'select count(*)::int as n from submission_history h join submission s on s.id = h.submission_id where s.plan_id = $1',
      ),
      references: await n('select count(*)::int as n from reference_value where plan_id = $1'),
      events: await n('select count(*)::int as n from cycle_event where plan_id = $1'),
      batches: await n('select count(*)::int as n from import_batch where plan_id = $1'),
      audits: await n(
        "select count(*)::int as n from audit_log where action = 'import.apply' and $1::int > 0",
      ),
    };
  };

  beforeAll(async () => {
    env = await testApp();
    const doc = tinyPlan() as ReturnType<typeof tinyPlan> & Record<string, unknown>;
    (doc.indicators[0] as { unit?: string }).unit = '%';
    doc.bonus = { cap: 5, sources: [{ code: 'award', name: '国家级表彰' }] };
    f = await cycleFixture(env, doc);
    filler1 = await signIn(env, 'filler1');
  });
  afterAll(() => env.close());

  it('the template: header row, one row per unit and indicator with the period, an explanation sheet', async () => {
    const r = await env.app.inject({
      url: `/api/plans/${f.plan}/imports/template?period=2026-M03`,
      headers: { cookie: f.office },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('数据导入模板')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['数据', '说明']);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    // The template's header, and it reads back as the data columns in this order.
    expect(rows[0]).toEqual([...templateHeader]);
    expect(rows[0]!.map((c) => dataColumnOf(String(c)))).toEqual(HEADER);
    expect(rows.slice(1).map((x) => [x[0], x[1], x[2], x[4]])).toEqual([
      ['u1', 'I1', '2026-M03', 'value'],
      ['u1', 'I2', '2026-M03', 'value'],
      ['u2', 'I1', '2026-M03', 'value'],
      ['u2', 'I2', '2026-M03', 'value'],
    ]);
    const help: string[] = [];
    wb.worksheets[1]!.eachRow((row) => help.push(String(row.getCell(1).value)));
    expect(help).toEqual(expect.arrayContaining(['deduction', 'veto', 'bonus', 'award', 'I1', 'u2']));

    // Filled in, it previews clean as .xlsx (told by content, whatever the name).
    wb.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) row.getCell(4).value = 80 + n;
    });
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const p = await preview(filled, '2026-M03', 'filled.bin');
    expect(p.statusCode).toBe(200);
    expect(p.json()).toMatchObject({ format: 'xlsx', rows: 4, problems: [], counts: { values: 4 } });
    // Other roles: the function is the office's.
    const denied = await env.app.inject({
      url: `/api/plans/${f.plan}/imports/template?period=2026-M03`,
      headers: { cookie: filler1 },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('preview checks every row and stores nothing; the same problems refuse the import (422), nothing stored', async () => {
    const before = await stored();
    const file = csv([
      HEADER,
      ['u1', 'I1', '2026-M03', '90', 'value', ''],
      ['u9', 'I1', '2026-M03', '90', 'value', ''], // line 3: unknown unit
      ['u2', 'I7', '2026-M03', '90', 'value', ''], // line 4: unknown indicator
      ['u2', 'I2', '', '很多', '', ''], // line 5: text in a number cell
      ['u1', 'I1', '2026-M03', '91', 'value', ''], // line 6: duplicate of line 2
      ['u2', 'I1', '2026-M04', '80', 'value', ''], // line 7: another period
      ['u2', 'I1', '2026-M03', '3', 'bonus', ''], // line 8: not a bonus source
      ['u2', '', '2026-M03', '2', 'deduction', ''], // line 9: deduction without reason
      ['u2', '', '2026-M03', '', 'veto', '事故'], // line 10: veto without event code
      ['u2', 'I1', '2026-M03', '1', 'oops', ''], // line 11: bad kind
    ]);
    const p = await preview(file);
    expect(p.statusCode).toBe(200);
    const problems = p.json().problems as Problem[];
    expect(problems.map((x) => [x.line, x.field, x.code])).toEqual([
      [3, 'unit', 'unknown_unit'],
      [4, 'indicator', 'unknown_indicator'],
      [5, 'value', 'not_a_number'],
      [6, 'indicator', 'duplicate'],
      [7, 'period', 'wrong_period'],
      [8, 'indicator', 'unknown_source'],
      [9, 'reason', 'reason_required'],
      [10, 'indicator', 'event_code_required'],
      [11, 'kind', 'bad_kind'],
    ]);
    expect(problems[0]!.params).toEqual({ unit: 'u9' });
    expect(problems[2]!.params).toEqual({ value: '很多' });
    expect(problems[3]!.params).toEqual({ unit: 'u1', indicator: 'I1' });
    expect(problems[4]!.params).toEqual({ period: '2026-M04', expected: '2026-M03' });
    expect(problems[0]!.message).toContain('line 3');
    expect(p.json()).toMatchObject({ rows: 10, format: 'csv', sha256: sha(file) });
    expect(p.json().sample).toHaveLength(10);
    expect(p.json().sample[1]).toEqual({
      line: 3,
      unit: 'u9',
      indicator: 'I1',
      kind: 'value',
      value: '90',
      reason: '',
    });
    expect(await stored()).toEqual(before);

    const r = await confirm(file);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('IMPORT_REJECTED');
    expect((r.json().error.details as Problem[]).map((x) => [x.line, x.field, x.code])).toEqual(
      problems.map((x) => [x.line, x.field, x.code]),
    );
    expect(await stored()).toEqual(before);
  });

  it('header problems: unknown, repeated and missing columns; an empty file', async () => {
    const p = (await preview('unit,indicator,colour,unit\nu1,I1,red,u1\n')).json().problems as Problem[];
    expect(p.map((x) => [x.line, x.field, x.code, x.params])).toEqual([
      [1, 'header', 'unknown_column', { column: 'colour', index: 3 }],
      [1, 'unit', 'duplicate_column', { column: 'unit' }],
      [1, 'value', 'missing_column', { column: 'value' }],
    ]);
    expect((await preview('')).json().problems[0].code).toBe('empty_file');
    expect((await preview('unit,indicator,value\n')).json().problems[0].code).toBe('no_data_rows');
    expect((await preview('[1,')).json().problems[0]).toMatchObject({ code: 'unreadable', field: 'file' });
    // The period must be of the plan's year.
    const wrongYear = await preview(csv([HEADER, ['u1', 'I1', '', '1', '', '']]), '2025-M03');
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().error.details[0].path).toBe('period');
  });

  it('a closed period refuses the import (period_closed), nothing stored', async () => {
    await env.database.query(
      "insert into period_window (plan_id, period, opens_at, due_at, closed) values ($1, '2026-M01', '2026-01-01', '2026-02-10', true)",
      [f.plan],
    );
    const before = await stored();
    const file = csv([HEADER, ['u1', 'I1', '2026-M01', '90', '', '']]);
    const p = (await preview(file, '2026-M01')).json();
    expect(p.problems.map((x: Problem) => [x.line, x.field, x.code, x.params])).toEqual([
      [1, 'period', 'period_closed', { period: '2026-M01' }],
    ]);
    const r = await confirm(file, '2026-M01');
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details[0].code).toBe('period_closed');
    expect(await stored()).toEqual(before);
  });

  it('a file other than the one previewed: 400 file_changed, nothing stored', async () => {
    const before = await stored();
    const file = csv([HEADER, ['u1', 'I1', '2026-M03', '90', '', '']]);
    const r = await confirm(file, '2026-M03', sha('another file'));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0]).toMatchObject({ path: 'sha256', code: 'file_changed' });
    const none = await confirm(file, '2026-M03', '');
    expect(none.statusCode).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('a good file: submissions (source import, batch id), reference values and events, one batch, audited', async () => {
    // Unit 1 already has a verified I1 value: the import replaces it, its history stays.
    const own = await enterValue(env, filler1, {
      planId: f.plan,
      unitId: f.u1,
      indicator: 'I1',
      period: '2026-M03',
      value: 70,
      measureUnit: '%',
    });
    const verified = await env.app.inject({
      method: 'POST',
      url: '/api/verifications',
      headers: { cookie: f.office },
      payload: {
        submissionId: own.id,
        method: 'work_slip',
        result: 'pass',
        version: own.version,
      },
    });
    expect(verified.statusCode).toBe(201);
    const before = await stored();

    const file = csv([
      HEADER,
      ['u1', 'I1', '2026-M03', '92.5', 'value', ''],
      ['u1', 'I1', '2026-M03', '100', 'target', ''],
      ['u1', 'I2', '', '40', '', ''],
      ['u1', 'I2', '2026-M03', '50', 'target', ''],
      ['u1', 'I2', '2026-M03', '45', 'baseline', ''],
      ['u2', 'I1', '2026-M03', '88', 'value', ''],
      ['u2', 'I2', '2026-M03', '85', 'score', ''],
      ['u2', 'I2', '2026-M03', '90', 'score', ''],
      ['u2', 'award', '2026-M03', '2', 'bonus', '获国家级表彰'],
      ['u1', 'I1', '2026-M03', '1.5', 'deduction', '督查发现台账不实'],
      ['u2', 'safety_accident', '2026-M03', '', 'veto', '发生较大安全事故'],
    ]);
    const p = (await preview(file)).json();
    expect(p.problems).toEqual([]);
    expect(p.counts).toEqual({ values: 3, references: 3, bonuses: 1, deductions: 1, vetoes: 1 });
    expect(await stored()).toEqual(before);

    const r = await confirm(file, '2026-M03', p.sha256, '三月数据.csv');
    expect(r.statusCode).toBe(201);
    const batch = r.json();
    expect(batch).toMatchObject({
      planId: f.plan,
      period: '2026-M03',
      fileName: '三月数据.csv',
      sha256: sha(file),
      format: 'csv',
      rows: 11,
      counts: p.counts,
      createdBy: 'office',
    });
    const after = await stored();
    expect(after).toEqual({
      submissions: before.submissions + 2,
      history: before.history + 3,
      references: before.references + 3,
      events: before.events + 3,
      batches: before.batches + 1,
      audits: before.audits + 1,
    });

    const subs = await env.database.query<Record<string, unknown>>(
      'select unit_id, indicator, value, status, source, import_batch_id, version, submitted_by, verified_by from submission where plan_id = $1 order by unit_id, indicator',
      [f.plan],
    );
    expect(subs).toEqual([
      expect.objectContaining({
        unit_id: f.u1,
        indicator: 'I1',
        value: '92.500000',
        version: own.version + 2,
      }),
      expect.objectContaining({ unit_id: f.u1, indicator: 'I2', value: '40.000000', version: 1 }),
      expect.objectContaining({ unit_id: f.u2, indicator: 'I1', value: '88.000000', version: 1 }),
    ]);
    for (const s of subs)
      expect(s).toMatchObject({
        status: 'submitted',
        source: 'import',
        import_batch_id: batch.id,
        submitted_by: 'office',
        verified_by: null,
      });
    // The verified value is still in the history, under the import's own row.
    const history = await env.database.query<{ value: string; status: string; reason: string | null }>(
      'select value, status, reason from submission_history where submission_id = $1 order by id desc',
      [own.id],
    );
    expect(history.map((h) => [h.value, h.status, h.reason])).toEqual([
      ['92.500000', 'submitted', `import #${batch.id}`],
      ['70.000000', 'verified', null],
      ['70.000000', 'submitted', null],
    ]);

    const refs = await env.database.query<Record<string, unknown>>(
      'select unit_id, indicator, target, baseline, scores, import_batch_id from reference_value where plan_id = $1 order by unit_id, indicator',
      [f.plan],
    );
    expect(refs).toEqual([
      {
        unit_id: f.u1,
        indicator: 'I1',
        target: '100.000000',
        baseline: null,
        scores: null,
        import_batch_id: batch.id,
      },
      {
        unit_id: f.u1,
        indicator: 'I2',
        target: '50.000000',
        baseline: '45.000000',
        scores: null,
        import_batch_id: batch.id,
      },
      {
        unit_id: f.u2,
        indicator: 'I2',
        target: null,
        baseline: null,
        scores: [85, 90],
        import_batch_id: batch.id,
      },
    ]);

    const events = (
      await env.app.inject({ url: `/api/events?planId=${f.plan}`, headers: { cookie: f.office } })
    ).json();
    expect(
      events
        .map((e: Record<string, unknown>) => [
          e.kind,
          e.unitCode,
          e.code,
          e.indicator,
          e.points,
          e.status,
          e.source,
        ])
        .sort(),
    ).toEqual(
      [
        ['bonus', 'u2', 'award', null, 2, 'approved', 'import'],
        ['deduction', 'u1', null, 'I1', 1.5, 'approved', 'import'],
        ['veto', 'u2', 'safety_accident', null, null, 'approved', 'import'],
      ].sort(),
    );
    for (const e of events) expect(e).toMatchObject({ importBatchId: batch.id, decidedBy: 'office' });

    const audit = await env.database.query<{
      object_type: string;
      object_id: string;
      after: { counts: object };
    }>("select object_type, object_id, after from audit_log where action = 'import.apply'");
    expect(audit).toEqual([
      expect.objectContaining({ object_type: 'import_batch', object_id: String(batch.id) }),
    ]);
    expect(audit[0]!.after.counts).toEqual(p.counts);

    // A second file: the batch list is newest first; a value is replaced with the next version.
    const json = JSON.stringify([{ unit: 'u2', indicator: 'I1', value: 89 }]);
    const p2 = (await preview(json, '2026-M03', 'more.json')).json();
    expect(p2).toMatchObject({ format: 'json', problems: [], counts: { values: 1 } });
    const r2 = await confirm(json, '2026-M03', p2.sha256, 'more.json');
    expect(r2.statusCode).toBe(201);
    const list = (
      await env.app.inject({ url: `/api/plans/${f.plan}/imports`, headers: { cookie: f.office } })
    ).json();
    expect(list.map((b: { id: number; format: string }) => [b.id, b.format])).toEqual([
      [r2.json().id, 'json'],
      [batch.id, 'csv'],
    ]);
    const [u2i1] = await env.database.query<{ value: string; version: number; import_batch_id: number }>(
      "select value, version, import_batch_id from submission where plan_id = $1 and unit_id = $2 and indicator = 'I1'",
      [f.plan, f.u2],
    );
    expect(u2i1).toEqual({ value: '89.000000', version: 2, import_batch_id: r2.json().id });
  });
});

/** 125 units × 30 indicators: one file, one transaction. */
describe('a large import', () => {
  let env: TestEnv;
  afterAll(() => env.close());

  it('imports 3750 values and 3750 targets as one batch', async () => {
    env = await testApp();
    const doc = tinyPlan();
    doc.indicators = Array.from({ length: 30 }, (_, i) => ({
      code: `K${i + 1}`,
      name: `指标${i + 1}`,
      component: 'main',
      points: i < 10 ? 4 : 3,
      owner: '绩效办',
      method: { kind: 'completion' },
    }));
    const f = await cycleFixture(env, doc);
    // 123 more units of the same group, straight into the tree (the API would take longer than the import).
    const [u1] = await env.database.query<{
      parent_id: number;
      group_id: number;
      system_id: number;
      path: string;
    }>('select parent_id, group_id, system_id, path from org_node where id = $1', [f.u1]);
    const parentPath = u1!.path.replace(/\d+\/$/, '');
    for (let i = 3; i <= 125; i++) {
      const [n] = await env.database.query<{ id: number }>(
        "insert into org_node (parent_id, kind, code, name, system_id, group_id) values ($1, 'department', $2, $3, $4, $5) returning id",
        [u1!.parent_id, `u${i}`, `${i}号局`, u1!.system_id, u1!.group_id],
      );
      await env.database.query('update org_node set path = $1 where id = $2', [
        `${parentPath}${n!.id}/`,
        n!.id,
      ]);
    }
    const rows = [HEADER];
    for (let u = 1; u <= 125; u++)
      for (let k = 1; k <= 30; k++) {
        rows.push([`u${u}`, `K${k}`, '2026-Y', String(50 + ((u * k) % 50)), 'value', '']);
        rows.push([`u${u}`, `K${k}`, '2026-Y', '100', 'target', '']);
      }
    const file = csv(rows);
    const m = form('big.csv', file, { sha256: sha(file) });
    const r = await env.app.inject({
      method: 'POST',
      url: `/api/plans/${f.plan}/imports?period=2026-Y`,
      headers: { cookie: f.office, ...m.headers },
      payload: m.payload,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().counts).toMatchObject({ values: 3750, references: 3750 });
    const [n] = await env.database.query<{ n: number }>(
      "select count(*)::int as n from submission where plan_id = $1 and source = 'import'",
      [f.plan],
    );
    expect(n!.n).toBe(3750);
    // Its speed is a benchmark's business (timed tests fail on a busy machine), not this test's.
  }, 120_000);
});
