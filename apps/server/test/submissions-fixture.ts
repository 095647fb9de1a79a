import { makeUser, signIn, type TestEnv } from './helpers.js';
import { tinyPlan } from './plans-fixture.js';

/** A multipart body with one file in the field "file". */
export function multipart(filename: string, data: Buffer | string, type = 'application/octet-stream') {
  const boundary = '----jixiaoevidence';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.isBuffer(data) ? data : Buffer.from(data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * Two units u1, u2 of one group under the tiny plan (I1 60 points in "%", I2 40 points), activated;
 * office, a filler per unit, an assessor of I1 and a provider of I2 (so I2 is provider-owned, Z4).
 */
export async function cycleFixture(env: TestEnv, doc: Record<string, unknown> = tinyPlan()) {
  await makeUser(env, 'office', [{ role: 'office_admin', scopeType: 'global' }]);
  const office = await signIn(env, 'office');
  const post = async (url: string, payload: object) => {
    const r = await env.app.inject({ method: 'POST', url, headers: { cookie: office }, payload });
    if (r.statusCode >= 300) throw new Error(`${url}: ${r.body}`);
    return r.json();
  };
  const system = (await post('/api/systems', { code: 'city-dept', name: '市直机关' })).id;
  const category = (await post('/api/categories', { systemId: system, code: 'A', name: '党群口' })).id;
  const group = (await post('/api/groups', { categoryId: category, code: 'A', name: '党群口' })).id;
  const city = (await post('/api/org-nodes', { parentId: null, kind: 'region', code: 'city', name: '市' }))
    .id;
  const unit = async (code: string, name: string) =>
    (
      await post('/api/org-nodes', {
        parentId: city,
        kind: 'department',
        code,
        name,
        systemId: system,
        groupId: group,
      })
    ).id as number;
  const u1 = await unit('u1', '一号局');
  const u2 = await unit('u2', '二号局');
  const p = await post('/api/plans', { systemId: system, year: 2026, name: '小方案', document: doc });
  await post(`/api/plans/${p.id}/activate`, { version: p.version });
  await makeUser(env, 'filler1', [{ role: 'unit_filler', scopeType: 'org', orgNodeId: u1 }], u1);
  await makeUser(env, 'filler2', [{ role: 'unit_filler', scopeType: 'org', orgNodeId: u2 }], u2);
  await makeUser(env, 'assessor', [{ role: 'assessor', scopeType: 'indicators', refs: ['I1'] }]);
  await makeUser(env, 'provider', [{ role: 'provider', scopeType: 'indicators', refs: ['I2'] }]);
  return { office, system, u1, u2, plan: p.id as number };
}
