import { makeUser, signIn, type TestEnv } from './helpers.js';

/**
 * The org every cycle test starts from, built through the API as the office would: system
 * "city-dept" 市直机关, category and group A 党群口, a city and its departments in group A.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A global office admin "office", signed in: its session cookie. */
export async function officeCookie(env: TestEnv): Promise<string> {
  await makeUser(env, 'office', [{ role: 'office_admin', scopeType: 'global' }]);
  return signIn(env, 'office');
}

/** A global leader "leader1", signed in once per test app: its session cookie. */
const leaders = new WeakMap<TestEnv, Promise<string>>();
export function leaderCookie(env: TestEnv): Promise<string> {
  if (!leaders.has(env))
    leaders.set(
      env,
      makeUser(env, 'leader1', [{ role: 'leader', scopeType: 'global' }]).then(() => signIn(env, 'leader1')),
    );
  return leaders.get(env)!;
}

/**
 * Release a run as the cycle does: the office submits it (报审), a leader approves it (审定). The
 * answer of the step that failed, else of the approval.
 */
export async function releaseRun(env: TestEnv, office: string, plan: number, run: number) {
  const post = (cookie: string, step: string) =>
    env.app.inject({ method: 'POST', url: `/api/plans/${plan}/runs/${run}/${step}`, headers: { cookie } });
  const submitted = await post(office, 'submit');
  if (submitted.statusCode !== 200) return submitted;
  return post(await leaderCookie(env), 'approve');
}

/** inject with the session `cookie` (read when called, so it may be set in beforeAll). */
export const injectAs =
  (env: () => TestEnv, cookie: () => string) => (method: string, url: string, payload?: unknown) =>
    env().app.inject({
      method: method as Method,
      url,
      headers: { cookie: cookie() },
      payload: payload as never,
    });

/** inject as one of several signed-in users, named by the key of `who`. */
export const injectAsUser =
  (env: () => TestEnv, who: Record<string, string>) =>
  (user: string, method: string, url: string, payload?: unknown) =>
    injectAs(env, () => who[user]!)(method, url, payload);

/** POST as `cookie` that must answer `status` (201 by default); the parsed body. */
export const poster =
  (env: TestEnv, cookie: string) =>
  async (url: string, payload: object, status = 201): Promise<{ id: number; version: number }> => {
    const r = await env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
    if (r.statusCode !== status) throw new Error(`${url}: ${r.body}`);
    return r.json();
  };

export interface Org<K extends string = string> {
  system: number;
  category: number;
  group: number;
  city: number;
  /** Department code → org node id. */
  units: Record<K, number>;
}

/** The org with one department per entry of `departments` (code → name), in that order. */
export async function buildOrg<K extends string>(
  env: TestEnv,
  cookie: string,
  departments: Record<K, string>,
  cityName = '示范市',
): Promise<Org<K>> {
  const post = poster(env, cookie);
  const system = (await post('/api/systems', { code: 'city-dept', name: '市直机关' })).id;
  const category = (await post('/api/categories', { systemId: system, code: 'A', name: '党群口' })).id;
  const group = (await post('/api/groups', { categoryId: category, code: 'A', name: '党群口' })).id;
  const city = (
    await post('/api/org-nodes', { parentId: null, kind: 'region', code: 'city', name: cityName })
  ).id;
  const units = {} as Record<K, number>;
  for (const [code, name] of Object.entries(departments) as [K, string][]) {
    const node = { parentId: city, kind: 'department', code, name, systemId: system, groupId: group };
    units[code] = (await post('/api/org-nodes', node)).id;
  }
  return { system, category, group, city, units };
}

/** A plan created from `document` and activated: its id. */
export async function activePlan(
  env: TestEnv,
  cookie: string,
  plan: { systemId: number; name: string; document: unknown; year?: number },
): Promise<number> {
  const post = poster(env, cookie);
  const p = await post('/api/plans', { year: 2026, ...plan });
  await post(`/api/plans/${p.id}/activate`, { version: p.version }, 200);
  return p.id;
}
