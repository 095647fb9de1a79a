import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditActions, errorDetail, jsonOf, makeUser, signIn } from './helpers.js';
import { form } from './multipart.js';
import { buildOrg, injectAsUser, leaderCookie, officeCookie } from './org-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * Innovation projects (issue 12 points 1–3): the office's call (draft → open → closed by the office
 * or its deadline), the units' projects (their own only; locked after the deadline), the expert
 * pool (contact data for the office only; .xlsx import all or nothing) and the judges (automatic
 * with exclusion reasons, manual override with a reason). Units u1 一号局, u2 二号局, u3 三号局.
 */
describe('innovation calls, projects, experts and judges', () => {
  const env = useTestApp();
  const who: Record<string, string> = {};
  let org: Awaited<ReturnType<typeof buildOrg<'u1' | 'u2' | 'u3'>>>;
  let callId: number;
  const project: Record<string, { id: number; version: number }> = {};
  const call = injectAsUser(() => env, who);
  const u1Project = () => project.u1!.id;
  const ok = jsonOf;
  const upload = (user: string, url: string, name: string, data: Buffer) => {
    const { payload, headers } = form(name, data);
    return env.app.inject({ method: 'POST', url, payload, headers: { ...headers, cookie: who[user]! } });
  };
  const names: Record<string, string> = {
    office: 'office',
    u1: 'u1admin',
    u2: 'u2admin',
    judge: 'judge1',
    leader: 'leader1',
  };
  const at = async (iso: string, ...users: string[]) => {
    env.clock.now = new Date(iso);
    for (const k of users) who[k] = await signIn(env, names[k]!);
  };

  async function xlsx(rows: (string | number)[][]) {
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

  beforeAll(async () => {
    who.office = await officeCookie(env);
    who.leader = await leaderCookie(env);
    org = await buildOrg(env, who.office, { u1: '一号局', u2: '二号局', u3: '三号局' }, '市');
    for (const u of ['u1', 'u2'] as const) {
      await makeUser(
        env,
        `${u}admin`,
        [{ role: 'unit_admin', scopeType: 'org', orgNodeId: org.units[u] }],
        org.units[u],
      );
      who[u] = await signIn(env, `${u}admin`);
    }
    await makeUser(env, 'judge1', [{ role: 'expert', scopeType: 'global' }]);
    who.judge = await signIn(env, 'judge1');
  });

  it('the office drafts a call with the four default categories; units do not see a draft', async () => {
    const c = await ok(
      call('office', 'POST', '/api/innovation/calls', {
        year: 2026,
        title: '2026年度改革创新项目',
        deadline: '2026-05-31',
      }),
      201,
    );
    callId = c.id;
    expect(c).toMatchObject({ status: 'draft', projects: 0, can: { edit: true, open: true, close: false } });
    expect(c.categories.map((x: { code: string }) => x.code)).toEqual([
      'party',
      'economy',
      'livelihood',
      'urban',
    ]);
    const twice = await call('office', 'POST', '/api/innovation/calls', {
      year: 2026,
      title: 'x',
      deadline: '2026-05-31',
    });
    expect(twice.statusCode).toBe(409);
    expect(errorDetail(twice)).toMatchObject({ code: 'innovation.call_exists', params: { year: 2026 } });
    const badDay = await call('office', 'POST', '/api/innovation/calls', {
      year: 2027,
      title: 'x',
      deadline: '2027-02-30x',
    });
    expect(badDay.statusCode).toBe(400);
    expect(await ok(call('u1', 'GET', '/api/innovation/calls'))).toEqual([]);
    expect((await call('u1', 'GET', `/api/innovation/calls/${callId}`)).statusCode).toBe(404);
    // Categories are the office's to edit while it is a draft.
    const edited = await ok(
      call('office', 'PATCH', `/api/innovation/calls/${callId}`, {
        categories: [...c.categories, { code: 'other', name: '其他' }],
        version: c.version,
      }),
    );
    expect(edited.categories).toHaveLength(5);
    const stale = await call('office', 'PATCH', `/api/innovation/calls/${callId}`, {
      title: 'y',
      version: c.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const opened = await ok(
      call('office', 'POST', `/api/innovation/calls/${callId}/steps`, {
        action: 'open',
        version: edited.version,
      }),
    );
    expect(opened).toMatchObject({ status: 'open', openedBy: 'office', can: { open: false, close: true } });
    const again = await call('office', 'POST', `/api/innovation/calls/${callId}/steps`, {
      action: 'open',
      version: opened.version,
    });
    expect(again.statusCode).toBe(409);
    expect(errorDetail(again)).toMatchObject({
      code: 'innovation.call_state',
      params: { status: 'open', action: 'open' },
    });
    const cats = await call('office', 'PATCH', `/api/innovation/calls/${callId}`, {
      categories: [{ code: 'x', name: 'x' }],
      version: opened.version,
    });
    expect(cats.statusCode).toBe(409);
    expect(errorDetail(cats)).toMatchObject({
      code: 'innovation.call_state',
      params: { action: 'editCategories' },
    });
    expect(await ok(call('u1', 'GET', '/api/innovation/calls'))).toMatchObject([
      { id: callId, can: { apply: true, open: false } },
    ]);
    expect(await auditActions(env, "object_type = 'innovation_call'")).toEqual([
      'innovation_call.create',
      'innovation_call.update',
      'innovation_call.open',
    ]);
  });

  it('units submit their own projects; another unit’s project is not found', async () => {
    const body = {
      category: 'economy',
      title: '“一网通办”改革',
      summary: '打通部门数据',
      results: '办件时长缩短一半',
    };
    const p1 = await ok(call('u1', 'POST', `/api/innovation/calls/${callId}/projects`, body), 201);
    expect(p1).toMatchObject({
      unitCode: 'u1',
      year: 2026,
      editable: true,
      status: 'submitted',
      attachments: [],
    });
    project.u1 = p1;
    project.u2 = await ok(
      call('u2', 'POST', `/api/innovation/calls/${callId}/projects`, {
        ...body,
        title: '二号局项目',
        category: 'urban',
      }),
      201,
    );
    const badCat = await call('u1', 'POST', `/api/innovation/calls/${callId}/projects`, {
      ...body,
      category: 'nope',
    });
    expect(badCat.statusCode).toBe(400);
    expect(errorDetail(badCat)).toMatchObject({ path: 'category', code: 'innovation.unknown_category' });
    const forOther = await call('u1', 'POST', `/api/innovation/calls/${callId}/projects`, {
      ...body,
      unitId: org.units.u2,
    });
    expect(forOther.statusCode).toBe(404);
    expect((await call('u2', 'GET', `/api/innovation/projects/${p1.id}`)).statusCode).toBe(404);
    expect(
      (await call('u2', 'PATCH', `/api/innovation/projects/${p1.id}`, { title: 'x', version: 1 })).statusCode,
    ).toBe(404);
    expect(
      (
        await upload(
          'u2',
          `/api/innovation/projects/${p1.id}/attachments`,
          'a.pdf',
          Buffer.from('%PDF-1.4 x'),
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await call('office', 'PATCH', `/api/innovation/projects/${p1.id}`, { title: 'x', version: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await ok(call('u2', 'GET', `/api/innovation/calls/${callId}/projects`))).map(
        (p: { title: string }) => p.title,
      ),
    ).toEqual(['二号局项目']);
    expect(await ok(call('office', 'GET', `/api/innovation/calls/${callId}/projects`))).toHaveLength(2);
    expect(await ok(call('leader', 'GET', `/api/innovation/projects/${p1.id}`))).toMatchObject({
      editable: false,
    });
  });

  it('its unit edits a project (versioned) and attaches files until the deadline, then it is locked', async () => {
    const p = project.u1!;
    const edited = await ok(
      call('u1', 'PATCH', `/api/innovation/projects/${p.id}`, {
        results: '办件时长缩短 60%',
        version: p.version,
      }),
    );
    expect(edited).toMatchObject({ results: '办件时长缩短 60%', updatedBy: 'u1admin' });
    const stale = await call('u1', 'PATCH', `/api/innovation/projects/${p.id}`, {
      title: 'x',
      version: p.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const file = await upload(
      'u1',
      `/api/innovation/projects/${p.id}/attachments`,
      '材料.pdf',
      Buffer.from('%PDF-1.4\n%%EOF\n'),
    );
    expect(file.statusCode).toBe(201);
    const fake = await upload(
      'u1',
      `/api/innovation/projects/${p.id}/attachments`,
      'x.pdf',
      Buffer.from('not a pdf'),
    );
    expect(fake.statusCode).toBe(415);
    const got = await ok(call('u1', 'GET', `/api/innovation/projects/${p.id}`));
    expect(got.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['材料.pdf']);
    const dl = await call('leader', 'GET', `/api/evidence/${got.attachments[0].id}`);
    expect(dl.statusCode).toBe(200);
    expect((await call('u2', 'GET', `/api/evidence/${got.attachments[0].id}`)).statusCode).toBe(404);
    project.u1 = got;
    // 31 May is the last day in Beijing: 23:59 there is still open; a minute later it is locked.
    await at('2026-05-31T15:59:00Z', 'u1', 'u2', 'office', 'leader', 'judge');
    expect(await ok(call('u1', 'GET', `/api/innovation/projects/${p.id}`))).toMatchObject({ editable: true });
    await at('2026-05-31T16:01:00Z', 'u1', 'u2', 'office', 'leader', 'judge');
    const late = await call('u1', 'PATCH', `/api/innovation/projects/${p.id}`, {
      title: 'x',
      version: got.version,
    });
    expect(late.statusCode).toBe(409);
    expect(errorDetail(late)).toMatchObject({
      code: 'innovation.project_locked',
      params: { status: 'closed', deadline: '2026-05-31' },
    });
    const lateFile = await upload(
      'u1',
      `/api/innovation/projects/${p.id}/attachments`,
      'b.pdf',
      Buffer.from('%PDF-1.4 b'),
    );
    expect(lateFile.statusCode).toBe(409);
    const lateNew = await call('u1', 'POST', `/api/innovation/calls/${callId}/projects`, {
      category: 'economy',
      title: 'x',
      summary: 'x',
      results: '',
    });
    expect(lateNew.statusCode).toBe(409);
    expect(await ok(call('office', 'GET', `/api/innovation/calls/${callId}`))).toMatchObject({
      status: 'closed',
      projects: 2,
    });
    expect(await auditActions(env, "object_type = 'innovation_project'")).toEqual([
      'innovation_project.create',
      'innovation_project.create',
      'innovation_project.update',
    ]);
  });

  it('the pool: contact data for the office only', async () => {
    const e = await ok(
      call('office', 'POST', '/api/innovation/experts', {
        name: '王教授',
        affiliation: 'university',
        organisation: '华南理工大学',
        fields: ['数字政府'],
        phone: '13800000000',
        email: 'wang@example.edu.cn',
        username: 'judge1',
      }),
      201,
    );
    expect(e).toMatchObject({ contact: { phone: '13800000000' }, username: 'judge1', available: true });
    const twice = await call('office', 'POST', '/api/innovation/experts', {
      name: '王教授',
      affiliation: 'other',
      organisation: '华南理工大学',
    });
    expect(twice.statusCode).toBe(409);
    expect(errorDetail(twice)).toMatchObject({ code: 'innovation.expert_exists' });
    const unknown = await call('office', 'POST', '/api/innovation/experts', {
      name: '李四',
      affiliation: 'other',
      organisation: 'x',
      conflictUnitCodes: ['nope'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(errorDetail(unknown)).toMatchObject({
      path: 'conflictUnitCodes',
      code: 'innovation.unknown_unit',
    });
    // Availability, conflicts and contact change with the version read; a stale one is refused.
    const changed = await ok(
      call('office', 'PATCH', `/api/innovation/experts/${e.id}`, {
        available: false,
        conflictUnitCodes: ['u3'],
        email: null,
        version: e.version,
      }),
    );
    expect(changed).toMatchObject({
      available: false,
      conflicts: [{ unitCode: 'u3' }],
      contact: { phone: '13800000000', email: null },
    });
    const stale = await call('office', 'PATCH', `/api/innovation/experts/${e.id}`, {
      available: true,
      version: e.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    await ok(
      call('office', 'PATCH', `/api/innovation/experts/${e.id}`, {
        available: true,
        conflictUnitCodes: [],
        version: changed.version,
      }),
    );
    expect(await auditActions(env, "object_type = 'expert'")).toEqual([
      'expert.create',
      'expert.update',
      'expert.update',
    ]);
    const byLeader = await ok(call('leader', 'GET', '/api/innovation/experts'));
    expect(byLeader[0]).toMatchObject({ name: '王教授', contact: null, username: null });
    expect(JSON.stringify(byLeader)).not.toContain('13800000000');
    expect((await call('u1', 'GET', '/api/innovation/experts')).statusCode).toBe(403);
    expect((await call('judge', 'GET', '/api/innovation/experts')).statusCode).toBe(403);
    // Sealed at rest, and the trail holds no contact data.
    const raw = await env.database.query<{ contact_sealed: string }>('select contact_sealed from expert');
    expect(raw[0]!.contact_sealed).toMatch(/^sm4:/);
    const trail = await env.database.query<{ after: unknown }>(
      "select after from audit_log where object_type = 'expert'",
    );
    expect(JSON.stringify(trail)).not.toContain('13800000000');
  });

  it('imports experts from .xlsx: every line problem in the preview, nothing written while any', async () => {
    const bad = await xlsx([
      HEADER,
      ['陈工', '企业', '一号局', '智慧城市', '', '', '是', '', ''],
      ['', '高校', '中山大学', '', '', '', '', '', ''],
      ['赵研究员', '研究所', '社科院', '', '', 'not-mail', '也许', 'zz', 'u1、qq'],
      ['陈工', '企业', '一号局', '', '', '', '', '', ''],
    ]);
    const preview = await ok(
      upload('office', '/api/innovation/experts/import/preview', 'experts.xlsx', bad) as never,
    );
    expect(preview.rows.map((r: { line: number }) => r.line)).toEqual([2]);
    expect(
      preview.problems.map(
        (p: { line: number; field: string; code: string }) => `${p.line} ${p.field} ${p.code}`,
      ),
    ).toEqual([
      '3 name value_required',
      '4 affiliation bad_affiliation',
      '4 email bad_email',
      '4 available bad_flag',
      '4 memberUnit unknown_unit',
      '4 conflicts unknown_unit',
      '5 name duplicate',
    ]);
    const refused = await upload('office', '/api/innovation/experts/import', 'experts.xlsx', bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toHaveLength(7);
    expect(await ok(call('office', 'GET', '/api/innovation/experts'))).toHaveLength(1);
    const good = await xlsx([
      HEADER,
      ['陈工', '企业', '一号局', '智慧城市、数据治理', '020-12345678', 'chen@example.com', '是', '', ''],
      ['周处长', '政府', '区政务服务局', '政务服务', '', '', '是', 'u2', ''],
      ['吴博士', '高校', '暨南大学', '营商环境', '', '', '是', '', 'u1'],
      ['郑老师', '其他', '广州行政学院', '', '', '', '否', '', ''],
    ]);
    const ok2 = await ok(
      upload('office', '/api/innovation/experts/import/preview', 'experts.xlsx', good) as never,
    );
    expect(ok2.problems).toEqual([]);
    expect(ok2.rows).toHaveLength(4);
    expect(JSON.stringify(ok2)).not.toContain('chen@example.com');
    expect(
      await ok(upload('office', '/api/innovation/experts/import', 'experts.xlsx', good) as never, 201),
    ).toEqual({ created: 4 });
    const pool = await ok(call('office', 'GET', '/api/innovation/experts'));
    expect(pool.find((e: { name: string }) => e.name === '吴博士').conflicts).toMatchObject([
      { unitCode: 'u1' },
    ]);
    expect(pool.find((e: { name: string }) => e.name === '周处长').memberUnit).toMatchObject({
      unitCode: 'u2',
    });
    expect(pool.find((e: { name: string }) => e.name === '陈工').contact).toEqual({
      phone: '020-12345678',
      email: 'chen@example.com',
    });
    expect((await upload('u1', '/api/innovation/experts/import/preview', 'x.xlsx', good)).statusCode).toBe(
      403,
    );
    expect(await auditActions(env, "action = 'expert.import'")).toHaveLength(4);
    const project = await ok(call('office', 'GET', `/api/innovation/projects/${u1Project()}`));
    expect(project.categoryName).toBe('经济发展');
  });

  it('assigns judges automatically, says why each other expert is excluded, and audits overrides', async () => {
    const board = await ok(
      call('office', 'POST', `/api/innovation/calls/${callId}/assignments/auto`, {
        mode: 'perProject',
        n: 2,
      }),
    );
    const of = (id: number) => board.projects.find((p: { projectId: number }) => p.projectId === id);
    const p1 = of(project.u1!.id);
    const p2 = of(project.u2!.id);
    const ids = Object.fromEntries(
      board.experts.map((e: { name: string; expertId: number }) => [e.name, e.expertId]),
    );
    // u1 (一号局): 陈工 works there, 吴博士 declared a conflict, 郑老师 is unavailable.
    expect(p1.judges.map((j: { name: string }) => j.name).sort()).toEqual(['周处长', '王教授'].sort());
    expect(p1.excluded).toEqual([
      {
        expertId: ids.陈工,
        name: '陈工',
        reasons: [{ code: 'same_organisation', params: { organisation: '一号局' } }],
      },
      {
        expertId: ids.吴博士,
        name: '吴博士',
        reasons: [{ code: 'declared_conflict', params: { unit: 'u1' } }],
      },
      { expertId: ids.郑老师, name: '郑老师', reasons: [{ code: 'unavailable', params: {} }] },
    ]);
    expect(
      p2.excluded.map(
        (x: { name: string; reasons: { code: string }[] }) => `${x.name}:${x.reasons[0]!.code}`,
      ),
    ).toEqual(['周处长:member_of_unit', '郑老师:unavailable']);
    expect(p2.judges).toHaveLength(2);
    expect(board.shortfalls).toEqual([]);
    expect(board.wanted).toBe(2);
    const loads = board.experts
      .filter((e: { available: boolean }) => e.available)
      .map((e: { load: number }) => e.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    // Overrides need a reason; an excluded expert is refused.
    const noReason = await call('office', 'POST', `/api/innovation/calls/${callId}/assignments`, {
      projectId: project.u1!.id,
      expertId: ids.吴博士,
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    const excluded = await call('office', 'POST', `/api/innovation/calls/${callId}/assignments`, {
      projectId: project.u1!.id,
      expertId: ids.吴博士,
      reason: '熟悉该领域',
    });
    expect(excluded.statusCode).toBe(409);
    expect(errorDetail(excluded)).toMatchObject({
      code: 'innovation.expert_excluded',
      params: { reasons: 'declared_conflict' },
    });
    const judge = p1.judges.find((j: { name: string }) => j.name === '王教授');
    const removed = await ok(
      call('office', 'POST', `/api/innovation/assignments/${judge.id}/remove`, { reason: '临时出差' }),
    );
    const afterRemove = removed.projects.find((p: { projectId: number }) => p.projectId === project.u1!.id);
    expect(afterRemove.judges.map((j: { name: string }) => j.name)).toEqual(['周处长']);
    expect(removed.shortfalls).toEqual([{ projectId: project.u1!.id, wanted: 2, got: 1 }]);
    const added = await ok(
      call('office', 'POST', `/api/innovation/calls/${callId}/assignments`, {
        projectId: project.u1!.id,
        expertId: ids.王教授,
        reason: '出差取消，恢复',
      }),
      201,
    );
    const manual = added.projects
      .find((p: { projectId: number }) => p.projectId === project.u1!.id)
      .judges.find((j: { name: string }) => j.name === '王教授');
    expect(manual).toMatchObject({ how: 'manual', reason: '出差取消，恢复', assignedBy: 'office' });
    const twice = await call('office', 'POST', `/api/innovation/calls/${callId}/assignments`, {
      projectId: project.u1!.id,
      expertId: ids.王教授,
      reason: 'x',
    });
    expect(twice.statusCode).toBe(409);
    // A new automatic run keeps the manual judge.
    const rerun = await ok(
      call('office', 'POST', `/api/innovation/calls/${callId}/assignments/auto`, {
        mode: 'panelPerCategory',
        n: 2,
      }),
    );
    expect(
      rerun.projects
        .find((p: { projectId: number }) => p.projectId === project.u1!.id)
        .judges.filter((j: { how: string }) => j.how === 'manual'),
    ).toHaveLength(1);
    expect(await auditActions(env, "action like 'innovation_assignment.%'")).toEqual([
      'innovation_assignment.auto',
      'innovation_assignment.remove',
      'innovation_assignment.add',
      'innovation_assignment.auto',
    ]);
    const trail = await env.database.query<{ after: { reason: string } }>(
      "select after from audit_log where action = 'innovation_assignment.remove'",
    );
    expect(trail[0]!.after.reason).toBe('临时出差');
    expect((await call('leader', 'GET', `/api/innovation/calls/${callId}/assignments`)).statusCode).toBe(403);
  });

  it('an expert sees only the projects assigned to them, without anyone’s contact data', async () => {
    const mine = await ok(call('judge', 'GET', '/api/innovation/my-projects'));
    const board = await ok(call('office', 'GET', `/api/innovation/calls/${callId}/assignments`));
    const wang = board.experts.find((e: { name: string }) => e.name === '王教授').expertId;
    const assigned = board.projects
      .filter((p: { judges: { expertId: number }[] }) => p.judges.some((j) => j.expertId === wang))
      .map((p: { projectId: number }) => p.projectId)
      .sort();
    expect(mine.map((p: { id: number }) => p.id).sort()).toEqual(assigned);
    expect(JSON.stringify(mine)).not.toMatch(/13800000000|chen@example.com|judges/);
    const other = [project.u1!.id, project.u2!.id].find((id) => !assigned.includes(id));
    if (other) expect((await call('judge', 'GET', `/api/innovation/projects/${other}`)).statusCode).toBe(404);
    expect((await call('judge', 'GET', `/api/innovation/projects/${assigned[0]}`)).statusCode).toBe(200);
    expect((await call('u1', 'GET', '/api/innovation/my-projects')).statusCode).toBe(403);
  });

  it('the routes are in the API document', async () => {
    const doc = (await env.app.inject({ url: '/api/openapi.json' })).json();
    for (const p of [
      '/api/innovation/calls',
      '/api/innovation/experts/import',
      '/api/innovation/calls/{id}/assignments/auto',
    ])
      expect(doc.paths[p], p).toBeDefined();
  });
});
