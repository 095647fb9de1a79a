import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from './helpers.js';
import { useTestApp } from './use-app.js';

/**
 * Issue 8, point 12: 18 wrong passwords sent in parallel counted as one failure (the counter was
 * read, then written). Each request comes from its own address, as a spread-out guessing attack
 * would, so the per-address sign-in rate limit (20/min) is not what stops them.
 */
describe('failed sign-ins under concurrency', () => {
  const env = useTestApp();
  beforeAll(async () => {
    await makeUser(env, 'target', [{ role: 'observer', scopeType: 'global' }]);
    await makeUser(env, 'second', [{ role: 'observer', scopeType: 'global' }]);
  });

  const login = (username: string, password: string, i: number) =>
    env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    });
  const state = async (username: string) =>
    (
      await env.database.query<{ failed: number; locked: boolean }>(
        'select failed_logins as failed, coalesce(locked_until > $2::timestamptz, false) as locked from app_user where username = $1',
        [username, env.clock.now.toISOString()],
      )
    )[0]!;

  it('every one of N parallel failures counts, and the account is locked', async () => {
    const N = 18;
    const res = await Promise.all(
      Array.from({ length: N }, (_, i) => login('target', 'Wrong-password-1', i)),
    );
    for (const r of res) expect([401, 423]).toContain(r.statusCode);
    expect(res.some((r) => r.json().error.code === 'ACCOUNT_LOCKED')).toBe(true);
    expect(await state('target')).toEqual({ failed: N, locked: true });
    // Locked: even the right password is refused, and a refused attempt is not a new failure.
    const right = await login('target', TEST_PASSWORD, 100);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await state('target')).failed).toBe(N);
    // Exactly one failure locked it (audited once as auth.locked).
    const audit = await env.database.query<{ action: string; n: number }>(
      "select action, count(*)::int as n from audit_log where action like 'auth.%' group by action order by action",
    );
    expect(audit).toEqual([
      { action: 'auth.locked', n: 1 },
      { action: 'auth.login_failed', n: N - 1 },
    ]);
  });

  it('after the lock runs out the count starts again; a good sign-in clears it', async () => {
    env.clock.now = new Date(env.clock.now.getTime() + 16 * 60_000);
    const again = await login('target', 'Wrong-password-1', 200);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.details.remainingAttempts).toBe(4);
    expect(await state('target')).toEqual({ failed: 1, locked: false });
    expect((await login('target', TEST_PASSWORD, 201)).statusCode).toBe(200);
    expect((await state('target')).failed).toBe(0);
  });

  it('fewer parallel failures than the threshold count each and do not lock', async () => {
    const res = await Promise.all(
      Array.from({ length: 4 }, (_, i) => login('second', 'Wrong-password-1', 300 + i)),
    );
    expect(res.map((r) => r.statusCode)).toEqual([401, 401, 401, 401]);
    expect(res.map((r) => r.json().error.details.remainingAttempts).sort()).toEqual([1, 2, 3, 4]);
    expect(await state('second')).toEqual({ failed: 4, locked: false });
  });
});
