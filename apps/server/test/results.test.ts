import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn, type TestEnv, testApp } from './helpers.js';
import { tinyInput, tinyPlan } from './plans-fixture.js';

describe('data, evaluation and results', () => {
  let env: TestEnv;
  let office: string;
  let plan: number;
  const units: Record<string, number> = {};
  const api = (method: string, url: string, payload?: unknown, cookie = office) =>
    env.app.inject({ method: method as 'GET', url, headers: { cookie }, payload: payload as never });
  const created = async (method: string, url: string, payload: unknown) => {
    const r = await api(method, url, payload);
    if (r.statusCode >= 300) throw new Error(`${url}: ${r.body}`);
    return r.json();
  };
  const upload = (url: string, filename: string, content: string) => {
    const boundary = '----jixiaodata';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return env.app.inject({
      method: 'POST',
      url,
      headers: { cookie: office, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  };

  beforeAll(async () => {
    env = await testApp();
    await makeUser(env, 'office', [{ role: 'office_admin', scopeType: 'global' }]);
    office = await signIn(env, 'office');
    const system = (await created('POST', '/api/systems', { code: 'city-dept', name: '市直机关' })).id;
    const category = (
      await created('POST', '/api/categories', { systemId: system, code: 'A', name: '党群口' })
    ).id;
    const group = (await created('POST', '/api/groups', { categoryId: category, code: 'A', name: '党群口' }))
      .id;
    const city = (
      await created('POST', '/api/org-nodes', { parentId: null, kind: 'region', code: 'city', name: '市' })
    ).id;
    for (const [code, name] of [
      ['u1', '一号局'],
      ['u2', '二号局'],
      ['u3', '三号局'],
    ])
      units[code!] = (
        await created('POST', '/api/org-nodes', {
          parentId: city,
          kind: 'department',
          code,
          name,
          systemId: system,
          groupId: group,
        })
      ).id;
    await makeUser(
      env,
      'filler1',
      [{ role: 'unit_filler', scopeType: 'org', orgNodeId: units.u1! }],
      units.u1!,
    );
    const p = await created('POST', '/api/plans', {
      systemId: system,
      year: 2026,
      name: '小方案',
      document: tinyPlan(),
    });
    plan = p.id;
    await created('POST', `/api/plans/${plan}/activate`, { version: p.version });
  });
  afterAll(() => env.close());

  it('rejects an upload with bad rows, listing each line, and stores nothing', async () => {
    const csv = [
      'unit,indicator,period,value,kind',
      'u1,I1,2026-Y,90,value',
      'u1,I1,2026-Y,100,target',
      'u9,I1,2026-Y,50,value', // unknown unit
      'u2,I7,2026-Y,50,value', // unknown indicator
      'u3,I2,2026-Y,abc,value', // not a number
      'u2,I2,2026-Y,50,target',
    ].join('\n');
    const res = await upload(`/api/plans/${plan}/data?period=2026-Y`, 'data.csv', csv);
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe('IMPORT_REJECTED');
    expect(err.details.map((d: { line: number; field: string }) => [d.line, d.field])).toEqual([
      [4, 'unit'],
      [5, 'indicator'],
      [6, 'value'],
    ]);
    const data = (await api('GET', `/api/plans/${plan}/data?period=2026-Y`)).json();
    expect(data).toMatchObject({ version: 0, rows: 0 });
  });

  it('rejects rows of another period', async () => {
    const res = await upload(
      `/api/plans/${plan}/data?period=2026-Y`,
      'data.csv',
      'unit,indicator,period,value\nu1,I1,2026-13,90\nu1,I1,2025-Y,90\n',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { line: number }) => d.line)).toEqual([2, 3]);
  });

  it('evaluates a tiny plan to hand-computed totals, ranks and grades', async () => {
    // I1 60 points, I2 40 points, completion = value / target × points.
    // u1: 90/100·60 = 54.00, 40/50·40 = 32.00 → 86.00 良好
    // u2: 100/100·60 = 60.00, 50/50·40 = 40.00 → 100.00 优秀
    // u3: 60/100·60 = 36.00, 35/50·40 = 28.00 → 64.00 合格 (minus a deduction of 1.50 → 62.50)
    const rows = [
      'unit,indicator,period,value,kind,reason',
      ...Object.entries({ u1: [90, 100, 40, 50], u2: [100, 100, 50, 50], u3: [60, 100, 35, 50] }).flatMap(
        ([u, [v1, t1, v2, t2]]) => [
          `${u},I1,2026-Y,${v1},value,`,
          `${u},I1,2026-Y,${t1},target,`,
          `${u},I2,2026-Y,${v2},value,`,
          `${u},I2,2026-Y,${t2},target,`,
        ],
      ),
      'u3,,2026-Y,1.5,deduction,督查通报',
    ];
    const up = await upload(`/api/plans/${plan}/data?period=2026-Y`, 'data.csv', rows.join('\r\n'));
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ version: 1, rows: 6 });

    const res = await api('POST', `/api/plans/${plan}/evaluate`, { period: '2026-Y' });
    expect(res.statusCode).toBe(200);
    const run = res.json();
    const by = Object.fromEntries(run.units.map((u: { unit: string }) => [u.unit, u]));
    expect(by.u1).toMatchObject({ total: 86, base: 86, rank: 2, unitId: units.u1, grade: { code: 'good' } });
    expect(by.u1.components).toEqual([{ code: 'main', name: '目标任务', score: 86, full: 100 }]);
    expect(by.u2).toMatchObject({ total: 100, rank: 1, grade: { code: 'excellent', name: '优秀' } });
    expect(by.u3).toMatchObject({ total: 62.5, base: 64, deductions: 1.5, rank: 3, grade: { code: 'pass' } });

    const trace = (await api('GET', `/api/plans/${plan}/results/u1/trace?period=2026-Y`)).json();
    expect(trace.unit).toBe('u1');
    expect(trace.total.value).toBe(86);
    expect(JSON.stringify(trace.components)).toContain('I1');
  });

  it('a unit filler sees only its own unit and no other unit trace', async () => {
    const filler = await signIn(env, 'filler1');
    const res = await api('GET', `/api/plans/${plan}/results?period=2026-Y`, undefined, filler);
    expect(res.statusCode).toBe(200);
    expect(res.json().units.map((u: { unit: string }) => u.unit)).toEqual(['u1']);
    expect(JSON.stringify(res.json().rankings)).not.toContain('u2');
    expect(
      (await api('GET', `/api/plans/${plan}/results/u1/trace?period=2026-Y`, undefined, filler)).statusCode,
    ).toBe(200);
    expect(
      (await api('GET', `/api/plans/${plan}/results/u2/trace?period=2026-Y`, undefined, filler)).statusCode,
    ).toBe(404);
    // The unit reads its plan but not the office's data sheet.
    expect((await api('GET', `/api/plans/${plan}`, undefined, filler)).statusCode).toBe(200);
    expect((await api('GET', `/api/plans/${plan}/data?period=2026-Y`, undefined, filler)).statusCode).toBe(
      403,
    );
  });

  it('saves edited inputs with a version check and refuses unknown codes with 422', async () => {
    const data = (await api('GET', `/api/plans/${plan}/data?period=2026-Y`)).json();
    const input = tinyInput('2026-Y', {
      u1: [95, 100, 40, 50],
      u2: [100, 100, 50, 50],
      u3: [60, 100, 35, 50],
    });
    const ok = await api('PUT', `/api/plans/${plan}/data?period=2026-Y`, { input, version: data.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(data.version + 1);
    const stale = await api('PUT', `/api/plans/${plan}/data?period=2026-Y`, { input, version: data.version });
    expect(stale.statusCode).toBe(409);
    const bad = await api('PUT', `/api/plans/${plan}/data?period=2026-Y`, {
      input: { values: [{ unit: 'nobody', indicator: 'I1', value: 1 }] },
      version: data.version + 1,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('INPUT_INVALID');
    const run = (await api('POST', `/api/plans/${plan}/evaluate`, { period: '2026-Y' })).json();
    expect(run.units.find((u: { unit: string }) => u.unit === 'u1').total).toBe(89); // 57 + 32
  });

  it('answers 404 for a period without results', async () => {
    const res = await api('GET', `/api/plans/${plan}/results?period=2026-H1`);
    expect(res.statusCode).toBe(404);
  });
});
