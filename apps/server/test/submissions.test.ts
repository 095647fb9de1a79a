import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './helpers.js';
import { injectAsUser } from './org-fixture.js';
import { tinyPlan } from './plans-fixture.js';
import { cycleFixture, multipart } from './submissions-fixture.js';
import { useTestApp } from './use-app.js';

describe('data submission with evidence (Z4, G5)', () => {
  const env = useTestApp();
  let f: Awaited<ReturnType<typeof cycleFixture>>;
  const who: Record<string, string> = {};
  const api = injectAsUser(() => env, who);
  const entry = (unitId: number, indicator: string, value: unknown, extra: object = {}) => ({
    planId: f.plan,
    unitId,
    indicator,
    period: '2026-M03',
    value,
    ...extra,
  });

  beforeAll(async () => {
    const doc = tinyPlan();
    (doc.indicators[0] as { unit?: string }).unit = '%';
    f = await cycleFixture(env, doc);
    who.office = f.office;
    for (const u of ['filler1', 'filler2', 'assessor', 'provider']) who[u] = await signIn(env, u);
  });

  it('the unit enters its own indicator; a provider-owned one only the provider (403 naming the owner)', async () => {
    const own = await api('filler1', 'POST', '/api/submissions', entry(f.u1, 'I1', 90, { measureUnit: '%' }));
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({
      status: 'submitted',
      source: 'unit',
      value: 90,
      measureUnit: '%',
      late: false,
    });
    const refused = await api('filler1', 'POST', '/api/submissions', entry(f.u1, 'I2', 40));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('绩效办');
    const byProvider = await api('provider', 'POST', '/api/submissions', entry(f.u1, 'I2', 40));
    expect(byProvider.statusCode).toBe(201);
    expect(byProvider.json().source).toBe('provider');
    // Another unit's filler does not even see unit 1.
    expect((await api('filler2', 'POST', '/api/submissions', entry(f.u1, 'I1', 1))).statusCode).toBe(404);
  });

  it('refuses a wrong unit of measure or a non-number, naming the field, and stores nothing', async () => {
    const mu = await api('filler2', 'POST', '/api/submissions', entry(f.u2, 'I1', 80, { measureUnit: '个' }));
    expect(mu.statusCode).toBe(400);
    expect(mu.json().error.details[0].path).toBe('measureUnit');
    const str = await api('filler2', 'POST', '/api/submissions', entry(f.u2, 'I1', 'abc'));
    expect(str.statusCode).toBe(400);
    expect(str.json().error.message).toMatch(/^body\.value/);
    const list = (await api('filler2', 'GET', `/api/submissions?planId=${f.plan}&period=2026-M03`)).json();
    expect(list.items.map((i: { submission: unknown }) => i.submission)).toEqual([null, null]);
    expect(list.items.map((i: { canWrite: boolean }) => i.canWrite)).toEqual([true, false]);
  });

  it('two people saving the same value: the second gets 409 VERSION_CONFLICT', async () => {
    const s = (
      await api('filler2', 'POST', '/api/submissions', entry(f.u2, 'I1', 70, { submit: false }))
    ).json();
    expect(s.status).toBe('draft');
    const first = await api('filler2', 'PUT', `/api/submissions/${s.id}`, { value: 71, version: s.version });
    expect(first.statusCode).toBe(200);
    const second = await api('filler2', 'PUT', `/api/submissions/${s.id}`, { value: 72, version: s.version });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('VERSION_CONFLICT');
    const detail = (await api('filler2', 'GET', `/api/submissions/${s.id}`)).json();
    expect(detail.value).toBe(71);
  });

  it('a closed period refuses data; past the due date it is flagged late', async () => {
    const window = (period: string, due: string, closed: boolean) =>
      env.database.query(
        'insert into period_window (plan_id, period, opens_at, due_at, closed) values ($1, $2, $3, $4, $5)',
        [f.plan, period, '2026-01-01T00:00:00Z', due, closed],
      );
    await window('2026-M01', '2026-02-10T15:59:59Z', true);
    await window('2026-M02', '2026-02-28T15:59:59Z', false); // the clock says 2026-03-01
    const closed = await api('filler1', 'POST', '/api/submissions', {
      ...entry(f.u1, 'I1', 50),
      period: '2026-M01',
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain('closed');
    const late = await api('filler1', 'POST', '/api/submissions', {
      ...entry(f.u1, 'I1', 50),
      period: '2026-M02',
    });
    expect(late.statusCode).toBe(201);
    expect(late.json().late).toBe(true);
  });

  it('verification: pass → verified; a correction needs a reason and keeps every earlier value', async () => {
    const list = (
      await api('assessor', 'GET', `/api/verification/queue?planId=${f.plan}&period=2026-M03`)
    ).json();
    // The assessor verifies I1 only (not the provider's I2): unit 1's 90 and unit 2's 71.
    expect(
      list.map((q: { unitCode: string; submission: { indicator: string; value: number } }) => [
        q.unitCode,
        q.submission.indicator,
        q.submission.value,
      ]),
    ).toEqual([
      ['u1', 'I1', 90],
      ['u2', 'I1', 71],
    ]);
    const s = list[0].submission;
    const ok = await api('assessor', 'POST', '/api/verifications', {
      submissionId: s.id,
      method: 'work_slip',
      result: 'pass',
      version: s.version,
    });
    expect(ok.statusCode).toBe(201);
    const verified = (await api('filler1', 'GET', `/api/submissions/${s.id}`)).json();
    expect(verified.status).toBe('verified');
    const noReason = await api('filler1', 'PUT', `/api/submissions/${s.id}`, {
      value: 95,
      version: verified.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('reason');
    const fixed = await api('filler1', 'PUT', `/api/submissions/${s.id}`, {
      value: 95,
      reason: '统计口径更正',
      version: verified.version,
    });
    expect(fixed.json()).toMatchObject({ status: 'submitted', value: 95 });
    const detail = (await api('filler1', 'GET', `/api/submissions/${s.id}`)).json();
    // Newest first: the correction, the verification of 90, the first entry of 90.
    expect(detail.history.map((h: { value: number; status: string }) => [h.value, h.status])).toEqual([
      [95, 'submitted'],
      [90, 'verified'],
      [90, 'submitted'],
    ]);
    expect(detail.history[0].reason).toBe('统计口径更正');
  });

  it('a failed check returns the value with its reason and puts a to-do in the unit’s bell', async () => {
    const [q] = (
      await api('assessor', 'GET', `/api/verification/queue?planId=${f.plan}&period=2026-M03`)
    ).json();
    const noNote = await api('assessor', 'POST', '/api/verifications', {
      submissionId: q.submission.id,
      method: 'on_site',
      result: 'fail',
      version: q.submission.version,
    });
    expect(noNote.statusCode).toBe(400);
    const fail = await api('assessor', 'POST', '/api/verifications', {
      submissionId: q.submission.id,
      method: 'on_site',
      result: 'fail',
      note: '现场核查与台账不符',
      version: q.submission.version,
    });
    expect(fail.statusCode).toBe(201);
    const s = (await api('filler1', 'GET', `/api/submissions/${q.submission.id}`)).json();
    expect(s).toMatchObject({ status: 'returned', returnReason: '现场核查与台账不符' });
    const bell = (await api('filler1', 'GET', '/api/notifications')).json();
    expect(bell.items[0]).toMatchObject({ kind: 'returned', todo: true });
    expect(bell.items[0].body).toContain('现场核查与台账不符');
    // The other unit's filler cannot verify (role lacks it) nor see the value.
    expect((await api('filler2', 'GET', `/api/submissions/${q.submission.id}`)).statusCode).toBe(404);
  });

  it('evidence: sniffed, not trusted by name; duplicates and oversize refused; download in scope only', async () => {
    const s = (
      await api('filler1', 'GET', `/api/submissions?planId=${f.plan}&period=2026-M03&unitId=${f.u1}`)
    ).json().items[0].submission;
    const url = `/api/submissions/${s.id}/evidence`;
    const up = (user: string, name: string, data: Buffer) => {
      const m = multipart(name, data);
      return env.app.inject({
        method: 'POST',
        url,
        headers: { cookie: who[user]!, ...m.headers },
        payload: m.payload,
      });
    };
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const disguised = await up('filler1', 'report.pdf', png);
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.message).toContain('report.pdf');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const ok = await up('filler1', '现场照片说明.pdf', pdf);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ contentType: 'application/pdf', size: pdf.length });
    const dup = await up('filler1', 'again.pdf', pdf);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('duplicate');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]);
    expect((await up('filler1', 'big.pdf', big)).statusCode).toBe(413);
    const id = ok.json().id;
    const down = await api('filler1', 'GET', `/api/evidence/${id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('现场照片说明.pdf')}`,
    );
    expect(Buffer.compare(down.rawPayload, pdf)).toBe(0);
    expect((await api('filler2', 'GET', `/api/evidence/${id}`)).statusCode).toBe(404);
    expect((await api('office', 'GET', `/api/evidence/${id}`)).statusCode).toBe(200);
  });

  it('bulk upload: a bad line rejects the whole file; a good file stores every value', async () => {
    const tpl = await api('filler2', 'GET', `/api/submissions/template?planId=${f.plan}&period=2026-M04`);
    expect(tpl.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const book = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      // The template lists unit 2's own indicator only (I2 is the provider's).
      expect(ws.getRow(2).values).toEqual([
        undefined,
        'u2',
        '二号局',
        'I1',
        '主要任务完成率',
        undefined,
        '%',
        '',
      ]);
      expect(ws.rowCount).toBe(2);
      rows.forEach((r, i) => {
        ws.getRow(i + 2).values = r as never;
      });
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const send = (data: Buffer) => {
      const m = multipart('values.xlsx', data);
      return env.app.inject({
        method: 'POST',
        url: `/api/submissions/upload?planId=${f.plan}&period=2026-M04`,
        headers: { cookie: who.filler2!, ...m.headers },
        payload: m.payload,
      });
    };
    const bad = await send(
      await book([
        ['u2', '', 'I1', '', 'abc', '%', ''],
        ['u2', '', 'I2', '', 5, '', ''],
      ]),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.map((d: { line: number; field: string }) => [d.line, d.field])).toEqual([
      [2, 'value'],
      [3, 'indicator'],
    ]);
    const good = await send(await book([['u2', '', 'I1', '', 66.5, '%', '月报']]));
    expect(good.json()).toEqual({ created: 1, updated: 0 });
    const list = (await api('filler2', 'GET', `/api/submissions?planId=${f.plan}&period=2026-M04`)).json();
    expect(list.items[0].submission).toMatchObject({ value: 66.5, status: 'submitted', note: '月报' });
  });
});
