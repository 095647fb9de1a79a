import { makeUser, signIn, type TestEnv } from './helpers.js';
import { activePlan, buildOrg, officeCookie, poster } from './org-fixture.js';
import { tinyPlan } from './plans-fixture.js';

/**
 * A small world for task books and periods: two units of one system and group, unit 1 with a
 * section, a sub-section and two staff, an active tiny plan (I1 sum, I2 "each"), and accounts:
 * office, u1filler, u1admin (unit 1), u2admin (unit 2), assessor (lead department of I1), watcher.
 */
export interface World {
  plan: number;
  unit1: number;
  unit2: number;
  section1: number;
  section1a: number;
  section2: number;
  staff1: number;
  staff2: number;
  otherStaff: number;
  cookie: Record<'office' | 'u1filler' | 'u1admin' | 'u2admin' | 'assessor' | 'watcher', string>;
}

export async function buildWorld(env: TestEnv): Promise<World> {
  const office = await officeCookie(env);
  const org = await buildOrg(env, office, { u1: '一号局', u2: '二号局' });
  const { u1: unit1, u2: unit2 } = org.units;
  const post = async (url: string, payload: object) => (await poster(env, office)(url, payload)).id;
  const section = (parentId: number, code: string, name: string) =>
    post('/api/org-nodes', { parentId, kind: 'section', code, name });
  const section1 = await section(unit1, 'u1-s1', '综合科');
  const section1a = await section(section1, 'u1-s1a', '综合科一组');
  const section2 = await section(unit2, 'u2-s1', '二号局办公室');
  const staff1 = await post('/api/staff', { orgNodeId: section1, employeeNo: 'E001', name: '张三' });
  const staff2 = await post('/api/staff', { orgNodeId: section1, employeeNo: 'E002', name: '李四' });
  const otherStaff = await post('/api/staff', { orgNodeId: section2, employeeNo: 'E003', name: '王五' });
  const doc = tinyPlan();
  (doc.indicators[1] as Record<string, unknown>).decomposition = 'each';
  const plan = await activePlan(env, office, { systemId: org.system, name: '方案', document: doc });
  await makeUser(env, 'u1filler', [{ role: 'unit_filler', scopeType: 'org', orgNodeId: unit1 }], unit1);
  await makeUser(env, 'u1admin', [{ role: 'unit_admin', scopeType: 'org', orgNodeId: unit1 }], unit1);
  await makeUser(env, 'u2admin', [{ role: 'unit_admin', scopeType: 'org', orgNodeId: unit2 }], unit2);
  await makeUser(env, 'assessor', [{ role: 'assessor', scopeType: 'indicators', refs: ['I1'] }]);
  await makeUser(env, 'watcher', [{ role: 'observer', scopeType: 'global' }]);
  const cookie = {
    office,
    u1filler: await signIn(env, 'u1filler'),
    u1admin: await signIn(env, 'u1admin'),
    u2admin: await signIn(env, 'u2admin'),
    assessor: await signIn(env, 'assessor'),
    watcher: await signIn(env, 'watcher'),
  };
  return { plan, unit1, unit2, section1, section1a, section2, staff1, staff2, otherStaff, cookie };
}

/** inject as one of the world's accounts; a session expired by moving the clock is renewed. */
export const as =
  (env: TestEnv, w: World) =>
  async (
    who: keyof World['cookie'],
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => {
    const go = () =>
      env.app.inject({ method, url, headers: { cookie: w.cookie[who] }, payload: payload as never });
    const res = await go();
    if (res.statusCode !== 401) return res;
    w.cookie[who] = await signIn(env, who);
    return go();
  };
