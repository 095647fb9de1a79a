import { submissions, taskBooks, taskTargets } from '../src/db/schema/index.js';
import * as plansRepo from '../src/modules/plans/plans.repository.js';
import { fillCycle } from './cycle-data.js';
import type { TestEnv } from './helpers.js';
import { buildOrg, officeCookie } from './org-fixture.js';

/**
 * A hand-checkable cycle for progress, supervision and notices tests. One group A with units u1, u2;
 * a 2026 plan with I1 (completion: monthly reports give the year-to-date figure → latest),
 * K (key work, fed by supervision items) and P (pro-rata: monthly counts → sum).
 *
 * At 2026-M06 (6/12 of the year):
 *   u1 I1: target 120 (dataset), latest of M03=20, M06=50 → 50 / 60 = 0.8333 → lagging
 *   u2 I1: task book target 150 beats the dataset's 120; M06=70 → 70 / 75 = 0.9333 → lagging
 *   u1 P : target 24, 1 each month M01–M06 → 6 / 12 = 0.5 → serious
 *   u2 P : target 0 → nothing expected → on_track, ratio null
 *   u1 K : items 40 and 60 → 50 / 50 = 1 → on_track
 *   u2 K : item 20 → 20 / 50 = 0.4 → serious
 */
export function cyclePlan() {
  return {
    format: 'jixiao-plan/1',
    id: 'cycle',
    name: '进度方案',
    year: 2026,
    period: { granularity: 'year' },
    scoring: 'points',
    totalPoints: 100,
    categories: [{ code: 'A', name: '党群口' }],
    groups: [{ code: 'A', name: '党群口', category: 'A' }],
    components: [{ code: 'main', name: '目标任务', points: 100 }],
    indicators: [
      { code: 'I1', name: '主要任务', component: 'main', points: 60, method: { kind: 'completion' } },
      {
        code: 'K',
        name: '重点工作',
        component: 'main',
        points: 20,
        key: true,
        method: { kind: 'completion' },
      },
      {
        code: 'P',
        name: '信息报送',
        component: 'main',
        points: 10,
        method: { kind: 'pro_rata', basis: 'month' },
      },
      {
        code: 'D',
        name: '扣分项',
        component: 'main',
        points: 10,
        direction: 'lower',
        method: { kind: 'deduction', perItem: 1 },
      },
    ],
    grades: { levels: [{ code: 'pass', name: '合格', color: '#d4b106' }] },
  };
}

export interface CycleFixture {
  office: string;
  system: number;
  unit1: number;
  unit2: number;
  plan: number;
}

export async function buildCycle(env: TestEnv, opts: { submissions?: boolean } = {}): Promise<CycleFixture> {
  const office = await officeCookie(env);
  const org = await buildOrg(env, office, { u1: '一号局', u2: '二号局' });
  const { system } = org;
  const { u1: unit1, u2: unit2 } = org.units;
  const db = env.database.db;
  const at = env.clock.now;
  const plan = await plansRepo.insertPlan(db, {
    systemId: system,
    year: 2026,
    name: '进度方案',
    status: 'active',
    document: cyclePlan(),
    createdAt: at,
    updatedAt: at,
  });
  // The office's start-of-year targets (reference values of 2026-M01).
  await fillCycle(env, plan.id, {
    period: '2026-M01',
    values: [
      { unit: 'u1', indicator: 'I1', target: 120 },
      { unit: 'u2', indicator: 'I1', target: 120 },
      { unit: 'u1', indicator: 'P', target: 24 },
      { unit: 'u2', indicator: 'P', target: 0 },
    ],
  });
  const [book] = await db
    .insert(taskBooks)
    .values({ planId: plan.id, unitId: unit2, status: 'issued' })
    .returning();
  await db.insert(taskTargets).values({ taskBookId: book!.id, indicator: 'I1', target: 150 });
  if (opts.submissions !== false) {
    const sub = (unitId: number, indicator: string, month: number, value: number, status = 'verified') => ({
      planId: plan.id,
      unitId,
      indicator,
      period: `2026-M${String(month).padStart(2, '0')}`,
      value,
      status,
    });
    await db.insert(submissions).values([
      sub(unit1, 'I1', 3, 20),
      sub(unit1, 'I1', 6, 50),
      // A draft is not reported yet and a later month is beyond M06: neither counts at M06.
      sub(unit1, 'I1', 5, 999, 'draft'),
      sub(unit1, 'I1', 7, 500),
      sub(unit2, 'I1', 6, 70, 'submitted'),
      // Year-to-date figures: one report a month, 1 … 6 by June.
      ...[1, 2, 3, 4, 5, 6].map((m) => sub(unit1, 'P', m, m)),
    ]);
  }
  return { office, system, unit1, unit2, plan: plan.id };
}

/** Supervision items behind u1 K = 50 and u2 K = 20. */
export const fixtureItems = [
  {
    externalId: 'DC-1',
    unitCode: 'u1',
    indicator: 'K',
    title: '项目一',
    progress: 40,
    dueDate: '2026-12-31',
    status: 'in_progress',
  },
  {
    externalId: 'DC-2',
    unitCode: 'u1',
    indicator: 'K',
    title: '项目二',
    progress: 60,
    dueDate: '2026-12-31',
    status: 'in_progress',
  },
  {
    externalId: 'DC-3',
    unitCode: 'u2',
    indicator: 'K',
    title: '项目三',
    progress: 20,
    dueDate: '2026-05-31',
    status: 'in_progress',
  },
];

/** An API token the office makes (POST /api/api-tokens, as on the supervision page): its id and its secret. */
export async function issueApiToken(env: TestEnv, cookie: string, name: string) {
  const r = await env.app.inject({
    method: 'POST',
    url: '/api/api-tokens',
    headers: { cookie },
    payload: { name },
  });
  if (r.statusCode !== 201) throw new Error(`POST /api/api-tokens: ${r.statusCode} ${r.body}`);
  return r.json() as { id: number; token: string };
}
