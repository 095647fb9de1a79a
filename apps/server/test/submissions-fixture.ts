import { makeUser, type TestEnv } from './helpers.js';
import { activePlan, buildOrg, officeCookie } from './org-fixture.js';
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
  const office = await officeCookie(env);
  const { system, units } = await buildOrg(env, office, { u1: '一号局', u2: '二号局' }, '市');
  const { u1, u2 } = units;
  const plan = await activePlan(env, office, { systemId: system, name: '小方案', document: doc });
  await makeUser(env, 'filler1', [{ role: 'unit_filler', scopeType: 'org', orgNodeId: u1 }], u1);
  await makeUser(env, 'filler2', [{ role: 'unit_filler', scopeType: 'org', orgNodeId: u2 }], u2);
  await makeUser(env, 'assessor', [{ role: 'assessor', scopeType: 'indicators', refs: ['I1'] }]);
  await makeUser(env, 'provider', [{ role: 'provider', scopeType: 'indicators', refs: ['I2'] }]);
  return { office, system, u1, u2, plan };
}

/** A value entered as the holder of `cookie` (it must be accepted, 201): the new submission. */
export async function enterValue(
  env: TestEnv,
  cookie: string,
  payload: { planId: number; unitId: number; indicator: string; period: string; value: number } & Record<
    string,
    unknown
  >,
): Promise<{ id: number; version: number }> {
  const r = await env.app.inject({ method: 'POST', url: '/api/submissions', headers: { cookie }, payload });
  if (r.statusCode !== 201) throw new Error(`submission refused: ${r.statusCode} ${r.body}`);
  return r.json();
}
