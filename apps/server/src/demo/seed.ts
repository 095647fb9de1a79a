import type { GrantInput, Role } from '@jixiao/contracts';
import { mulberry32 } from '@jixiao/engine';
import type { Executor } from '../db/client.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { findUserByUsername } from '../modules/identity/identity.repository.js';
import * as repo from '../modules/org/org.repository.js';
import { createAccount } from '../modules/users/accounts.js';
import { type Ctx, type Deps, systemCtx } from '../platform/context.js';
import { lockDemoSeed } from './demo.repository.js';
import type { DemoCity } from './demo-city.js';
import { seedCityDeptPlans } from './plans.js';
import { seedArchive } from './seed-archive.js';
import { seedHotline } from './seed-hotline.js';
import { seedInnovation } from './seed-innovation.js';
import { seedInquiries } from './seed-inquiries.js';
import { seedNotices } from './seed-notices.js';
import { seedRectification } from './seed-rectification.js';
import { seedSubmissions } from './seed-submissions.js';
import { seedSurveys } from './seed-surveys.js';
import { seedTaskBooks } from './seed-taskbooks.js';
import {
  cityDeptCategories,
  districts,
  givenChars,
  sectionNames,
  staffTitles,
  surnames,
  zones,
} from './units.js';

/** The one password of every demo account (≥ 10 characters from 4 classes). Demo mode skips the forced change. */
export const DEMO_PASSWORD = 'Demo-2026!pass';
/** Code of the demo city's root node; its presence means the demo is already seeded. */
export const DEMO_ROOT_CODE = 'demo-city';

export interface DemoAccount {
  username: string;
  password: string;
  role: string;
  note: string;
}

interface AccountSpec {
  username: string;
  displayName: string;
  role: Role;
  note: string;
  /** Unit code the account belongs to and is scoped to. */
  unit?: string;
  grant: Omit<GrantInput, 'role' | 'orgNodeId'>;
}

const accountSpecs: AccountSpec[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    role: 'system_admin',
    note: 'global',
    grant: { scopeType: 'global' },
  },
  {
    username: 'office',
    displayName: '绩效办',
    role: 'office_admin',
    note: 'global — performance office',
    grant: { scopeType: 'global' },
  },
  {
    username: 'leader',
    displayName: '领导小组',
    role: 'leader',
    note: 'global: approves results (审定) and decides escalated objections; otherwise read-only',
    grant: { scopeType: 'global' },
  },
  {
    username: 'assessor',
    displayName: '牵头单位考评员',
    role: 'assessor',
    note: 'indicators T1 职能目标任务完成情况, T4 信息报送序时进度 (lead department 市统计局 B1-14, verifies them)',
    unit: 'B1-14',
    grant: { scopeType: 'indicators', refs: ['T1', 'T4'] },
  },
  {
    username: 'provider',
    displayName: '数据提供单位',
    role: 'provider',
    note: 'indicator D3 高效履职 (data provider: enters it for every unit)',
    grant: { scopeType: 'indicators', refs: ['D3'] },
  },
  {
    username: 'unitadmin',
    displayName: '单位管理员（A01）',
    role: 'unit_admin',
    note: 'unit A01 市纪委监委机关',
    unit: 'A01',
    grant: { scopeType: 'org' },
  },
  {
    username: 'filler',
    displayName: '填报员（A01）',
    role: 'unit_filler',
    note: 'unit A01 市纪委监委机关',
    unit: 'A01',
    grant: { scopeType: 'org' },
  },
  {
    username: 'filler2',
    displayName: '填报员（B1-01）',
    role: 'unit_filler',
    note: 'unit B1-01 市发展改革委 (another unit)',
    unit: 'B1-01',
    grant: { scopeType: 'org' },
  },
  {
    username: 'expert',
    displayName: '评审专家',
    role: 'expert',
    note: "indicator T1 职能目标任务完成情况, read-only (its values and evidence in every unit; no results); the innovation pool's 林教授: judges the projects assigned to them; the year-end review (质询) of A01, A02 and B1-01",
    grant: { scopeType: 'indicators', refs: ['T1'] },
  },
  {
    username: 'observer',
    displayName: '绩效观察员',
    role: 'observer',
    note: 'global',
    grant: { scopeType: 'global' },
  },
  {
    username: 'surveyor',
    displayName: '调查员',
    role: 'surveyor',
    note: 'global: enters paper questionnaires of survey campaigns (Z3)',
    grant: { scopeType: 'global' },
  },
];

/** The demo accounts, all with DEMO_PASSWORD. */
export const demoAccounts: DemoAccount[] = accountSpecs.map((a) => ({
  username: a.username,
  password: DEMO_PASSWORD,
  role: a.role,
  note: a.note,
}));

/**
 * Scores and plans (issue 3): the city-department system runs the engine's Wuxi city-departments
 * template (keyed on the group codes A, B1, B2, C1, C2) as its active 2026 plan, with last year's
 * archived plan, generated 2026-Y data and one evaluation run (demo/plans.ts).
 */
export async function seedDemoPlans(deps: Deps, tx: Executor, ctx: Ctx, city: DemoCity): Promise<void> {
  const systemId = city.systems['city-dept'];
  if (systemId) await seedCityDeptPlans(deps, tx, ctx, systemId, city.nodes);
  if (systemId) await seedTaskBooks(deps, tx, ctx, systemId);
  if (systemId) await seedSubmissions(deps, tx, ctx, systemId);
  if (systemId) await seedSurveys(deps, tx, ctx, systemId);
  if (systemId) await seedHotline(deps, tx, ctx, systemId);
  // Earlier released years, placed against this year's released run (after every cycle seed).
  if (systemId) await seedArchive(deps, tx, ctx, systemId);
}

const strip = <T extends { createdAt?: unknown; updatedAt?: unknown }>({
  createdAt: _,
  updatedAt: __,
  ...rest
}: T) => rest;

/**
 * Seed the demo city 示范市 (issue point 10): three evaluation systems (W1), the W8 categories and
 * groups, 125 city-department units with sections and staff, districts, zones and one account per
 * role. Idempotent: when the demo city exists it writes nothing and returns the account list.
 * Everything happens in one transaction with an audit row per created record.
 */
export async function seedDemo(deps: Deps): Promise<{ accounts: DemoAccount[] }> {
  const ctx = systemCtx;
  const skipped = new Set<string>();
  await deps.database.db.transaction(async (tx) => {
    // Two servers starting together on one PostgreSQL must not both seed.
    await lockDemoSeed(tx);
    if ((await repo.findNodesByCodes(tx, [DEMO_ROOT_CODE])).length > 0) return;
    const audit = (
      action: string,
      objectType: string,
      rows: { id: number; createdAt?: unknown; updatedAt?: unknown }[],
    ) =>
      recordAudit(
        deps,
        tx,
        ctx,
        rows.map((row) => ({ action, objectType, objectId: row.id, after: strip(row) })),
      );

    // Evaluation systems (W1): owners are set once their offices exist.
    const systems: Record<string, number> = {};
    const systemRows = [
      await repo.insertSystem(tx, { code: 'city-dept', name: '市直机关' }),
      await repo.insertSystem(tx, { code: 'districts', name: '区县' }),
      await repo.insertSystem(tx, { code: 'zones', name: '开发区' }),
    ];
    for (const s of systemRows) systems[s.code] = s.id;

    // Categories and groups.
    const groups: Record<string, number> = {};
    const zoneGroups: Record<string, number> = {};
    let districtGroup = 0;
    const addCategory = async (systemId: number, code: string, name: string) => {
      const c = await repo.insertCategory(tx, { systemId, code, name });
      await audit('category.create', 'category', [c]);
      return c.id;
    };
    const addGroup = async (categoryId: number, code: string, name: string) => {
      const g = await repo.insertGroup(tx, { categoryId, code, name });
      await audit('group.create', 'group', [g]);
      return g.id;
    };
    for (const cat of cityDeptCategories) {
      const catId = await addCategory(systems['city-dept']!, cat.code, cat.name);
      for (const g of cat.groups) groups[g.code] = await addGroup(catId, g.code, g.name);
    }
    districtGroup = await addGroup(await addCategory(systems.districts!, 'D', '区县'), 'D', '区县');
    const zoneCat = await addCategory(systems.zones!, 'Z', '开发区');
    zoneGroups.national = await addGroup(zoneCat, 'N', '国家级开发区');
    zoneGroups.provincial = await addGroup(zoneCat, 'P', '省级开发区');

    // The tree, one level at a time so each parent's path exists before its children's.
    const nodes = new Map<string, number>();
    const insertLevel = async (rows: Parameters<typeof repo.insertNodesBulk>[1]) => {
      const inserted = await repo.insertNodesBulk(tx, rows);
      for (const n of inserted) nodes.set(n.code, n.id);
      await audit('org_node.create', 'org_node', inserted);
      return inserted;
    };
    const [root] = await insertLevel([
      { parentId: null, kind: 'region', code: DEMO_ROOT_CODE, name: '示范市', sortOrder: 0 },
    ]);
    const rootId = root!.id;

    const level1: Parameters<typeof repo.insertNodesBulk>[1] = [];
    const unitCodes: string[] = [];
    let order = 0;
    /** A unit under the root, numbered `prefix` 01, 02, … within its list, sorted in the order added. */
    const addUnit = (
      prefix: string,
      i: number,
      u: { kind: string; name: string; systemId: number; groupId: number },
    ) => {
      const code = `${prefix}${String(i + 1).padStart(2, '0')}`;
      level1.push({ parentId: rootId, code, ...u, sortOrder: ++order });
      return code;
    };
    for (const cat of cityDeptCategories)
      for (const g of cat.groups)
        for (const [i, u] of g.units.entries()) {
          const groupId = groups[g.code]!;
          unitCodes.push(addUnit(g.unitPrefix, i, { ...u, systemId: systems['city-dept']!, groupId }));
        }
    for (const [i, name] of districts.entries())
      addUnit('D', i, { kind: 'region', name, systemId: systems.districts!, groupId: districtGroup });
    for (const [i, z] of zones.entries())
      addUnit('Z', i, {
        kind: 'zone',
        name: z.name,
        systemId: systems.zones!,
        groupId: zoneGroups[z.level]!,
      });
    await insertLevel(level1);

    // Sections (科室): two or three per unit (S1: coverage reaches sections and staff).
    const sectionsOf = new Map<string, string[]>();
    const level2: Parameters<typeof repo.insertNodesBulk>[1] = [];
    unitCodes.forEach((unit, u) => {
      const count = 2 + (u % 2);
      const codes: string[] = [];
      for (let s = 0; s < count; s++) {
        const code = `${unit}-S${s + 1}`;
        codes.push(code);
        level2.push({
          parentId: nodes.get(unit)!,
          kind: 'section',
          code,
          name: sectionNames[s]!,
          sortOrder: s + 1,
        });
      }
      sectionsOf.set(unit, codes);
    });
    await insertLevel(level2);

    // Staff: two to four per unit with made-up names, spread over the unit and its sections.
    const random = mulberry32(20260301);
    const pick = (s: string) => s[Math.floor(random() * s.length)]!;
    const staffRows: Parameters<typeof repo.insertStaffBulk>[1] = [];
    unitCodes.forEach((unit, u) => {
      const count = 2 + (u % 3);
      const places = [unit, ...sectionsOf.get(unit)!];
      for (let i = 0; i < count; i++) {
        const name = pick(surnames) + pick(givenChars) + (random() < 0.6 ? pick(givenChars) : '');
        staffRows.push({
          orgNodeId: nodes.get(places[i % places.length]!)!,
          employeeNo: `DEMO-${unit}-${String(i + 1).padStart(2, '0')}`,
          name,
          title: staffTitles[Math.floor(random() * staffTitles.length)]!,
        });
      }
    });
    await audit('staff.create', 'staff', await repo.insertStaffBulk(tx, staffRows));

    // Owner offices of the systems (W1): establishment office, development & reform, commerce.
    const owners: Record<string, string> = { 'city-dept': 'A11', districts: 'B1-01', zones: 'B1-08' };
    for (const s of systemRows) {
      const updated = await repo.updateSystem(tx, s.id, s.version, {
        ownerOrgId: nodes.get(owners[s.code]!)!,
      });
      await audit('system.create', 'system', [updated!]);
    }

    // One account per role. A username that is already taken (say, an administrator made with
    // `jixiao create-admin` before the first demo start) is left alone and not listed.
    const users = new Map<string, number>();
    for (const a of accountSpecs) {
      if (await findUserByUsername(tx, a.username)) {
        skipped.add(a.username);
        continue;
      }
      const orgNodeId = a.unit ? nodes.get(a.unit)! : null;
      const user = await createAccount(deps, tx, ctx, {
        username: a.username,
        displayName: a.displayName,
        password: DEMO_PASSWORD,
        orgNodeId,
        grants: [{ ...a.grant, role: a.role, ...(a.grant.scopeType === 'org' ? { orgNodeId } : {}) }],
        mustChangePassword: true,
        source: 'seed',
      });
      users.set(a.username, user.id);
    }

    const city: DemoCity = { rootId, systems, groups, nodes, users };
    await seedDemoPlans(deps, tx, ctx, city);
    // Supervision items, progress, reminders, notices, announcements (after plans and other cycle data).
    await seedNotices(deps, tx, ctx, city);
    // Rectification tasks and the rating rounds of the lead departments (issue 11 points 8, 9).
    await seedRectification(deps, tx, ctx, city);
    // This year's innovation call, projects, the expert pool and the judges (issue 12 points 1–3).
    await seedInnovation(deps, tx, ctx, city);
    // The year-end expert review: the expert's units and inquiries (issue 12 point 6).
    await seedInquiries(deps, tx, ctx, city);

    await recordAudit(deps, tx, ctx, {
      action: 'demo.seed',
      objectType: 'org_node',
      objectId: rootId,
      after: { nodes: nodes.size, units: unitCodes.length, staff: staffRows.length, accounts: users.size },
    });
  });
  return { accounts: demoAccounts.filter((a) => !skipped.has(a.username)) };
}
