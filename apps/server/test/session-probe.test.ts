import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn, testApp } from './helpers.js';
import { useTestApp } from './use-app.js';

/** The UI's "who am I" probe, and the password-change state as the user list shows it. */
describe('GET /api/auth/session', () => {
  const env = useTestApp();
  beforeAll(async () => {
    await makeUser(env, 'alice', [{ role: 'office_admin', scopeType: 'global' }]);
  });

  const probe = (cookie?: string) =>
    env.app.inject({ url: '/api/auth/session', headers: cookie ? { cookie } : {} });

  it('answers 200 { user: null } without a session', async () => {
    const res = await probe();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null, expired: false });
  });

  it('says expired for a dead session cookie', async () => {
    const res = await probe('jixiao_session=not-a-session');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null, expired: true });
  });

  it('returns the signed-in user as /api/auth/me does', async () => {
    const cookie = await signIn(env, 'alice');
    const res = await probe(cookie);
    expect(res.statusCode).toBe(200);
    const me = (await env.app.inject({ url: '/api/auth/me', headers: { cookie } })).json();
    expect(res.json()).toEqual({ user: me, expired: false });
    expect(me.username).toBe('alice');
  });
});

describe('the user list shows the password change that really happens', () => {
  const withFlag = async (demo: boolean) => {
    const env = await testApp({ demo });
    try {
      await makeUser(env, 'office', [{ role: 'office_admin', scopeType: 'global' }]);
      await makeUser(env, 'newbie', [{ role: 'observer', scopeType: 'global' }], null, {
        mustChangePassword: true,
      });
      const cookie = await signIn(env, 'office');
      const list = (await env.app.inject({ url: '/api/users?pageSize=100', headers: { cookie } })).json();
      const newbie = list.items.find((u: { username: string }) => u.username === 'newbie');
      const me = (
        await env.app.inject({ url: '/api/auth/session', headers: { cookie: await signIn(env, 'newbie') } })
      ).json();
      return {
        listed: newbie.mustChangePassword as boolean,
        atSignIn: me.user.mustChangePassword as boolean,
      };
    } finally {
      await env.close();
    }
  };

  it('demo mode skips the forced change, so the list does not claim it', async () => {
    expect(await withFlag(true)).toEqual({ listed: false, atSignIn: false });
  });

  it('outside demo mode a new account must change its password, and the list says so', async () => {
    expect(await withFlag(false)).toEqual({ listed: true, atSignIn: true });
  });
});
