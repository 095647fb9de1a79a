import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify, pumpMail } from '../src/modules/notifications/notifications.service.js';
import { makeUser, signIn, type TestEnv, testApp } from './helpers.js';
import { officeCookie } from './org-fixture.js';
import { smtpCapture } from './smtp-capture.js';

describe('notifications: bell, to-dos and e-mail', () => {
  let env: TestEnv;
  let smtp: Awaited<ReturnType<typeof smtpCapture>>;
  let unit: number;
  let fillerCookie: string;

  beforeAll(async () => {
    smtp = await smtpCapture();
    env = await testApp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
    const office = await officeCookie(env);
    const post = async (payload: object) =>
      (
        await env.app.inject({ method: 'POST', url: '/api/org-nodes', headers: { cookie: office }, payload })
      ).json().id as number;
    const city = await post({ parentId: null, kind: 'region', code: 'c', name: '示范市' });
    unit = await post({ parentId: city, kind: 'department', code: 'u1', name: '一号局' });
    const other = await post({ parentId: city, kind: 'department', code: 'u2', name: '二号局' });
    const filler = await makeUser(
      env,
      'filler',
      [{ role: 'unit_filler', scopeType: 'org', orgNodeId: unit }],
      unit,
    );
    await makeUser(env, 'filler2', [{ role: 'unit_filler', scopeType: 'org', orgNodeId: other }], other);
    await env.database.query('update app_user set email = $1 where id = $2', [
      'filler@unit.example',
      filler.id,
    ]);
    fillerCookie = await signIn(env, 'filler');
  });
  afterAll(async () => {
    await env.close();
    await smtp.close();
  });

  it('addresses a unit: only its users with the named roles get it', async () => {
    const ids = await env.database.db.transaction((tx) =>
      notify(
        env.deps,
        tx,
        { unit: { id: unit, roles: ['unit_filler'] } },
        { kind: 'returned', title: '数据被退回', body: '请核实后重新报送', link: '/submissions', todo: true },
      ),
    );
    expect(ids).toHaveLength(1);
    const list = await env.app.inject({ url: '/api/notifications', headers: { cookie: fillerCookie } });
    expect(list.json().items.map((n: { title: string }) => n.title)).toEqual(['数据被退回']);
    const other = await env.app.inject({
      url: '/api/notifications',
      headers: { cookie: await signIn(env, 'filler2') },
    });
    expect(other.json().total).toBe(0);
  });

  it('counts unread and open to-dos; reading does not finish a to-do, doing does', async () => {
    const counts = () =>
      env.app.inject({ url: '/api/notifications/counts', headers: { cookie: fillerCookie } });
    expect((await counts()).json()).toEqual({ unread: 1, todo: 1 });
    const id = (await env.app.inject({ url: '/api/notifications', headers: { cookie: fillerCookie } })).json()
      .items[0].id;
    await env.app.inject({
      method: 'POST',
      url: `/api/notifications/${id}/read`,
      headers: { cookie: fillerCookie },
    });
    expect((await counts()).json()).toEqual({ unread: 0, todo: 1 });
    await env.app.inject({
      method: 'POST',
      url: `/api/notifications/${id}/done`,
      headers: { cookie: fillerCookie },
    });
    expect((await counts()).json()).toEqual({ unread: 0, todo: 0 });
  });

  it('mails unread notifications once to users with an address', async () => {
    await env.database.db.transaction((tx) =>
      notify(
        env.deps,
        tx,
        { unit: { id: unit, roles: ['unit_filler'] } },
        { kind: 'reminder', title: '进度提醒', body: '指标滞后于序时进度' },
      ),
    );
    expect(await pumpMail(env.deps)).toBe(1);
    expect(await pumpMail(env.deps)).toBe(0);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['filler@unit.example']);
  });
});
