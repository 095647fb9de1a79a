import { roles } from '@jixiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed.js';
import { demoApp, signIn, type TestEnv } from './helpers.js';

describe('demo city seed', () => {
  let env: TestEnv;
  let accounts: Awaited<ReturnType<typeof seedDemo>>['accounts'];
  const count = async (sql: string) => (await env.database.query<{ n: number }>(sql))[0]!.n;

  beforeAll(async () => {
    // The city as seedDemo leaves a migrated database at the test clock: the run's demo template,
    // shared with plans-demo.test.ts. Seeding it again writes nothing and answers the accounts.
    env = await demoApp();
    accounts = (await seedDemo(env.deps)).accounts;
  });
  afterAll(() => env.close());

  it('builds the W8 city-department structure: 125 units in groups A 32, B1 20, B2 26, C1 23, C2 24', async () => {
    const rows = await env.database.query<{ code: string; n: number }>(
      `select g.code, count(*)::int as n
         from org_node o join unit_group g on g.id = o.group_id
         join category c on c.id = g.category_id join eval_system s on s.id = c.system_id
        where s.code = 'city-dept' group by g.code order by g.code`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.code, r.n]))).toEqual({
      A: 32,
      B1: 20,
      B2: 26,
      C1: 23,
      C2: 24,
    });
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(125);
    const cats = await env.database.query<{ code: string; name: string }>(
      `select c.code, c.name from category c join eval_system s on s.id = c.system_id
        where s.code = 'city-dept' order by c.code`,
    );
    expect(cats).toEqual([
      { code: 'A', name: '党群口' },
      { code: 'B', name: '政府口' },
      { code: 'C', name: '垂管和公共服务口' },
    ]);
    expect(
      (await env.database.query<{ code: string }>('select code from eval_system order by code')).map(
        (s) => s.code,
      ),
    ).toEqual(['city-dept', 'districts', 'zones']);

    // Unit codes, unique names, sections and staff for every unit.
    const units = await env.database.query<{ code: string; name: string; sections: number; staff: number }>(
      `select u.code, u.name,
              (select count(*)::int from org_node s where s.parent_id = u.id and s.kind = 'section') as sections,
              (select count(*)::int from staff st join org_node n on n.id = st.org_node_id
                where n.path like u.path || '%') as staff
         from org_node u where u.group_id is not null and u.kind <> 'region' and u.kind <> 'zone'`,
    );
    expect(units).toHaveLength(125);
    expect(new Set(units.map((u) => u.name)).size).toBe(125);
    expect(units.map((u) => u.code)).toEqual(
      expect.arrayContaining(['A01', 'A32', 'B1-01', 'B1-20', 'B2-26', 'C1-23', 'C2-24']),
    );
    for (const u of units) {
      expect(u.sections).toBeGreaterThanOrEqual(2);
      expect(u.sections).toBeLessThanOrEqual(3);
      expect(u.staff).toBeGreaterThanOrEqual(2);
      expect(u.staff).toBeLessThanOrEqual(4);
    }
    // Every path is its parent's path plus its own id.
    expect(
      await count(`select count(*)::int as n from org_node c left join org_node p on p.id = c.parent_id
                    where c.path <> coalesce(p.path, '/') || c.id || '/'`),
    ).toBe(0);
    // Systems have owner offices and every record was audited.
    expect(await count('select count(*)::int as n from eval_system where owner_org_id is null')).toBe(0);
    expect(await count("select count(*)::int as n from audit_log where action = 'org_node.create'")).toBe(
      await count('select count(*)::int as n from org_node'),
    );
    expect(await count("select count(*)::int as n from audit_log where action = 'staff.create'")).toBe(
      await count('select count(*)::int as n from staff'),
    );
    expect(await count("select count(*)::int as n from audit_log where action = 'demo.seed'")).toBe(1);
  });

  it('has the hotline work orders of every unit, M01–M10, within range, and no feed set (H8)', async () => {
    expect(await count('select count(*)::int as n from hotline_stat')).toBe(125 * 10);
    expect(await count('select count(distinct period)::int as n from hotline_stat')).toBe(10);
    expect(
      await count(
        `select count(*)::int as n from hotline_stat
          where volume < 0 or timely_rate not between 0 and 100 or completion_rate not between 0 and 100
             or satisfaction not between 0 and 100`,
      ),
    ).toBe(0);
    expect(await count('select count(*)::int as n from hotline_feed')).toBe(0);
  });

  it('is idempotent', async () => {
    const before = {
      nodes: await count('select count(*)::int as n from org_node'),
      staff: await count('select count(*)::int as n from staff'),
      users: await count('select count(*)::int as n from app_user'),
      audit: await count('select count(*)::int as n from audit_log'),
    };
    const again = await seedDemo(env.deps);
    expect(again.accounts).toEqual(accounts);
    expect({
      nodes: await count('select count(*)::int as n from org_node'),
      staff: await count('select count(*)::int as n from staff'),
      users: await count('select count(*)::int as n from app_user'),
      audit: await count('select count(*)::int as n from audit_log'),
    }).toEqual(before);
  });

  it('has one account per role, each of which signs in with the documented password', async () => {
    expect(accounts.map((a) => a.username)).toEqual([
      'admin',
      'office',
      'leader',
      'assessor',
      'provider',
      'unitadmin',
      'filler',
      'filler2',
      'expert',
      'observer',
      'surveyor',
    ]);
    expect(new Set(accounts.map((a) => a.role))).toEqual(new Set(roles));
    for (const a of accounts) {
      expect(a.password).toBe(DEMO_PASSWORD);
      const cookie = await signIn(env, a.username, a.password);
      const me = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.statusCode, `${a.username}: ${me.body}`).toBe(200);
      expect(me.json().grants.map((g: { role: string }) => g.role)).toEqual([a.role]);
    }
    const scoped = await env.database.query<{
      username: string;
      scope_type: string;
      refs: string[];
      code: string | null;
    }>(
      `select u.username, g.scope_type, g.refs, n.code from app_user u join grant_ g on g.user_id = u.id
         left join org_node n on n.id = g.org_node_id where u.username in ('assessor', 'provider', 'expert', 'filler', 'filler2', 'unitadmin')
        order by u.username`,
    );
    expect(scoped).toEqual([
      { username: 'assessor', scope_type: 'indicators', refs: ['T1', 'T4'], code: null },
      { username: 'expert', scope_type: 'indicators', refs: ['T1'], code: null },
      { username: 'filler', scope_type: 'org', refs: [], code: 'A01' },
      { username: 'filler2', scope_type: 'org', refs: [], code: 'B1-01' },
      { username: 'provider', scope_type: 'indicators', refs: ['D3'], code: null },
      { username: 'unitadmin', scope_type: 'org', refs: [], code: 'A01' },
    ]);
  });

  it("a filler sees only its unit's subtree; the office sees the whole city", async () => {
    const all = await count('select count(*)::int as n from org_node');
    const office = await env.app.inject({
      method: 'GET',
      url: '/api/org-nodes',
      headers: { cookie: await signIn(env, 'office', DEMO_PASSWORD) },
    });
    expect(office.statusCode).toBe(200);
    expect(office.json()).toHaveLength(all);

    const filler = await env.app.inject({
      method: 'GET',
      url: '/api/org-nodes',
      headers: { cookie: await signIn(env, 'filler', DEMO_PASSWORD) },
    });
    expect(filler.statusCode, filler.body).toBe(200);
    const seen = filler.json() as { code: string; parentId: number | null }[];
    expect(seen.map((n) => n.code).sort()).toEqual(['A01', 'A01-S1', 'A01-S2']);
    expect(seen.filter((n) => n.parentId === null).map((n) => n.code)).toEqual(['A01']);

    const filler2 = await env.app.inject({
      method: 'GET',
      url: '/api/org-nodes',
      headers: { cookie: await signIn(env, 'filler2', DEMO_PASSWORD) },
    });
    expect((filler2.json() as { code: string }[]).every((n) => n.code.startsWith('B1-01'))).toBe(true);
  });
});
