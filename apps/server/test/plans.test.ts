import { getTemplate } from '@jixiao/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { listRevisions, noteOf } from '../src/modules/plans/plans.repository.js';
import { officeCookie, poster } from './org-fixture.js';
import { useTestApp } from './use-app.js';

describe('plans: create, save, activate, clone, diff, export/import', () => {
  const env = useTestApp();
  let office: string;
  let system: number;
  const api = (method: string, url: string, payload?: unknown, cookie = office) =>
    env.app.inject({ method: method as 'GET', url, headers: { cookie }, payload: payload as never });

  /** A draft plan made from the shipped Wuxi template. */
  const fromWuxi = async (year: number, name: string) =>
    (
      await api('POST', '/api/plans', { systemId: system, year, name, templateId: 'wuxi-departments-2016' })
    ).json();

  beforeAll(async () => {
    office = await officeCookie(env);
    system = (await poster(env, office)('/api/systems', { code: 'city-dept', name: '市直机关' })).id;
  });

  it('lists the shipped templates', async () => {
    const res = await api('GET', '/api/plan-templates');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toContainEqual(expect.objectContaining({ id: 'wuxi-departments-2016', year: 2016 }));
  });

  it('creates a plan from a template, valid, and activates it', async () => {
    const res = await api('POST', '/api/plans', {
      systemId: system,
      year: 2026,
      name: '2026 市直机关考评方案',
      templateId: 'wuxi-departments-2016',
    });
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({ status: 'draft', version: 1, revision: 1, errorCount: 0, issues: [] });
    expect(plan.document.year).toBe(2026);
    expect(plan.document.indicators).toHaveLength(
      getTemplate('wuxi-departments-2016')!.plan.indicators.length,
    );

    const act = await api('POST', `/api/plans/${plan.id}/activate`, { version: plan.version });
    expect(act.statusCode).toBe(200);
    expect(act.json()).toMatchObject({ status: 'active', version: 2 });
    expect(act.json().activatedAt).toBeTruthy();

    // Active plans are locked.
    const save = await api('PUT', `/api/plans/${plan.id}`, { document: plan.document, version: 2 });
    expect(save.statusCode).toBe(409);
    expect(save.json().error.code).toBe('CONFLICT');
    expect(save.json().error.message).toMatch(/clone/);

    const list = (await api('GET', `/api/plans?systemId=${system}&year=2026`)).json();
    expect(list.map((p: { id: number; status: string }) => [p.id, p.status])).toEqual([[plan.id, 'active']]);
  });

  it('refuses a save with a stale version and keeps the document', async () => {
    const plan = await fromWuxi(2027, '草稿');
    const doc = structuredClone(plan.document);
    doc.description = 'first edit';
    const ok = await api('PUT', `/api/plans/${plan.id}`, { document: doc, version: 1, note: 'edit 1' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, revision: 2 });

    const stale = structuredClone(plan.document);
    stale.description = 'lost update';
    const res = await api('PUT', `/api/plans/${plan.id}`, { document: stale, version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('VERSION_CONFLICT');
    const now = (await api('GET', `/api/plans/${plan.id}`)).json();
    expect(now.document.description).toBe('first edit');
    expect(now.version).toBe(2);

    const revs = (await api('GET', `/api/plans/${plan.id}/revisions`)).json();
    expect(revs.map((r: { revision: number; note: unknown }) => [r.revision, r.note])).toEqual([
      [2, { code: 'text', params: { text: 'edit 1' } }],
      [1, { code: 'plan.from_template', params: { templateId: 'wuxi-departments-2016' } }],
    ]);
    // The previous document is kept and diffable.
    const diff = (await api('GET', `/api/plans/${plan.id}/diff?revision=1`)).json();
    expect(diff).toEqual([
      {
        kind: 'changed',
        path: 'description',
        code: null,
        before: plan.document.description,
        after: 'first edit',
      },
    ]);
  });

  it('stores an invalid draft and refuses to activate it, listing every error', async () => {
    const doc = structuredClone(getTemplate('wuxi-departments-2016')!.plan);
    doc.indicators[0]!.points = 30; // T1 20 → 30: target component sums to 60, not 50
    delete doc.indicators[5]!.method; // D2 has no method
    const created = await api('POST', '/api/plans', {
      systemId: system,
      year: 2028,
      name: '有错的方案',
      document: doc,
    });
    expect(created.statusCode).toBe(201);
    const plan = created.json();
    expect(plan.status).toBe('draft');
    expect(plan.errorCount).toBeGreaterThanOrEqual(2);

    const res = await api('POST', `/api/plans/${plan.id}/activate`, { version: plan.version });
    expect(res.statusCode).toBe(422);
    const body = res.json().error;
    expect(body.code).toBe('PLAN_INVALID');
    expect(body.details).toHaveLength(plan.errorCount);
    const ofIndicator = body.details.map((d: { indicator: string | null }) => d.indicator);
    expect(ofIndicator).toContain('D2');
    // Issues travel as codes and params; the message of the error says them in English.
    expect(body.details).toContainEqual(
      expect.objectContaining({ code: 'missing_method', indicator: 'D2', params: { indicator: 'D2' } }),
    );
    expect(body.details).toContainEqual(
      expect.objectContaining({
        code: 'points_sum_component',
        params: expect.objectContaining({ component: 'target', sum: 60, expected: 50 }),
      }),
    );
    expect(body.details.every((d: object) => !('message' in d))).toBe(true);
    expect(body.message).toMatch(/indicator D2: no scoring method/);
    expect((await api('GET', `/api/plans/${plan.id}`)).json().status).toBe('draft');
  });

  it('clones a plan into a new year and diffs exactly the changed points', async () => {
    const src = await fromWuxi(2029, '考评方案 2029');
    const res = await api('POST', `/api/plans/${src.id}/clone`, { year: 2030 });
    expect(res.statusCode).toBe(201);
    const clone = res.json();
    expect(clone).toMatchObject({ year: 2030, name: '考评方案 2030', clonedFromId: src.id, status: 'draft' });
    expect(clone.document.year).toBe(2030);
    // The revision note is stored as data, not as English text: the web says it in Chinese.
    const [stored] = await listRevisions(env.database.db, clone.id);
    expect(stored).toMatchObject({
      note: null,
      noteCode: 'plan.cloned',
      noteParams: { planId: src.id, year: 2029 },
    });
    expect((await api('GET', `/api/plans/${clone.id}/revisions`)).json()[0].note).toEqual({
      code: 'plan.cloned',
      params: { planId: src.id, year: 2029 },
    });

    const doc = structuredClone(clone.document);
    const ind = (code: string) => doc.indicators.find((i: { code: string }) => i.code === code);
    ind('T1').points = 18;
    ind('T4').points = 7;
    // Reordering alone is not a change.
    doc.indicators.reverse();
    const saved = await api('PUT', `/api/plans/${clone.id}`, { document: doc, version: clone.version });
    expect(saved.statusCode).toBe(200);

    const diff = (await api('GET', `/api/plans/${clone.id}/diff?againstPlanId=${src.id}`)).json();
    expect(diff).toEqual([
      { kind: 'changed', path: 'name', code: null, before: '考评方案 2029', after: '考评方案 2030' },
      { kind: 'changed', path: 'year', code: null, before: 2029, after: 2030 },
      { kind: 'changed', path: 'indicators[T1].points', code: 'T1', before: 20, after: 18 },
      { kind: 'changed', path: 'indicators[T4].points', code: 'T4', before: 5, after: 7 },
    ]);
    // Without a query the diff is against the plan it was cloned from.
    expect((await api('GET', `/api/plans/${clone.id}/diff`)).json()).toEqual(diff);
  });

  it('reads a revision saved as free text before notes were data as a text note', () => {
    expect(noteOf({ note: 'cloned from plan 1 (2025)', noteCode: null, noteParams: null })).toEqual({
      code: 'text',
      params: { text: 'cloned from plan 1 (2025)' },
    });
    expect(noteOf({ note: null, noteCode: null, noteParams: null })).toBeNull();
    // A code this version does not know is shown as it is rather than dropped.
    expect(noteOf({ note: null, noteCode: 'plan.future', noteParams: {} })).toEqual({
      code: 'text',
      params: { text: 'plan.future' },
    });
  });

  it('exports YAML and imports it back to the identical document', async () => {
    const plan = await fromWuxi(2031, '导出');
    const yml = await api('GET', `/api/plans/${plan.id}/export?format=yaml`);
    expect(yml.statusCode).toBe(200);
    expect(yml.headers['content-disposition']).toMatch(
      /attachment; filename="wuxi-departments-2016-2031\.yaml"/,
    );
    expect(yml.body).toMatch(/^format: jixiao-plan\/1/m);

    const target = (
      await api('POST', '/api/plans', { systemId: system, year: 2031, name: '导入目标' })
    ).json();
    expect(target.errorCount).toBeGreaterThan(0); // the empty skeleton
    const res = await upload(`/api/plans/${target.id}/import`, 'plan.yaml', yml.body);
    expect(res.statusCode).toBe(200);
    expect(res.json().document).toEqual(plan.document);
    expect(res.json()).toMatchObject({ revision: 2, errorCount: 0 });

    const json = await api('GET', `/api/plans/${plan.id}/export?format=json`);
    expect(JSON.parse(json.body)).toEqual(plan.document);
  });

  it('reports the line of a broken plan file', async () => {
    const target = (await api('POST', '/api/plans', { systemId: system, year: 2032, name: '坏文件' })).json();
    const yaml = await upload(
      `/api/plans/${target.id}/import`,
      'p.yaml',
      'format: jixiao-plan/1\nid: x\nname: [unclosed\n',
    );
    expect(yaml.statusCode).toBe(400);
    expect(yaml.json().error.message).toMatch(/line \d+/);
    const json = await upload(
      `/api/plans/${target.id}/import`,
      'p.json',
      '{\n  "format": "jixiao-plan/1",\n  "id": x\n}',
    );
    expect(json.statusCode).toBe(400);
    expect(json.json().error.details[0].line).toBe(3);
    // The problem travels as a plan-issue code and params, rendered by the web in its language.
    expect(json.json().error.details[0]).toMatchObject({ code: 'file.json_at', params: { line: 3 } });
    expect(yaml.json().error.details[0]).toMatchObject({ code: 'file.yaml', path: 'file' });
  });

  it('AHP: a consistent 3×3 matrix gives 4/7, 2/7, 1/7 with CR 0', async () => {
    const res = await api('POST', '/api/ahp', {
      matrix: [
        [1, 2, 4],
        [1 / 2, 1, 2],
        [1 / 4, 1 / 2, 1],
      ],
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.weights[0]).toBeCloseTo(4 / 7, 6);
    expect(r.weights[1]).toBeCloseTo(2 / 7, 6);
    expect(r.weights[2]).toBeCloseTo(1 / 7, 6);
    expect(r.cr).toBeCloseTo(0, 6);
    expect(r.consistent).toBe(true);

    const bad = await api('POST', '/api/ahp', {
      matrix: [
        [1, 9, 1 / 9],
        [1 / 9, 1, 9],
        [9, 1 / 9, 1],
      ],
    });
    expect(bad.statusCode).toBe(200);
    expect(bad.json().consistent).toBe(false);
    expect(bad.json().message).toMatch(/inconsistent/);
  });

  const upload = (url: string, filename: string, content: string) => {
    const boundary = '----jixiaotest';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
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
});
