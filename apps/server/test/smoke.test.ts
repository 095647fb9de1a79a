import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn } from './helpers.js';
import { useTestApp } from './use-app.js';

describe('platform smoke', () => {
  const env = useTestApp();
  beforeAll(async () => {
    await makeUser(env, 'office', [{ role: 'office_admin', scopeType: 'global' }]);
  });

  it('signs in and lists an empty organisation', async () => {
    const cookie = await signIn(env, 'office');
    const me = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().permissions).toContain('org.write');
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/org-nodes',
      headers: { cookie },
      payload: { parentId: null, kind: 'region', code: 'city', name: '示范市' },
    });
    expect(created.statusCode).toBe(201);
    const list = await env.app.inject({ method: 'GET', url: '/api/org-nodes', headers: { cookie } });
    expect(list.json().map((n: { name: string }) => n.name)).toEqual(['示范市']);
  });
});
