import { beijingDay, DEFAULT_INNOVATION_CATEGORIES } from '@jixiao/contracts';
import type { Executor } from '../db/client.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { assignJudges } from '../modules/innovation/assignment.js';
import * as repo from '../modules/innovation/innovation.repository.js';
import type { Ctx, Deps } from '../platform/context.js';
import { fieldCipher } from '../platform/field-crypto.js';
import type { DemoCity } from './demo-city.js';
import { DEMO_YEAR } from './plans.js';
import { seedInnovationScoring } from './seed-innovation-scoring.js';

/** The demo's innovation projects: unit, category, title. */
const PROJECTS: [unit: string, category: string, title: string][] = [
  ['A01', 'party', '“清廉机关”数字监督平台'],
  ['A07', 'party', '融媒体“一键发布”协同机制'],
  ['A09', 'party', '基层矛盾纠纷多元化解“一站式”中心'],
  ['A19', 'party', '检察公益诉讼线索智能发现'],
  ['B1-01', 'economy', '重大项目全生命周期在线服务'],
  ['B1-03', 'economy', '科技型中小企业“创新积分制”'],
  ['B1-04', 'economy', '工业企业“智改数转”诊断服务'],
  ['B1-08', 'economy', '外贸企业出海服务驿站'],
  ['B1-02', 'livelihood', '“家门口”优质教育资源共享'],
  ['B1-05', 'livelihood', '养老服务“时间银行”'],
  ['B1-10', 'livelihood', '医防融合慢病管理新模式'],
  ['B2-01', 'urban', '城市运行“一网统管”联动处置'],
];

/** Made-up experts: name, affiliation, organisation, fields, member unit, declared conflicts, available. */
const EXPERTS: [string, string, string, string[], string | null, string[], boolean][] = [
  ['林教授', 'university', '示范大学公共管理学院', ['绩效管理', '数字政府'], null, [], true],
  ['许研究员', 'university', '省社会科学院', ['社会治理'], null, ['A09'], true],
  ['何教授', 'university', '示范理工大学经济学院', ['产业经济', '科技创新'], null, [], true],
  ['梁副教授', 'university', '示范师范学院', ['教育政策'], null, ['B1-02'], true],
  ['冯高工', 'industry', '示范数字科技有限公司', ['智慧城市', '数据治理'], null, [], true],
  ['邓总监', 'industry', '示范产业投资集团', ['投融资', '营商环境'], null, ['B1-01'], true],
  ['曹主任医师', 'industry', '示范市第一人民医院', ['公共卫生'], null, [], true],
  ['彭律师', 'industry', '示范律师事务所', ['法治政府'], null, [], true],
  ['韩处长', 'government', '市发展改革委', ['规划与改革'], 'B1-01', [], true],
  ['唐处长', 'government', '市委办公室', ['督查考核'], 'A02', [], true],
  ['蒋研究员', 'other', '市委党校', ['党建', '基层治理'], 'A16', [], true],
  ['沈老师', 'other', '示范行政学院', ['行政管理'], null, [], false],
];

/**
 * Demo data of innovation projects (issue 12): this year's call with the four default categories
 * (its deadline a month ahead, but closed by the office: the defence is over); 12 projects of 12
 * units; a pool of 12 experts (a few with a member unit or declared conflicts, one unavailable),
 * the `expert` account linked to 林教授; three judges per project assigned automatically; the
 * finished defence session, results and bonus (seed-innovation-scoring.ts). Deterministic.
 */
export async function seedInnovation(deps: Deps, tx: Executor, ctx: Ctx, city: DemoCity) {
  const now = deps.now();
  const code = (id: number) => [...city.nodes].find(([, v]) => v === id)?.[0];
  const call = await repo.insertCall(tx, {
    year: DEMO_YEAR,
    title: `${DEMO_YEAR}年度改革创新十优项目申报`,
    categories: DEFAULT_INNOVATION_CATEGORIES,
    deadline: beijingDay(new Date(now.getTime() + 30 * 86_400_000)),
    status: 'open',
    createdAt: now,
    createdBy: 'office',
    openedAt: now,
    openedBy: 'office',
    assignMode: 'perProject',
    assignN: 3,
  });
  const units = await repo.nodesByCodes(
    tx,
    PROJECTS.map(([u]) => u),
  );
  const byCode = new Map(units.map((u) => [u.code, u]));
  const projects = [];
  for (const [unit, category, title] of PROJECTS) {
    const node = byCode.get(unit);
    if (!node) continue;
    projects.push(
      await repo.insertProject(tx, {
        callId: call.id,
        unitId: node.id,
        category,
        title,
        summary: `${node.name}围绕“${title}”开展改革探索，形成可复制推广的做法。`,
        results: '群众和企业办事时间明显缩短，相关做法被上级部门推广。',
        createdAt: now,
        createdBy: 'filler',
        updatedAt: now,
        updatedBy: 'filler',
      }),
    );
  }
  const seal = fieldCipher(deps.config.secret);
  const expertRows = await repo.insertExperts(
    tx,
    EXPERTS.map(([name, affiliation, organisation, fields, member, , available], i) => ({
      name,
      affiliation,
      organisation,
      fields,
      contactSealed: seal.seal(JSON.stringify({ phone: `1390000${String(1001 + i)}`, email: null })),
      available,
      userId: i === 0 ? (city.users.get('expert') ?? null) : null,
      memberUnitId: member ? (city.nodes.get(member) ?? null) : null,
    })),
  );
  const conflicts = expertRows.flatMap((e, i) =>
    EXPERTS[i]![5].flatMap((u) =>
      city.nodes.has(u) ? [{ expertId: e.id, unitId: city.nodes.get(u)! }] : [],
    ),
  );
  await repo.insertConflicts(tx, conflicts);
  const plan = assignJudges(
    projects.map((p) => ({
      id: p.id,
      unitCode: code(p.unitId)!,
      organisation: byCode.get(code(p.unitId)!)!.name,
      category: p.category,
    })),
    expertRows.map((e, i) => ({
      id: e.id,
      organisation: e.organisation,
      memberUnitCode: EXPERTS[i]![4],
      conflictUnitCodes: EXPERTS[i]![5],
      available: e.available,
    })),
    { perProject: 3 },
  );
  await repo.insertAssignments(
    tx,
    plan.assignments.map((a) => ({ ...a, how: 'auto', assignedAt: now, assignedBy: 'office' })),
  );
  // Points 4–5: the finished defence session, the sheets, the results and the bonus events.
  await seedInnovationScoring(deps, tx, ctx, call, projects, expertRows, plan.assignments);
  await recordAudit(deps, tx, ctx, [
    {
      action: 'innovation_call.create',
      objectType: 'innovation_call',
      objectId: call.id,
      after: { year: call.year, title: call.title, deadline: call.deadline, projects: projects.length },
    },
    {
      action: 'innovation_assignment.auto',
      objectType: 'innovation_call',
      objectId: call.id,
      after: { mode: 'perProject', n: 3, experts: expertRows.length, judges: plan.assignments.length },
    },
  ]);
}
