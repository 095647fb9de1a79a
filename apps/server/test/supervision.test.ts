import { beforeAll, describe, expect, it } from 'vitest';
import { supervisionValues } from '../src/modules/supervision/supervision.service.js';
import { pushIntegration } from './helpers.js';
import { buildCycle, type CycleFixture, fixtureItems, issueApiToken } from './notices-fixture.js';
import { useTestApp } from './use-app.js';

describe('supervision items (H6)', () => {
  const env = useTestApp();
  let f: CycleFixture;
  let token: string;
  let tokenId: number;

  const push = (body: object, auth: string | null = `Bearer ${token}`) =>
    pushIntegration(env, 'supervision-items', body, auth);
  const count = async () =>
    Number((await env.database.query<{ n: string }>('select count(*) as n from supervision_item'))[0]!.n);
  const audits = async (action: string) =>
    env.database.query<{ actor_name: string }>('select actor_name from audit_log where action = $1', [
      action,
    ]);

  beforeAll(async () => {
    f = await buildCycle(env);
    // Made with status 201, or issueApiToken throws.
    ({ token, id: tokenId } = await issueApiToken(env, f.office, '督查系统'));
  });

  it('shows the token once and stores only its hash', async () => {
    expect(token).toMatch(/^jxs_/);
    const list = await env.app.inject({ url: '/api/api-tokens', headers: { cookie: f.office } });
    expect(list.json()[0]).not.toHaveProperty('token');
    const rows = await env.database.query<{ token_hash: string }>('select token_hash from api_token');
    expect(rows[0]!.token_hash).toHaveLength(64);
    expect(rows[0]!.token_hash).not.toContain(token);
  });

  it('imports items with a valid token, audited under the token name', async () => {
    const r = await push({ planId: f.plan, source: 'dcgl', items: fixtureItems });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(await count()).toBe(3);
    expect((await audits('supervision_item.import'))[0]!.actor_name).toBe('api-token:督查系统');
  });

  it('re-importing updates in place and never duplicates', async () => {
    const changed = fixtureItems.map((i) => (i.externalId === 'DC-3' ? { ...i, progress: 35 } : i));
    const r = await push({ planId: f.plan, source: 'dcgl', items: changed });
    expect(r.json()).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(await count()).toBe(3);
    const again = await push({ planId: f.plan, source: 'dcgl', items: changed });
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await count()).toBe(3);
  });

  it('feeds key-work values: average progress per unit, target 100', async () => {
    const values = await supervisionValues(env.database.db, f.plan);
    // u1: (40 + 60) / 2 = 50; u2: the one item, now 35.
    expect(values.sort((a, b) => a.unit.localeCompare(b.unit))).toEqual([
      { unit: 'u1', indicator: 'K', value: 50, target: 100 },
      { unit: 'u2', indicator: 'K', value: 35, target: 100 },
    ]);
  });

  it('bad rows → 422 naming index and field, nothing written', async () => {
    const r = await push({
      planId: f.plan,
      source: 'dcgl',
      items: [
        { ...fixtureItems[0], externalId: 'NEW-1' },
        { ...fixtureItems[0], externalId: 'NEW-2', unitCode: 'nope' },
        { ...fixtureItems[0], externalId: 'NEW-3', indicator: 'I1' },
        { ...fixtureItems[0], externalId: 'NEW-4', progress: 120 },
      ],
    });
    expect(r.statusCode).toBe(422);
    const details = r.json().error.details as { index: number; field: string }[];
    expect(details.map((d) => `${d.index}:${d.field}`)).toEqual(['1:unitCode', '2:indicator', '3:progress']);
    expect(await count()).toBe(3);
  });

  it('a wrong, missing or revoked token → 401', async () => {
    const body = { planId: f.plan, source: 'dcgl', items: fixtureItems };
    expect((await push(body, 'Bearer jxs_wrong')).statusCode).toBe(401);
    expect((await push(body, null)).statusCode).toBe(401);
    // Even a malformed body gets 401 first: the token is checked before validation.
    expect((await push({ nonsense: true }, null)).statusCode).toBe(401);
    const rv = await env.app.inject({
      method: 'POST',
      url: `/api/api-tokens/${tokenId}/revoke`,
      headers: { cookie: f.office },
    });
    expect(rv.json().revokedAt).not.toBeNull();
    expect((await push(body)).statusCode).toBe(401);
  });

  it('imports CSV from the office, by Chinese headers, with line-numbered errors', async () => {
    const upload = (csv: string) => {
      const boundary = '----jx';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="items.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
      return env.app.inject({
        method: 'POST',
        url: `/api/supervision-items/import?planId=${f.plan}&source=csv`,
        headers: { cookie: f.office, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    };
    const header = '事项编号,单位编码,指标编码,事项名称,进度,截止日期,状态';
    const bad = await upload(
      `${header}\nC-1,u1,K,甲,50%,2026-09-30,in_progress\nC-2,u1,K,乙,abc,2026-09-30,in_progress\n`,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ line: 3, field: 'progress' })]);
    expect(await count()).toBe(3);
    const ok = await upload(
      `${header}\nC-1,u1,K,甲,50%,2026-09-30,in_progress\nC-2,u2,K,乙,80,2026-09-30,completed\n`,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const list = await env.app.inject({
      url: `/api/supervision-items?planId=${f.plan}`,
      headers: { cookie: f.office },
    });
    expect(list.json()).toHaveLength(5);
    // Clock is 2026-03-01: DC-3 was due 2026-05-31, not overdue yet; none is.
    expect(list.json().filter((i: { overdue: boolean }) => i.overdue)).toHaveLength(0);
  });
});
