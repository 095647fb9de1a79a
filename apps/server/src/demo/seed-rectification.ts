import { beijingDay, type RatingScores } from '@jixiao/contracts';
import { mulberry32 } from '@jixiao/engine';
import type { Executor } from '../db/client.js';
import { closeRoundIn } from '../modules/rectification/rating-close.js';
import * as repo from '../modules/rectification/rectification.repository.js';
import { openTasks } from '../modules/rectification/rectification.service.js';
import type { Ctx, Deps } from '../platform/context.js';
import type { DemoCity } from './demo-city.js';
import { DEMO_YEAR } from './plans.js';

/** The lead departments the demo rates: 市委组织部, 市直机关工委 and 市统计局 (the assessor's department). */
export const DEMO_LEAD_DEPARTMENTS = ['A06', 'A13', 'B1-14'];
/** The department rated poor last year and again in this year's ratings so far. */
export const DEMO_POOR_DEPARTMENT = 'B1-14';

/**
 * Demo data of rectification and rating (issue 11 points 8 and 9): three tasks for A01 (one
 * overdue, one with a progress report), last year's closed round of units rating the lead
 * departments (市统计局 poor, so it got a rectification task) and this year's open round with
 * 20 units' ratings in, 市统计局 poor again: closing it flags the department. A01 has not rated yet.
 * Deterministic, in the seed's transaction, a few hundred rows.
 */
export async function seedRectification(deps: Deps, tx: Executor, ctx: Ctx, city: DemoCity) {
  const systemId = city.systems['city-dept'];
  const a01 = city.nodes.get('A01');
  if (!systemId || !a01) return;
  const now = deps.now();
  const day = (days: number) => beijingDay(new Date(now.getTime() + days * 86_400_000));
  const manual = (note: string) => ({ code: 'rectification.weakness.manual', params: {}, note });
  const [late, reported] = await openTasks(deps, tx, ctx, [
    {
      unitId: a01,
      sourceKind: 'manual',
      sourceId: null,
      sourceKey: null,
      title: '考评台账资料不完整',
      weakness: manual('年中检查发现部分指标缺少佐证材料，台账未按月归档。'),
      measures: '补齐佐证材料，建立按月归档制度。',
      deadline: day(-10),
    },
    {
      unitId: a01,
      sourceKind: 'manual',
      sourceId: null,
      sourceKey: null,
      title: '群众满意度测评问题整改',
      weakness: manual('满意度测评中“办事效率”一项得分偏低。'),
      measures: '梳理办事流程，压缩办理时限。',
      deadline: day(30),
    },
    {
      unitId: a01,
      sourceKind: 'manual',
      sourceId: null,
      sourceKey: null,
      title: '序时进度滞后指标整改',
      weakness: manual('10 月份两项指标滞后于序时进度。'),
      measures: '',
      deadline: day(45),
    },
  ]);
  if (!late || !reported) return;
  await repo.insertReport(tx, {
    taskId: reported.id,
    percent: 60,
    text: '已梳理 12 项办事流程，其中 7 项压缩了办理时限。',
    reportedAt: now,
    reportedBy: 'unitadmin',
  });
  await repo.updateTask(tx, reported.id, reported.version, { status: 'reported', progress: 60 });

  // Rating rounds (S14): 20 raters from groups A and B1 (A01 and the departments themselves excluded).
  const deptIds = DEMO_LEAD_DEPARTMENTS.map((c) => city.nodes.get(c)!);
  const depts = (await repo.nodesByIds(tx, deptIds)).map((n) => ({
    unitId: n.id,
    unitCode: n.code,
    unitName: n.name,
    indicators: n.code === DEMO_POOR_DEPARTMENT ? ['T1', 'T4'] : [],
  }));
  const raters = [...city.nodes.keys()]
    .filter((c) => /^(A\d\d|B1-\d\d)$/.test(c) && c !== 'A01' && !DEMO_LEAD_DEPARTMENTS.includes(c))
    .sort()
    .slice(0, 20)
    .map((c) => city.nodes.get(c)!);
  const rand = mulberry32(20261207);
  const score = (base: number): RatingScores => {
    const s = () => Math.max(0, Math.min(100, Math.round(base + (rand() - 0.5) * 16)));
    return { method: s(), procedure: s(), discipline: s(), fairness: s() };
  };
  const round = async (year: number) => {
    const r = await repo.insertRound(tx, {
      systemId,
      year,
      status: 'open',
      threshold: 80,
      rectifyDeadline: `${year + 1}-06-30`,
      departments: depts as unknown as Record<string, unknown>[],
      openedAt: now,
      openedBy: 'office',
    });
    await repo.insertRatings(
      tx,
      raters.flatMap((raterUnitId) =>
        depts.map((d) => ({
          roundId: r.id,
          raterUnitId,
          departmentId: d.unitId,
          ...score(d.unitCode === DEMO_POOR_DEPARTMENT ? 72 : 88),
          ratedAt: now,
          ratedBy: 'seed',
        })),
      ),
    );
    return r;
  };
  await closeRoundIn(deps, tx, ctx, await round(DEMO_YEAR - 1));
  await round(DEMO_YEAR);
}
