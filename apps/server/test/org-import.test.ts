import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectFormat, parseCsv, parseOrgImport } from '../src/modules/org/org-import.parse.js';
import { csvOf, header, multipartFile, titledHeader, xlsxOf } from './fixtures/spreadsheets.js';
import { makeUser, signIn } from './helpers.js';
import { officeCookie } from './org-fixture.js';
import { useTestApp } from './use-app.js';

interface NodeRow {
  id: number;
  parent_id: number | null;
  path: string;
  code: string;
  name: string;
  kind: string;
  system_id: number | null;
  group_id: number | null;
  sort_order: number;
}

describe('org bulk import', () => {
  const env = useTestApp();
  let office: string;
  let unitAdmin: string;
  const ids: Record<string, number> = {};

  const post = async (path: string, payload: object) => {
    const res = await env.app.inject({ method: 'POST', url: path, headers: { cookie: office }, payload });
    if (res.statusCode !== 201) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    return res.json().id as number;
  };
  const upload = (cookie: string, filename: string, content: Buffer) => {
    const { payload, headers } = multipartFile(filename, content);
    return env.app.inject({
      method: 'POST',
      url: '/api/org-nodes/import',
      headers: { ...headers, cookie },
      payload,
    });
  };
  /** The import template as the office downloads it: a file named for its format. */
  const downloadTemplate = async (format: 'xlsx' | 'csv') => {
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/org-nodes/import-template?format=${format}`,
      headers: { cookie: office },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="org-import-template.${format}"`);
    return res;
  };
  const nodeCount = async () =>
    (await env.database.query<{ n: number }>('select count(*)::int as n from org_node'))[0]!.n;
  const nodesByCode = async (codes: string[]) => {
    const rows = await env.database.query<NodeRow>('select * from org_node where code = any($1)', [codes]);
    return new Map(rows.map((r) => [r.code, r]));
  };

  beforeAll(async () => {
    office = await officeCookie(env);
    ids.city = await post('/api/org-nodes', { parentId: null, kind: 'region', code: 'city', name: '示范市' });
    ids.sys = await post('/api/systems', { code: 'city-dept', name: '市直机关' });
    ids.sys2 = await post('/api/systems', { code: 'districts', name: '区县' });
    ids.catB = await post('/api/categories', { systemId: ids.sys, code: 'B', name: '政府口' });
    ids.catD = await post('/api/categories', { systemId: ids.sys2, code: 'D', name: '区县' });
    ids.groupB1 = await post('/api/groups', { categoryId: ids.catB, code: 'B1', name: '综合' });
    ids.groupD = await post('/api/groups', { categoryId: ids.catD, code: 'D1', name: '区县' });
    ids.u1 = await post('/api/org-nodes', {
      parentId: ids.city,
      kind: 'department',
      code: 'u1',
      name: '市甲局',
      systemId: ids.sys,
      groupId: ids.groupB1,
    });
    ids.u2 = await post('/api/org-nodes', {
      parentId: ids.city,
      kind: 'department',
      code: 'u2',
      name: '市乙局',
    });
    await makeUser(env, 'u1admin', [{ role: 'unit_admin', scopeType: 'org', orgNodeId: ids.u1 }], ids.u1);
    unitAdmin = await signIn(env, 'u1admin');
  });

  it('imports a good .xlsx file: every row, in dependency order, with correct tree paths', async () => {
    const file = await xlsxOf([
      titledHeader,
      // A child before its parent (line 2 refers to line 3): rows are sorted topologically.
      ['x-sec', '综合科', 'section', 'x-dept', null, null, 2],
      ['x-dept', '市丙局', 'department', 'city', 'city-dept', 'B1', 10],
      ['x-sec2', '办公室', 'section', 'x-dept', null, null, 1],
      [],
      ['x-dist', '东城区', 'region', 'city', 'districts', 'D1', null],
      // Group without systemCode: resolved through the parent's system.
      ['x-sub', '市丙局直属中心', 'enterprise', 'x-dept', null, 'B1', null],
      ['x-top', '另一市', 'region', null, null, null, null],
    ]);
    const before = await nodeCount();
    const res = await upload(office, 'org.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 6 });
    expect(await nodeCount()).toBe(before + 6);

    const n = await nodesByCode(['x-sec', 'x-dept', 'x-sec2', 'x-dist', 'x-sub', 'x-top']);
    const dept = n.get('x-dept')!;
    expect(dept.parent_id).toBe(ids.city);
    expect(dept.path).toBe(`/${ids.city}/${dept.id}/`);
    expect(dept.system_id).toBe(ids.sys);
    expect(dept.group_id).toBe(ids.groupB1);
    expect(dept.sort_order).toBe(10);
    for (const c of ['x-sec', 'x-sec2', 'x-sub']) {
      const row = n.get(c)!;
      expect(row.parent_id).toBe(dept.id);
      expect(row.path).toBe(`${dept.path}${row.id}/`);
    }
    expect(n.get('x-sub')!.group_id).toBe(ids.groupB1);
    expect(n.get('x-sub')!.system_id).toBeNull();
    expect(n.get('x-sec')!.name).toBe('综合科');
    expect(n.get('x-dist')!.group_id).toBe(ids.groupD);
    expect(n.get('x-top')!.path).toBe(`/${n.get('x-top')!.id}/`);
    expect(n.get('x-top')!.parent_id).toBeNull();

    // One audit row per node plus one summary row with the file's hash.
    const audit = await env.app.inject({
      method: 'GET',
      url: '/api/audit-events?action=org.import',
      headers: { cookie: office },
    });
    expect(audit.statusCode, audit.body).toBe(200);
    const summary = audit.json().items[0];
    expect(summary.after).toMatchObject({ file: 'org.xlsx', count: 6 });
    expect(summary.after.sha256).toMatch(/^[0-9a-f]{64}$/);
    const perNode = await env.database.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'org_node.import'",
    );
    expect(perNode[0]!.n).toBe(6);
  });

  it('rejects a file with bad rows: each is reported by line and field, nothing is written', async () => {
    const file = await xlsxOf([
      header,
      ['y-1', '市丁局', 'department', 'city', null, null, null],
      ['y-2', '市戊局', 'bureau', 'city', null, null, null], // line 3: bad kind
      ['y-3', '市己局', 'department', 'city', null, null, null],
      ['y-1', '市庚局', 'department', 'city', null, null, null], // line 5: duplicate code
      ['y-4', '市辛局', 'department', 'nowhere', null, null, null], // line 6: unknown parent
      ['y-5', '综合科', 'section', 'y-2', null, null, null], // child of the bad row: not reported
    ]);
    const before = await nodeCount();
    const auditBefore = await env.database.query<{ n: number }>('select count(*)::int as n from audit_log');
    const res = await upload(office, 'bad.xlsx', file);
    expect(res.statusCode).toBe(422);
    const body = res.json().error;
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.message).toBe('3 rows rejected; nothing was imported');
    expect(body.details.map((d: { line: number; field: string }) => [d.line, d.field])).toEqual([
      [3, 'kind'],
      [5, 'code'],
      [6, 'parentCode'],
    ]);
    expect(body.details[0].message).toContain('bureau');
    expect(body.details[1].message).toContain('line 2');
    expect(body.details[2].message).toBe('parentCode: no such node "nowhere"');
    expect(await nodeCount()).toBe(before);
    const auditAfter = await env.database.query<{ n: number }>('select count(*)::int as n from audit_log');
    expect(auditAfter[0]!.n).toBe(auditBefore[0]!.n);
  });

  it('reports existing codes, unknown systems and groups, groups of another system and cycles', async () => {
    const file = csvOf([
      header,
      ['u1', '重复', 'department', 'city', '', '', ''], // 2: exists
      ['z-1', '甲', 'department', 'city', 'nope', '', ''], // 3: unknown system
      ['z-2', '乙', 'department', 'city', 'city-dept', 'D1', ''], // 4: group of another system
      ['z-3', '丙', 'department', 'city', '', 'ZZ', ''], // 5: unknown group
      ['z-4', '丁', 'section', 'z-5', '', '', ''], // 6, 7: a cycle
      ['z-5', '戊', 'section', 'z-4', '', '', ''],
      ['z-6', '己', 'section', 'z-6', '', '', ''], // 8: own parent
      ['z-7', '庚', 'department', 'city', '', '', 'x'], // 9: bad sortOrder
      ['', '辛', 'department', 'city', '', '', ''], // 10: no code
    ]);
    const res = await upload(office, 'bad.csv', file);
    expect(res.statusCode).toBe(422);
    const details = res.json().error.details as { line: number; field: string; message: string }[];
    expect(details.map((d) => [d.line, d.field])).toEqual([
      [2, 'code'],
      [3, 'systemCode'],
      [4, 'groupCode'],
      [5, 'groupCode'],
      [6, 'parentCode'],
      [7, 'parentCode'],
      [8, 'parentCode'],
      [9, 'sortOrder'],
      [10, 'code'],
    ]);
    expect(details[0]!.message).toBe('code: "u1" already exists');
    expect(details[4]!.message).toContain('lines 6, 7');
  });

  it('imports a UTF-8 CSV with BOM, CRLF, quoted fields and Chinese headers', async () => {
    const file = csvOf([
      ['编码', '名称', '类型', '上级编码', '考评体系编码', '分组编码', '排序'],
      ['c-1', '市"文明"办, 综合处', 'department', 'city', 'city-dept', 'B1', '3'],
      ['c-2', '市文明办秘书科', 'section', 'c-1', '', '', ''],
    ]);
    const res = await upload(office, '组织.csv', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });
    const n = await nodesByCode(['c-1', 'c-2']);
    expect(n.get('c-1')!.name).toBe('市"文明"办, 综合处');
    expect(n.get('c-2')!.path).toBe(`${n.get('c-1')!.path}${n.get('c-2')!.id}/`);
  });

  it('reads a GB18030 CSV, as Excel on Chinese Windows saves it', async () => {
    // "编码,名称,类型,上级编码" + a row, encoded by hand: 编码 = B1E0 C2EB, 名称 = C3FB B3C6, 类型 = C0E0 D0CD, 上级编码 = C9CF BCB6 B1E0 C2EB
    const gbk = Buffer.from(
      'b1e0c2eb2cc3fbb3c62cc0e0d0cd2cc9cfbcb6b1e0c2eb0d0a672d312cb6abb3c7c7f82c726567696f6e2c636974790d0a',
      'hex',
    );
    const res = await upload(office, 'gbk.csv', gbk);
    expect(res.statusCode, res.body).toBe(200);
    expect((await nodesByCode(['g-1'])).get('g-1')!.name).toBe('东城区');
  });

  it("a unit admin may import under its own unit, not under another unit's node nor at the top", async () => {
    const bad = csvOf([
      header,
      ['ua-1', '甲科', 'section', 'u1', '', '', ''],
      ['ua-2', '乙科', 'section', 'u2', '', '', ''], // another unit: looks like an unknown node
      ['ua-3', '新市', 'region', '', '', '', ''], // top level: office only
    ]);
    const before = await nodeCount();
    const res = await upload(unitAdmin, 'ua.csv', bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      { line: 3, field: 'parentCode', message: 'parentCode: no such node "u2"' },
      {
        line: 4,
        field: 'parentCode',
        message: 'parentCode: required — only the performance office may import top-level nodes',
      },
    ]);
    expect(await nodeCount()).toBe(before);

    const good = csvOf([
      header,
      ['ua-1', '甲科', 'section', 'u1', '', '', ''],
      ['ua-4', '甲科一组', 'section', 'ua-1', '', '', ''],
    ]);
    const ok = await upload(unitAdmin, 'ua.csv', good);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ imported: 2 });
  });

  it('needs org.write, a file, and data rows', async () => {
    await makeUser(env, 'reader', [{ role: 'leader', scopeType: 'global' }]);
    const reader = await signIn(env, 'reader');
    expect((await upload(reader, 'a.csv', csvOf([header, ['q', 'q', 'region', 'city']]))).statusCode).toBe(
      403,
    );
    const tpl = await env.app.inject({
      method: 'GET',
      url: '/api/org-nodes/import-template',
      headers: { cookie: reader },
    });
    expect(tpl.statusCode).toBe(403);

    const empty = await upload(office, 'empty.csv', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('file: the file is empty');
    const headerOnly = await upload(office, 'h.csv', csvOf([header]));
    expect(headerOnly.statusCode).toBe(400);
    expect(headerOnly.json().error.message).toContain('no data rows');

    const json = await env.app.inject({
      method: 'POST',
      url: '/api/org-nodes/import',
      headers: { cookie: office },
      payload: { rows: [] },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toContain('multipart/form-data');

    // A missing required column is reported on the header line.
    const noKind = await upload(
      office,
      'k.csv',
      csvOf([
        ['code', 'name', 'colour'],
        ['k', 'k', 'red'],
      ]),
    );
    expect(noKind.statusCode).toBe(422);
    expect(noKind.json().error.details.map((d: { message: string }) => d.message)).toEqual([
      'unknown column "colour" (column 3)',
      'missing column 类型 kind',
    ]);
    // Over the 10 MiB upload limit.
    const huge = await upload(office, 'huge.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    expect(huge.statusCode).toBe(413);
    // A .xlsx renamed to .csv is still read as a workbook: the format comes from the content.
    const renamed = await upload(
      office,
      'really-xlsx.csv',
      await xlsxOf([header, ['r-1', '市壬局', 'department', 'city']]),
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
  });

  it('serves templates that parse back through the same parser', async () => {
    const x = await downloadTemplate('xlsx');
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const xbuf = x.rawPayload;
    expect(detectFormat(xbuf)).toBe('xlsx');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xbuf as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(2);
    const titles = (wb.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(titles).toEqual(titledHeader);
    const help = wb.worksheets[1]!;
    const helpText: string[] = [];
    help.eachRow((r) => {
      helpText.push((r.values as unknown[]).join('|'));
    });
    for (const k of ['region', 'department', 'zone', 'vertical', 'enterprise', 'section'])
      expect(helpText.some((t) => t.includes(k))).toBe(true);
    expect(helpText.some((t) => t.includes('dept-example'))).toBe(true);

    // Fill the template in and upload it.
    wb.worksheets[0]!.addRow(['t-1', '市癸局', 'department', 'city', 'city-dept', 'B1', 5]);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const parsed = await parseOrgImport(filled);
    expect(parsed.headerProblems).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        values: {
          code: 't-1',
          name: '市癸局',
          kind: 'department',
          parentCode: 'city',
          systemCode: 'city-dept',
          groupCode: 'B1',
          sortOrder: '5',
        },
      },
    ]);
    expect((await upload(office, 'filled.xlsx', filled)).statusCode).toBe(200);

    const c = await downloadTemplate('csv');
    const cbuf = c.rawPayload;
    expect([...cbuf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvFilled = Buffer.concat([cbuf, Buffer.from('t-2,市子局,department,city,,,\r\n')]);
    const parsedCsv = await parseOrgImport(csvFilled);
    expect(parsedCsv.format).toBe('csv');
    expect(parsedCsv.headerProblems).toEqual([]);
    expect(parsedCsv.rows[0]!.values).toEqual({
      code: 't-2',
      name: '市子局',
      kind: 'department',
      parentCode: 'city',
    });
  });
});

describe('CSV parser', () => {
  it('handles quotes, escaped quotes, embedded line breaks, CRLF and a missing final newline', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n"f\r\ng",,h')).toEqual([
      { line: 1, cells: ['a', 'b,c', 'd "e"'] },
      { line: 2, cells: ['f\r\ng', '', 'h'] },
    ]);
    expect(parseCsv('x\n\ny\n')).toEqual([
      { line: 1, cells: ['x'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['y'] },
    ]);
    expect(() => parseCsv('a,"b\nc')).toThrow(/unterminated quoted field starting on line 1/);
    expect(() => parseCsv('"a"b')).toThrow(/after a closing quote/);
  });
});
