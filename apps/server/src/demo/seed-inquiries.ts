import { beijingDay } from '@jixiao/contracts';
import { yearPeriod } from '@jixiao/engine';
import type { Executor } from '../db/client.js';
import { insertEvent } from '../modules/events/events.service.js';
import * as repo from '../modules/inquiries/inquiries.repository.js';
import { findActivePlan } from '../modules/plans/plans.repository.js';
import type { Ctx, Deps } from '../platform/context.js';
import type { DemoCity } from './demo-city.js';
import { DEMO_YEAR } from './plans.js';

/** The units the demo's `expert` reviews at the year end of the 2026 plan. */
export const DEMO_REVIEWED_UNITS = ['A01', 'A02', 'B1-01'];

/**
 * The year-end expert review (S11) of the demo: `expert` is assigned A01, A02 and B1-01 of the 2026
 * plan; A01 has one inquiry answered (awaiting the expert's close) and one open, A02 one closed
 * with a 0.5-point deduction (a deduction event of 2026-Y). Rows straight into the seed's
 * transaction (the services open their own), a handful of them.
 */
export async function seedInquiries(deps: Deps, tx: Executor, ctx: Ctx, city: DemoCity) {
  const systemId = city.systems['city-dept'];
  const expert = city.users.get('expert');
  const plan = systemId ? await findActivePlan(tx, systemId, DEMO_YEAR) : undefined;
  const units = DEMO_REVIEWED_UNITS.map((c) => city.nodes.get(c));
  if (!plan || !expert || units.some((u) => u === undefined)) return;
  const [a01, a02, b101] = units as number[];
  const now = deps.now();
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
  const day = (days: number) => beijingDay(at(days));
  await repo.insertAssignments(
    tx,
    [a01!, a02!, b101!].map((unitId) => ({
      planId: plan.id,
      year: plan.year,
      expertUserId: expert,
      unitId,
      assignedAt: at(-6),
      assignedBy: 'office',
    })),
  );
  const base = { planId: plan.id, expertUserId: expert, createdBy: 'expert' };
  await repo.insertInquiry(tx, {
    ...base,
    unitId: a01!,
    indicator: 'T1',
    question: '职能目标任务完成情况的年度完成值缺少佐证材料，请说明完成依据并补充材料。',
    deadline: day(5),
    status: 'answered',
    answer: '受上级政策调整影响，两项任务顺延至明年一季度完成，已附市里的调整通知。',
    answeredAt: at(-1),
    answeredBy: 'filler',
    createdAt: at(-4),
  });
  await repo.insertInquiry(tx, {
    ...base,
    unitId: a01!,
    indicator: 'T4',
    question: '信息报送的全年篇数缺少采用证明，请补充。',
    deadline: day(7),
    status: 'open',
    createdAt: at(-2),
  });
  const [node] = await repo.nodesByIds(tx, [a02!]);
  if (!node) return;
  const reason = '年度完成值的辅证资料与统计数据不符，经质询未能说明。';
  const event = await insertEvent(deps, tx, ctx, plan.id, node, {
    period: yearPeriod(plan.year),
    kind: 'deduction',
    code: 'inquiry_deduction',
    indicator: 'T1',
    points: 0.5,
    reason,
  });
  await repo.insertInquiry(tx, {
    ...base,
    unitId: a02!,
    indicator: 'T1',
    question: '职能目标任务中“重点课题调研”一项的年度完成情况请提供成果材料。',
    deadline: day(-1),
    status: 'closed',
    answer: '调研报告正在定稿，先附提纲。',
    answeredAt: at(-3),
    answeredBy: null,
    closedAt: at(-1),
    closedBy: 'expert',
    deductionPoints: 0.5,
    deductionReason: reason,
    eventId: event.id,
    createdAt: at(-5),
  });
}
