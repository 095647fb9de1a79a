import { unitRoles } from '@jixiao/contracts';
import type { Plan } from '@jixiao/engine';
import { mulberry32 } from '@jixiao/engine';
import type { Executor } from '../db/client.js';
import { insertAnnouncement, unitRoleUsers } from '../modules/announcements/announcements.repository.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import {
  findReminderLike,
  insertNotice,
  insertProposal,
  type NewNotice,
  updateNotice,
} from '../modules/notices/notices.repository.js';
import { generateReminders } from '../modules/notices/reminders.js';
import { notify } from '../modules/notifications/notifications.service.js';
import { findActivePlan } from '../modules/plans/plans.repository.js';
import { createToken, importForSeed } from '../modules/supervision/supervision.service.js';
import type { Ctx, Deps } from '../platform/context.js';
import type { DemoCity } from './demo-city.js';
import { DEMO_YEAR } from './plans.js';

/** The month the demo stands in: data for M01–M10 (the demo "now" is November). */
export const DEMO_PROGRESS_PERIOD = `${DEMO_YEAR}-M10`;

const _r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Demo data of the notices part (issue 4 items 5, 6, 9): a supervision-system token, ~30
 * supervision items, monthly progress when no other seed wrote submissions, reminders for every
 * lagging item at 2026-M10, three urging notices (acknowledged, answered, open), one accountability
 * proposal, two observations and two announcements. Deterministic (seeded PRNG), in the seed's transaction.
 */
export async function seedNotices(deps: Deps, tx: Executor, ctx: Ctx, city: DemoCity): Promise<void> {
  const systemId = city.systems['city-dept'];
  const plan = await findActivePlan(tx, systemId ?? -1, DEMO_YEAR);
  if (!plan) return;
  const rand = mulberry32(20261110);
  const now = deps.now();
  const _node = (code: string) => city.nodes.get(code)!;
  const unitCodes = [...city.nodes.keys()].filter((c) => /^(A|B1|B2|C1|C2)-?\d\d$/.test(c)).sort();

  await createToken(deps, ctx, '督查管理系统（示例）', tx);

  // Supervision items (H6) for the key-work sub-items, two per unit for 15 units; some overdue.
  const doc = plan.document as unknown as Plan;
  const key = doc.indicators.find((i) => i.key);
  const keyCodes = key?.subItems?.map((s) => `${key.code}.${s.code}`) ?? (key ? [key.code] : []);
  if (keyCodes.length) {
    const items = unitCodes
      .slice(0, 60)
      .filter((_, i) => i % 4 === 0)
      .flatMap((unit, i) =>
        keyCodes.slice(0, 2).map((indicator, j) => {
          const progress = Math.round(35 + rand() * 65);
          const overdue = (i + j) % 5 === 0;
          return {
            externalId: `DC-2026-${String(i * 2 + j + 1).padStart(3, '0')}`,
            unitCode: unit,
            indicator,
            title: `${['重大项目推进', '民生实事', '营商环境改革', '数字政府建设'][(i + j) % 4]}督查事项 ${i * 2 + j + 1}`,
            progress: overdue ? Math.min(progress, 70) : progress,
            dueDate: overdue ? `${DEMO_YEAR}-09-30` : `${DEMO_YEAR}-12-31`,
            status: progress >= 100 ? 'completed' : 'in_progress',
          };
        }),
      );
    await importForSeed(deps, tx, ctx, plan.id, 'dcgl', items);
  }

  await generateReminders(deps, plan.id, DEMO_PROGRESS_PERIOD, now, { ctx, tx });
  await seedNoticeFlow(deps, tx, ctx, city, plan.id);
}

async function seedNoticeFlow(deps: Deps, tx: Executor, ctx: Ctx, city: DemoCity, planId: number) {
  const now = deps.now();
  const day = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const node = (code: string) => city.nodes.get(code)!;
  const audits: { action: string; objectType: string; objectId: number; after: unknown }[] = [];
  const add = async (v: NewNotice) => {
    const row = await insertNotice(tx, v);
    audits.push({
      action: `notice.${v.kind}`,
      objectType: 'notice',
      objectId: row.id,
      after: { unitId: v.unitId, status: v.status },
    });
    await notify(
      deps,
      tx,
      { unit: { id: v.unitId, roles: unitRoles } },
      {
        kind: v.kind === 'observation' ? 'observation' : 'urging',
        message:
          v.kind === 'observation'
            ? { code: 'observation.routed', params: { title: v.title, body: v.body } }
            : { code: 'notice.urging', params: { title: v.title, body: v.body, due: v.dueDate ?? '' } },
        link: `/notices/${row.id}`,
        todo: v.status === 'open',
      },
    );
    return row;
  };
  const base = { kind: 'urging', planId, issuedBy: 'office', dueDate: `${DEMO_YEAR}-11-30` };
  await add({
    ...base,
    unitId: node('A01'),
    indicator: 'T1',
    period: DEMO_PROGRESS_PERIOD,
    title: '职能目标任务进度滞后',
    body: '贵单位职能目标任务完成进度低于序时进度，请于11月30日前反馈整改措施。',
    status: 'acknowledged',
    issuedAt: day(6),
    acknowledgedAt: day(5),
    acknowledgedBy: 'filler',
  });
  await add({
    ...base,
    unitId: node('B1-01'),
    indicator: 'T4',
    period: DEMO_PROGRESS_PERIOD,
    title: '信息报送序时进度滞后',
    body: '信息报送数量落后于序时进度，请说明原因并提出整改措施。',
    status: 'answered',
    issuedAt: day(9),
    acknowledgedAt: day(8),
    acknowledgedBy: 'filler2',
    answer: '已明确专人负责信息报送，每周汇总上报，12月底前补齐差额。',
    answeredAt: day(4),
    answeredBy: 'filler2',
  });
  await add({
    ...base,
    unitId: node('A02'),
    indicator: 'T1',
    period: DEMO_PROGRESS_PERIOD,
    title: '重点任务推进缓慢',
    body: '请于11月30日前书面报告推进情况和下一步措施。',
    status: 'open',
    issuedAt: day(2),
  });

  // One serious reminder turned into an accountability proposal (S10).
  const serious = await findReminderLike(tx, planId, '严重滞后', node('A01'));
  if (serious) {
    await updateNotice(tx, serious.id, serious.version, { status: 'escalated' });
    const p = await insertProposal(tx, {
      noticeId: serious.id,
      unitId: serious.unitId,
      reason: '连续两个季度严重滞后于序时进度，催办后仍无明显改善，建议移交纪检监察机关问责。',
      proposedAt: day(1),
      proposedBy: 'office',
    });
    audits.push({
      action: 'accountability_proposal.create',
      objectType: 'accountability_proposal',
      objectId: p.id,
      after: { noticeId: serious.id },
    });
  }

  // Observations (Z15): one awaiting routing by the office, one routed to A01.
  const obs = { kind: 'observation', issuedBy: 'observer' };
  const filed = await insertNotice(tx, {
    ...obs,
    unitId: node('B2-01'),
    title: '窗口服务等候时间长',
    body: '观察发现政务服务窗口午间排队较长，建议增设弹性窗口。',
    status: 'filed',
    issuedAt: day(3),
  });
  audits.push({
    action: 'notice.file',
    objectType: 'notice',
    objectId: filed.id,
    after: { status: 'filed' },
  });
  await notify(
    deps,
    tx,
    { global: ['office_admin'] },
    {
      kind: 'observation',
      message: {
        code: 'notice.observation',
        params: { title: filed.title, unit: 'B2-01', body: filed.body },
      },
      link: `/notices/${filed.id}`,
      todo: true,
    },
  );
  await add({
    ...obs,
    unitId: node('A01'),
    title: '政务公开栏目更新不及时',
    body: '单位网站政务公开栏目近两个月未更新，建议明确更新责任人。',
    status: 'open',
    issuedAt: day(7),
  });

  // Announcements (S4): one to all, one to the group B units.
  const groupB = [...city.nodes.entries()].filter(([c]) => /^B[12]-\d\d$/.test(c)).map(([, id]) => id);
  const toAll = await insertAnnouncement(tx, {
    title: '关于开展2026年度绩效考评年终考核工作的通知',
    body: '各单位：2026年度年终考核将于12月启动，请于12月20日前完成全年数据填报和辅证资料上传。',
    unitIds: [],
    publishedAt: day(5),
    publishedBy: 'office',
  });
  const toB = await insertAnnouncement(tx, {
    title: '政府口单位第三季度绩效通报',
    body: '政府口（B组）单位第三季度序时进度情况已通报，请滞后单位对照整改。',
    unitIds: groupB,
    publishedAt: day(10),
    publishedBy: 'office',
  });
  await notify(
    deps,
    tx,
    { userIds: await unitRoleUsers(tx, null) },
    {
      kind: 'announcement',
      message: { code: 'announcement.published', params: { title: toAll.title, body: toAll.body } },
      link: '/announcements',
    },
  );
  audits.push(
    ...[toAll, toB].map((a) => ({
      action: 'announcement.publish',
      objectType: 'announcement',
      objectId: a.id,
      after: { title: a.title, units: a.unitIds.length },
    })),
  );
  await recordAudit(deps, tx, ctx, audits);
}
