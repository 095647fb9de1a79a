import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn, TEST_PASSWORD, type TestEnv, testApp } from './helpers.js';
import { useTestApp } from './use-app.js';

const login = (env: TestEnv, username: string, password: string) =>
  env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('sign-in, lockout and sessions', () => {
  const env = useTestApp();
  beforeAll(async () => {
    await makeUser(env, 'alice', [{ role: 'office_admin', scopeType: 'global' }]);
    await makeUser(env, 'bob', [{ role: 'observer', scopeType: 'global' }]);
    await makeUser(env, 'carol', [{ role: 'observer', scopeType: 'global' }]);
    await makeUser(env, 'newbie', [{ role: 'observer', scopeType: 'global' }], null, {
      mustChangePassword: true,
    });
  });

  it('sets an HttpOnly SameSite=Strict session cookie', async () => {
    const res = await login(env, 'alice', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((k) => k.name === 'jixiao_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
    expect(res.json().user.username).toBe('alice');
  });

  it('says wrong password, counts down, then locks for 15 minutes after 5 failures', async () => {
    for (let i = 1; i <= 4; i++) {
      const r = await login(env, 'bob', 'Wrong-password-1');
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('INVALID_CREDENTIALS');
      expect(r.json().error.details.remainingAttempts).toBe(5 - i);
    }
    const fifth = await login(env, 'bob', 'Wrong-password-1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json().error.details.lockedUntil).toBe(
      new Date(env.clock.now.getTime() + 15 * 60_000).toISOString(),
    );
    // Even the right password is refused while locked.
    expect((await login(env, 'bob', TEST_PASSWORD)).json().error.code).toBe('ACCOUNT_LOCKED');
    env.clock.now = new Date(env.clock.now.getTime() + 14 * 60_000);
    expect((await login(env, 'bob', TEST_PASSWORD)).json().error.code).toBe('ACCOUNT_LOCKED');
    env.clock.now = new Date(env.clock.now.getTime() + 61_000);
    expect((await login(env, 'bob', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('does not reveal whether a username exists', async () => {
    const r = await login(env, 'nobody', 'Whatever-123');
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('expires a session after 30 idle minutes, not before', async () => {
    const cookie = await signIn(env, 'carol');
    env.clock.now = new Date(env.clock.now.getTime() + 29 * 60_000);
    expect((await env.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    // Activity resets the idle timer.
    env.clock.now = new Date(env.clock.now.getTime() + 29 * 60_000);
    expect((await env.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    env.clock.now = new Date(env.clock.now.getTime() + 31 * 60_000);
    const r = await env.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('tells a missing session apart from an expired one', async () => {
    const r = await env.app.inject({ url: '/api/auth/me' });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('signs out everywhere', async () => {
    const a = await signIn(env, 'alice');
    const b = await signIn(env, 'alice');
    expect(
      (await env.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: { cookie: a } }))
        .statusCode,
    ).toBe(200);
    expect((await env.app.inject({ url: '/api/auth/me', headers: { cookie: b } })).json().error.code).toBe(
      'SESSION_EXPIRED',
    );
  });

  it('forces a password change on first sign-in, then lets the user work', async () => {
    const cookie = await signIn(env, 'newbie');
    const me = await env.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json().mustChangePassword).toBe(true);
    const blocked = await env.app.inject({ url: '/api/org-nodes', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const changeTo = (newPassword: string) =>
      env.app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        headers: { cookie },
        payload: { currentPassword: TEST_PASSWORD, newPassword },
      });
    const weak = await changeTo('alllowercase');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain('newPassword');

    const ok = await changeTo('Brand-new-pass-9');
    expect(ok.statusCode).toBe(200);
    expect((await env.app.inject({ url: '/api/org-nodes', headers: { cookie } })).statusCode).toBe(200);
    expect((await login(env, 'newbie', 'Brand-new-pass-9')).statusCode).toBe(200);
  });

  it('skips the forced change in demo mode', async () => {
    const demo = await testApp({ demo: true });
    try {
      await makeUser(demo, 'seeded', [{ role: 'observer', scopeType: 'global' }], null, {
        mustChangePassword: true,
      });
      const cookie = await signIn(demo, 'seeded');
      expect((await demo.app.inject({ url: '/api/org-nodes', headers: { cookie } })).statusCode).toBe(200);
    } finally {
      await demo.close();
    }
  });
});
