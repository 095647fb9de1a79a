import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkGeoJson, matchFeatures } from '../src/modules/kiosk/geojson.js';
import { fillCycle } from './cycle-data.js';
import { auditActions, errorDetail, jsonOf, makeUser, signIn } from './helpers.js';
import { injectAsUser } from './org-fixture.js';
import { tinyInput } from './plans-fixture.js';
import { cycleFixture } from './submissions-fixture.js';
import { useTestApp } from './use-app.js';

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});
const feature = (props: Record<string, unknown>, x = 0) => ({
  type: 'Feature',
  properties: props,
  geometry: square(x),
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('GeoJSON checks (pure)', () => {
  it('names the field and the feature of every problem', () => {
    expect(checkGeoJson({ type: 'Feature' }, 'code')).toEqual([
      { path: 'geojson.type', code: 'map.not_feature_collection', params: {} },
    ]);
    expect(checkGeoJson(collection(), 'code')[0]!.code).toBe('map.no_features');
    expect(
      checkGeoJson(
        collection(
          feature({ code: 'a' }),
          feature({ name: 'no code' }, 1),
          { type: 'Feature', properties: { code: 'c' }, geometry: { type: 'Point', coordinates: [0, 0] } },
          feature({ code: 'a' }, 3),
          'not a feature',
          feature({ code: 7 }, 5),
        ),
        'code',
      ),
    ).toEqual([
      {
        path: 'geojson.features[1].properties.code',
        code: 'map.missing_code',
        params: { index: 1, property: 'code' },
      },
      { path: 'geojson.features[2].geometry', code: 'map.bad_geometry', params: { index: 2 } },
      {
        path: 'geojson.features[3].properties.code',
        code: 'map.duplicate_code',
        params: { index: 3, code: 'a', first: 0 },
      },
      { path: 'geojson.features[4].type', code: 'map.not_feature', params: { index: 4 } },
    ]);
  });

  it('lists the features naming no unit, in file order', () => {
    const m = matchFeatures(['u1', 'x', 'u2', 'y'], new Set(['u1', 'u2', 'u3']));
    expect([...m.matched]).toEqual(['u1', 'u2']);
    expect(m.unmatched).toEqual([
      { index: 1, code: 'x' },
      { index: 3, code: 'y' },
    ]);
  });
});

describe('cockpit map and kiosk links', () => {
  const env = useTestApp();
  const who: Record<string, string> = {};
  const api = injectAsUser(() => env, who);
  let plan = 0;
  const screen = (token: string | null) =>
    env.app.inject({ url: '/api/kiosk/screen', headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('the map: shipped, then the office’s file, checked, with unmatched features listed', async () => {
    const f = await cycleFixture(env);
    plan = f.plan;
    who.office = f.office;
    await makeUser(env, 'boss', [{ role: 'leader', scopeType: 'global' }]);
    who.boss = await signIn(env, 'boss');
    // u1: I1 90/100·60 = 54, I2 40/50·40 = 32 → 86; u2: 60 + 40 = 100.
    await fillCycle(env, plan, tinyInput('2026-Y', { u1: [90, 100, 40, 50], u2: [100, 100, 50, 50] }));

    // The shipped demo map: the demo city's 8 districts and zones; none is a unit of this plan.
    const shipped = await jsonOf(api('boss', 'GET', `/api/cockpit/${plan}/map?period=2026-Y`));
    expect(shipped).toMatchObject({ source: 'shipped', codeProperty: 'code', featureCount: 8, regions: [] });
    expect(shipped.unmatched.map((u: { code: string }) => u.code)).toEqual([
      'D01',
      'D02',
      'D03',
      'D04',
      'Z01',
      'Z02',
      'Z03',
      'Z04',
    ]);

    // Bad files: 400 naming the field and the feature; nothing stored.
    const put = (user: string, body: object) => api(user, 'PUT', `/api/cockpit/${plan}/map`, body);
    const notCollection = await put('office', {
      name: '图',
      codeProperty: 'unit',
      geojson: { type: 'Feature' },
    });
    expect(notCollection.statusCode).toBe(400);
    expect(errorDetail(notCollection)).toMatchObject({
      path: 'geojson.type',
      code: 'map.not_feature_collection',
    });
    const noCode = await put('office', {
      name: '图',
      codeProperty: 'unit',
      geojson: collection(feature({ unit: 'u1' }), feature({ code: 'u2' }, 1)),
    });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().error.details).toEqual([
      {
        path: 'geojson.features[1].properties.unit',
        code: 'map.missing_code',
        params: { index: 1, property: 'unit' },
      },
    ]);
    // A leader reads the map but may not load one.
    expect(
      (await put('boss', { name: '图', codeProperty: 'unit', geojson: collection(feature({ unit: 'u1' })) }))
        .statusCode,
    ).toBe(403);

    const up = await jsonOf(
      put('office', {
        name: '片区图',
        codeProperty: 'unit',
        geojson: collection(feature({ unit: 'u1' }), feature({ unit: 'x9' }, 1), feature({ unit: 'u2' }, 2)),
      }),
    );
    expect(up).toEqual({ featureCount: 3, matched: 2, unmatched: [{ index: 1, code: 'x9' }] });
    const m = await jsonOf(api('boss', 'GET', `/api/cockpit/${plan}/map?period=2026-Y`));
    expect(m).toMatchObject({ source: 'uploaded', name: '片区图', codeProperty: 'unit', featureCount: 3 });
    expect(
      m.regions.map((r: { unit: string; total: number; rank: number }) => [r.unit, r.total, r.rank]),
    ).toEqual([
      ['u2', 100, 1],
      ['u1', 86, 2],
    ]);
    expect(m.unmatched).toEqual([{ index: 1, code: 'x9' }]);
    expect(await auditActions(env, "action like 'plan_map.%'")).toEqual(['plan_map.upload']);

    // Back to the shipped map, audited.
    expect((await api('office', 'DELETE', `/api/cockpit/${plan}/map`)).statusCode).toBe(204);
    expect((await jsonOf(api('boss', 'GET', `/api/cockpit/${plan}/map?period=2026-Y`))).source).toBe(
      'shipped',
    );
    expect(await auditActions(env, "action like 'plan_map.%'")).toEqual([
      'plan_map.upload',
      'plan_map.delete',
    ]);
  });

  it('a kiosk token: hashed, opens the screen only, revocable, expiring, audited on create and revoke only', async () => {
    const create = (body: object, user = 'office') =>
      api(user, 'POST', `/api/cockpit/${plan}/kiosk-links`, body);
    expect((await create({ label: '大厅', period: '2026-Y' }, 'boss')).statusCode).toBe(403);
    const link = await jsonOf(create({ label: '大厅', period: '2026-Y' }), 201);
    // 32 random bytes (256 bits), base64url, after the prefix.
    expect(link.token).toMatch(/^jxk_[A-Za-z0-9_-]{43}$/);
    const [row] = await env.database.query<{ token_hash: string }>(
      'select token_hash from kiosk_token where id = $1',
      [link.id],
    );
    expect(row!.token_hash).toBe(createHash('sha256').update(link.token).digest('hex'));
    const dump = JSON.stringify(await env.database.query('select * from kiosk_token'));
    expect(dump).not.toContain(link.token.slice(4));
    const audits = JSON.stringify(
      await env.database.query("select * from audit_log where object_type = 'kiosk_token'"),
    );
    expect(audits).not.toContain(link.token.slice(4));

    // The screen: the cockpit's ranking of the token's plan and period.
    const s = await jsonOf(screen(link.token));
    const c = await jsonOf(api('office', 'GET', `/api/cockpit/${plan}?period=2026-Y`));
    expect(
      s.groups.map((g: { units: { unit: string; total: number }[] }) =>
        g.units.map((u) => [u.unit, u.total]),
      ),
    ).toEqual(
      c.groups.map((g: { units: { unit: string; total: number }[] }) =>
        g.units.map((u) => [u.unit, u.total]),
      ),
    );
    expect(s.groups[0].units[0]).toMatchObject({ unit: 'u2', total: 100, rank: 1 });
    expect(s).toMatchObject({
      planId: plan,
      period: '2026-Y',
      label: '大厅',
      refreshSeconds: 60,
      counts: c.counts,
    });
    expect(s.map.featureCount).toBe(8);
    const listed = await jsonOf(api('office', 'GET', `/api/cockpit/${plan}/kiosk-links`));
    expect(listed[0]).toMatchObject({ id: link.id, label: '大厅', revokedAt: null });
    expect(listed[0].lastUsedAt).not.toBeNull();
    expect(listed[0]).not.toHaveProperty('token');

    // Every other route answers 401 with it (public ones included), even beside a session cookie.
    for (const r of env.app.routeTable) {
      if (r.url === '/api/kiosk/screen') continue;
      const url = r.url.replace(/:[A-Za-z]+/g, '1');
      const res = await env.app.inject({
        method: r.method as 'GET',
        url,
        headers: { authorization: `Bearer ${link.token}` },
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect.soft(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect.soft(errorDetail(res)?.code, `${r.method} ${r.url}`).toBe('kiosk.scope');
    }
    const withSession = await env.app.inject({
      url: `/api/cockpit/${plan}?period=2026-Y`,
      headers: { authorization: `Bearer ${link.token}`, cookie: who.office! },
    });
    expect(withSession.statusCode).toBe(401);

    // No idle sign-out: hours later the office's session has expired, the screen still opens.
    env.clock.now = new Date(env.clock.now.getTime() + 5 * 3600_000);
    expect((await api('office', 'GET', `/api/cockpit/${plan}/kiosk-links`)).statusCode).toBe(401);
    expect((await screen(link.token)).statusCode).toBe(200);
    who.office = await signIn(env, 'office');

    // Unknown and missing tokens.
    expect(errorDetail(await screen(`jxk_${'A'.repeat(43)}`)).code).toBe('kiosk.invalid');
    expect((await screen(null)).statusCode).toBe(401);

    // Expiry.
    const inAnHour = new Date(env.clock.now.getTime() + 3600_000).toISOString();
    const brief = await jsonOf(create({ label: '会议室', period: '2026-Y', expiresAt: inAnHour }), 201);
    expect((await screen(brief.token)).statusCode).toBe(200);
    env.clock.now = new Date(env.clock.now.getTime() + 2 * 3600_000);
    who.office = await signIn(env, 'office');
    who.boss = await signIn(env, 'boss');
    const expired = await screen(brief.token);
    expect(expired.statusCode).toBe(401);
    expect(errorDetail(expired).code).toBe('kiosk.expired');
    const past = await create({ label: '旧', period: '2026-Y', expiresAt: inAnHour });
    expect(past.statusCode).toBe(400);
    expect(errorDetail(past)).toMatchObject({ path: 'expiresAt', code: 'kiosk.expiry_past' });

    // Revoke: the next request is refused with its own code.
    expect((await api('boss', 'POST', `/api/kiosk-links/${link.id}/revoke`)).statusCode).toBe(403);
    const revoked = await jsonOf(api('office', 'POST', `/api/kiosk-links/${link.id}/revoke`));
    expect(revoked.revokedAt).not.toBeNull();
    const after = await screen(link.token);
    expect(after.statusCode).toBe(401);
    expect(errorDetail(after)).toEqual({ code: 'kiosk.revoked', params: {} });
    // Revoking twice changes nothing and audits nothing more.
    await jsonOf(api('office', 'POST', `/api/kiosk-links/${link.id}/revoke`));
    expect(await auditActions(env, "object_type = 'kiosk_token'")).toEqual([
      'kiosk_token.create',
      'kiosk_token.create',
      'kiosk_token.revoke',
    ]);
  });
});
