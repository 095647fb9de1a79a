import { beforeAll, describe, expect, it } from 'vitest';
import { officeCookie } from './org-fixture.js';
import { useTestApp } from './use-app.js';

describe('bad input gets a clear 4xx naming the field, and writes nothing', () => {
  const env = useTestApp();
  let cookie: string;
  const count = async () =>
    (await env.database.query<{ n: number }>('select count(*)::int as n from org_node'))[0]!.n;
  const post = (payload: string, contentType = 'application/json') =>
    env.app.inject({
      method: 'POST',
      url: '/api/org-nodes',
      headers: { cookie, 'content-type': contentType },
      payload,
    });

  beforeAll(async () => {
    cookie = await officeCookie(env);
  });

  it('malformed JSON', async () => {
    const r = await post('{"parentId": null, "kind": ');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('VALIDATION_FAILED');
    expect(r.json().error.message).toMatch(/JSON/);
    expect(await count()).toBe(0);
  });

  it('wrong type names the field', async () => {
    const r = await post(JSON.stringify({ parentId: null, kind: 'region', code: 'x1', name: 123 }));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/^body\.name: /);
    expect(r.json().error.details[0].path).toBe('body.name');
  });

  it('an unknown enum value names the field', async () => {
    const r = await post(JSON.stringify({ parentId: null, kind: 'planet', code: 'x1', name: 'n' }));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].path).toBe('body.kind');
  });

  it('unknown fields are rejected by name', async () => {
    const r = await post(
      JSON.stringify({ parentId: null, kind: 'region', code: 'x1', name: 'n', colour: 'red' }),
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('colour');
    expect(await count()).toBe(0);
  });

  it('bodies over 1 MiB get 413', async () => {
    const r = await post(
      JSON.stringify({ parentId: null, kind: 'region', code: 'x1', name: 'x'.repeat(1024 * 1024 + 10) }),
    );
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await count()).toBe(0);
  });

  it('a bad path parameter names the parameter', async () => {
    const r = await env.app.inject({ url: '/api/org-nodes/abc', headers: { cookie } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].path).toBe('params.id');
  });

  it('a duplicate code is a 409 naming the field, and the first node is kept', async () => {
    const body = JSON.stringify({ parentId: null, kind: 'region', code: 'dup', name: '一' });
    expect((await post(body)).statusCode).toBe(201);
    const r = await post(JSON.stringify({ parentId: null, kind: 'region', code: 'dup', name: '二' }));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toMatch(/^code: /);
    expect(await count()).toBe(1);
  });

  it('a stale version is refused with a conflict, never a silent overwrite', async () => {
    const created = (
      await post(JSON.stringify({ parentId: null, kind: 'region', code: 'v1', name: '原名' }))
    ).json();
    // Two editors rename the node, both from the version they read.
    const rename = (name: string) =>
      env.app.inject({
        method: 'PATCH',
        url: `/api/org-nodes/${created.id}`,
        headers: { cookie },
        payload: { name, version: created.version },
      });
    const first = await rename('甲改');
    expect(first.statusCode).toBe(200);
    const second = await rename('乙改');
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('VERSION_CONFLICT');
    const now = await env.app.inject({ url: `/api/org-nodes/${created.id}`, headers: { cookie } });
    expect(now.json().name).toBe('甲改');
  });

  it('every error has the one shape and a request id header', async () => {
    const r = await env.app.inject({ url: '/api/nowhere', headers: { cookie } });
    expect(r.statusCode).toBe(404);
    expect(Object.keys(r.json())).toEqual(['error']);
    expect(r.headers['x-request-id']).toBeTruthy();
  });
});
