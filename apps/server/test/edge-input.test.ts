import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn } from './helpers.js';
import { cycleFixture, enterValue, multipart } from './submissions-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * Issue 8, point 12: input the database or the multipart parser cannot take answered 500. A NUL
 * character in any text field, and a truncated or boundary-less multipart body, are the caller's
 * mistake: 400 VALIDATION_FAILED naming the field — one rule at the edge, whatever the route.
 */
describe('bad input at the edge', () => {
  const env = useTestApp();
  let fx: Awaited<ReturnType<typeof cycleFixture>>;
  let filler: string;
  let watcher: string;
  let submission = 0;
  beforeAll(async () => {
    fx = await cycleFixture(env);
    filler = await signIn(env, 'filler1');
    await makeUser(env, 'watcher', [{ role: 'observer', scopeType: 'global' }]);
    watcher = await signIn(env, 'watcher');
    const draft = {
      planId: fx.plan,
      unitId: fx.u1,
      indicator: 'I1',
      period: '2026-M02',
      value: 50,
      submit: false,
    };
    submission = (await enterValue(env, filler, draft)).id;
  });

  const send = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string | null, payload?: unknown) =>
    env.app.inject({ method, url, headers: cookie ? { cookie } : {}, payload: payload as never });
  const expectNul = (res: { statusCode: number; body: string; json(): unknown }, path: string) => {
    expect(res.statusCode, res.body).toBe(400);
    const e = (res.json() as { error: { code: string; message: string; details: { path: string }[] } }).error;
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toContain(path);
    expect(e.message).toMatch(/NUL/);
    expect(e.details[0]!.path).toBe(path);
  };

  describe('a NUL character (\\u0000) in a text field is a 400 naming the field', () => {
    it('sign-in name', async () => {
      expectNul(
        await send('POST', '/api/auth/login', null, { username: 'fill\u0000er1', password: 'x' }),
        'body.username',
      );
    });
    it('org-node name', async () => {
      const res = await send('POST', '/api/org-nodes', fx.office, {
        parentId: null,
        kind: 'region',
        code: 'nul',
        name: '示范\u0000市',
      });
      expectNul(res, 'body.name');
    });
    it('submission note, on create and on change', async () => {
      const payload = { planId: fx.plan, unitId: fx.u1, indicator: 'I1', period: '2026-M03', value: 5 };
      expectNul(
        await send('POST', '/api/submissions', filler, { ...payload, note: 'a\u0000b' }),
        'body.note',
      );
      expectNul(
        await send('PUT', `/api/submissions/${submission}`, filler, { value: 6, version: 1, note: '\u0000' }),
        'body.note',
      );
    });
    it('observation title', async () => {
      const res = await send('POST', '/api/observations', watcher, {
        unitId: fx.u1,
        title: 'x\u0000',
        body: 'y',
      });
      expectNul(res, 'body.title');
    });
    it('inside a nested document (a plan), the path names the place', async () => {
      const res = await send('POST', '/api/plans', fx.office, {
        systemId: fx.system,
        year: 2027,
        name: '方案',
        document: { indicators: [{ code: 'I1' }, { code: 'I2', name: 'bad\u0000' }] },
      });
      expectNul(res, 'body.document.indicators.1.name');
    });
    it('a query string and a key', async () => {
      expectNul(await send('GET', '/api/users?q=ab%00c', fx.office), 'querystring.q');
      const res = await send('POST', '/api/plans', fx.office, {
        systemId: fx.system,
        year: 2027,
        name: '方案',
        document: { 'k\u0000': 1 },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/body\.document\.k\\u0000: .*NUL/);
    });
    it('nothing was stored', async () => {
      const n = await env.database.query<{ n: number }>(
        "select count(*)::int as n from org_node where code = 'nul'",
      );
      expect(n[0]!.n).toBe(0);
    });
  });

  describe('a malformed multipart body is a 400 on every upload route', () => {
    const routes = () => [
      `/api/submissions/${submission}/evidence`,
      `/api/submissions/upload?planId=${fx.plan}&period=2026-M02`,
      '/api/org-nodes/import',
    ];
    const who = (url: string) => (url.startsWith('/api/org-nodes') ? fx.office : filler);
    const post = (url: string, payload: Buffer, contentType: string) =>
      env.app.inject({
        method: 'POST',
        url,
        headers: { cookie: who(url), 'content-type': contentType },
        payload,
      });
    const expect400 = (res: { statusCode: number; body: string; json(): unknown }, url: string) => {
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      const e = (res.json() as { error: { code: string; message: string } }).error;
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.message).toMatch(/^body: /);
    };

    it('truncated before its closing boundary', async () => {
      for (const url of routes()) {
        const { payload, headers } = multipart('a.csv', 'code,name\nx,y\n'.repeat(50));
        const cut = payload.subarray(0, payload.length - 40);
        expect400(await post(url, cut, headers['content-type']), url);
      }
    });
    it('without a boundary in the content type', async () => {
      for (const url of routes()) {
        const { payload } = multipart('a.csv', 'code,name\n');
        expect400(await post(url, payload, 'multipart/form-data'), url);
      }
    });
    it('a well-formed upload still goes through (the evidence file)', async () => {
      const { payload, headers } = multipart('proof.pdf', Buffer.from('%PDF-1.4 evidence'));
      const res = await post(routes()[0]!, payload, headers['content-type']);
      expect(res.statusCode, res.body).toBe(201);
    });
  });
});
