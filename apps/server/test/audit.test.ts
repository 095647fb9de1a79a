import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/modules/audit/audit.service.js';
import { officeCookie } from './org-fixture.js';
import { useTestApp } from './use-app.js';

describe('audit trail', () => {
  const env = useTestApp();
  let office: string;
  let nodeId: number;

  beforeAll(async () => {
    office = await officeCookie(env);
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/org-nodes',
      headers: { cookie: office, 'x-request-id': 'req-create-0001' },
      payload: { parentId: null, kind: 'region', code: 'city', name: '示范市' },
    });
    nodeId = created.json().id;
    await env.app.inject({
      method: 'PATCH',
      url: `/api/org-nodes/${nodeId}`,
      headers: { cookie: office },
      payload: { name: '示范市（改）', version: 1 },
    });
  });

  it('records who changed what, before and after, with the request id', async () => {
    const r = await env.app.inject({
      url: `/api/audit-events?objectType=org_node&objectId=${nodeId}`,
      headers: { cookie: office },
    });
    const items = r.json().items;
    expect(items.map((i: { action: string }) => i.action)).toEqual(['org_node.update', 'org_node.create']);
    const [update, create] = items;
    expect(update.actorName).toBe('office');
    expect(update.before.name).toBe('示范市');
    expect(update.after.name).toBe('示范市（改）');
    expect(create.requestId).toBe('req-create-0001');
  });

  it('filters by actor and date', async () => {
    const byActor = await env.app.inject({
      url: '/api/audit-events?actor=office&action=auth.login',
      headers: { cookie: office },
    });
    expect(byActor.json().total).toBe(1);
    const day = env.clock.now.toISOString().slice(0, 10);
    const inDay = await env.app.inject({
      url: `/api/audit-events?from=${day}&to=${day}`,
      headers: { cookie: office },
    });
    expect(inDay.json().total).toBeGreaterThanOrEqual(3);
    const before = await env.app.inject({
      url: '/api/audit-events?to=2020-01-01',
      headers: { cookie: office },
    });
    expect(before.json().total).toBe(0);
  });

  it('the database refuses updates and deletes of audit rows', async () => {
    await expect(env.database.exec("update audit_log set action = 'x' where id = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(env.database.exec('delete from audit_log where id = 1')).rejects.toThrow(/append-only/);
  });

  it('no route changes or deletes audit rows', () => {
    const writes = env.app.routeTable.filter((r) => r.url.startsWith('/api/audit') && r.method !== 'GET');
    expect(writes).toEqual([]);
  });

  it('verification finds a row changed behind the application’s back', async () => {
    expect((await verifyAudit(env.deps)).problem).toBeNull();
    const ok = await env.app.inject({ url: '/api/audit-events/verify', headers: { cookie: office } });
    expect(ok.json()).toMatchObject({ ok: true, firstBadId: null });

    // Someone with database access disables the trigger and edits history.
    await env.database.exec('alter table audit_log disable trigger user');
    await env.database.exec(`update audit_log set after = '{"name":"伪造"}' where id = 3`);
    await env.database.exec('alter table audit_log enable trigger user');
    const res = await verifyAudit(env.deps);
    expect(res.problem).toMatchObject({ id: 3, problem: 'changed' });
    const bad = await env.app.inject({ url: '/api/audit-events/verify', headers: { cookie: office } });
    expect(bad.json()).toMatchObject({ ok: false, firstBadId: 3, problem: 'changed' });
  });
});
