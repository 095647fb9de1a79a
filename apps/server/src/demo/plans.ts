import type { RevisionNote } from '@jixiao/contracts';
import {
  type ConsequenceRule,
  catalogueQuota,
  type EvaluationInput,
  generateTemplateData,
  getTemplate,
  type Indicator,
  type Plan,
  type ReportingFrequency,
  type UnitInput,
  yearPeriod,
} from '@jixiao/engine';
import type { Executor } from '../db/client.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import * as inputs from '../modules/inputs/inputs.repository.js';
import { referenceFigures } from '../modules/inputs/references.js';
import * as repo from '../modules/plans/plans.repository.js';
import type { Ctx, Deps } from '../platform/context.js';
import { cityDeptCategories } from './units.js';

export const DEMO_TEMPLATE = 'wuxi-departments-2016';
export const DEMO_YEAR = 2026;
export const DEMO_PERIOD = yearPeriod(DEMO_YEAR);

/** The demo city's units in the engine's form (codes as the seed makes them). */
export function demoUnits(): UnitInput[] {
  return cityDeptCategories.flatMap((cat) =>
    cat.groups.flatMap((g) =>
      g.units.map((u, i) => ({
        code: `${g.unitPrefix}${String(i + 1).padStart(2, '0')}`,
        name: u.name,
        group: g.code,
        category: cat.code,
      })),
    ),
  );
}

/**
 * A demo year's made-up figures: what every unit will have reached by the year end (deterministic;
 * earlier years of the archive take their own seed).
 */
export function demoYearData(units: UnitInput[], year = DEMO_YEAR): EvaluationInput {
  const data = generateTemplateData(DEMO_TEMPLATE, units, year * 10000 + 301, {
    period: yearPeriod(year),
    vetoShare: 0,
  });
  // A rate (unit "%") aims at 100 %: the generator's targets are amounts, so rescale value and target.
  const plan = getTemplate(DEMO_TEMPLATE)?.plan as Plan | undefined;
  const rates = new Set((plan?.indicators ?? []).filter((i) => i.unit?.trim() === '%').map((i) => i.code));
  for (const v of data.values)
    if (rates.has(v.indicator) && typeof v.target === 'number' && v.target > 0) {
      if (typeof v.value === 'number') v.value = Math.round(((v.value * 100) / v.target) * 100) / 100;
      v.target = 100;
    }
  return data;
}

/**
 * How often units report each indicator of the Wuxi scheme: goals and inspections monthly, key
 * projects quarterly, the appraisal (T3) and the social evaluation (S1–S4, the year-end survey) once.
 */
const FREQUENCY: Record<string, ReportingFrequency> = {
  T1: 'month',
  T2: 'quarter',
  T3: 'year',
  T4: 'month',
  D1: 'month',
  D2: 'month',
  D3: 'month',
  S1: 'year',
  S2: 'year',
  S3: 'year',
  S4: 'year',
};

/** Reporting frequencies and the cycle policy the demo plans state (issue 8: stated, not guessed). */
function withCycle(plan: Plan): void {
  for (const ind of plan.indicators as Indicator[]) {
    const f = FREQUENCY[ind.code];
    if (f) ind.frequency = f;
  }
  plan.cycle = {
    unverified: 'count',
    rejected: 'missing',
    missingBeforeDue: 'reweight',
    missingAfterDue: 'zero',
  };
}

/**
 * 结果运用 of the demo's city-department plans: the S16 quota with Z10's three-year steps, S15's
 * bottom three and veto bar, W5's last place two years running, W7's below the city average two
 * years running, S17's three years in the bottom three, and the W13 / W5 awards.
 */
export const DEMO_CONSEQUENCES: ConsequenceRule[] = [
  catalogueQuota(),
  {
    code: 'bottom3',
    name: '组内后三位：主要负责人诫勉谈话',
    ref: 'S15',
    kind: 'bottomN',
    n: 3,
    action: 'warning_talk',
  },
  {
    code: 'last2',
    name: '连续两年组内末位：组织调整',
    ref: 'W5',
    kind: 'streak',
    condition: 'last_place',
    years: 2,
    action: 'organisational_adjustment',
  },
  {
    code: 'below_avg2',
    name: '连续两年低于全市平均：书面整改',
    ref: 'W7',
    kind: 'streak',
    condition: 'below_average',
    average: 'all',
    years: 2,
    action: 'rectification_report',
  },
  {
    code: 'lagging3',
    name: '连续三年组内后三位：建议调整主要负责人',
    ref: 'S17',
    kind: 'streak',
    condition: 'bottom_n',
    n: 3,
    years: 3,
    action: 'replace_head',
  },
  {
    code: 'top20',
    name: '绩效管理和作风建设二十佳单位',
    ref: 'W13',
    kind: 'award',
    basis: 'award',
    award: 'top20',
  },
  {
    code: 'service10',
    name: '服务地方发展优胜单位',
    ref: 'W13',
    kind: 'award',
    basis: 'award',
    award: 'service10',
  },
  { code: 'key_first', name: '重点工作单项第一', ref: 'W5', kind: 'award', basis: 'key_indicator' },
  { code: 'veto_bar', name: '一票否决：取消其他评先评优资格', ref: 'S15', kind: 'vetoBar' },
];

/** 优化营商环境专项评估: two quarterly indicators over the same groups, weighted 60 : 40. */
function adHocPlan(yearly: Plan): Record<string, unknown> {
  const plan: Plan = {
    format: 'jixiao-plan/1',
    id: 'demo-business-environment-2026',
    name: `示范市优化营商环境专项评估（${DEMO_YEAR}年下半年）`,
    year: DEMO_YEAR,
    period: { granularity: 'quarter', adHoc: true, from: `${DEMO_YEAR}-Q3`, to: `${DEMO_YEAR}-Q4` },
    scoring: 'weighted',
    rounding: { decimals: 2, mode: 'half_up', stages: ['indicator', 'total'] },
    categories: yearly.categories,
    groups: yearly.groups,
    components: [{ code: 'env', name: '营商环境', weight: 100 }],
    indicators: [
      {
        code: 'E1',
        name: '政务服务事项全程网办率',
        component: 'env',
        weight: 60,
        unit: '%',
        owner: '市政务服务管理办公室',
        leadDept: '市政务服务管理办公室',
        frequency: 'quarter',
        method: { kind: 'completion' },
      },
      {
        code: 'E2',
        name: '企业满意度',
        component: 'env',
        weight: 40,
        owner: '市社会评议办公室',
        leadDept: '市社会评议办公室',
        frequency: 'quarter',
        method: { kind: 'satisfaction' },
      },
    ],
    grades: yearly.grades,
    cycle: { missingBeforeDue: 'reweight', missingAfterDue: 'zero' },
  };
  return plan as unknown as Record<string, unknown>;
}

/**
 * The city-department plans of the demo: last year's (archived) and this year's (active, cloned
 * from last year with T1 back to 20 points and T4 to 5, so the diff view has something to show),
 * and the office's start-of-year figures of every unit as an import batch (the reported values,
 * events and runs come from the cycle seeds).
 */
export async function seedCityDeptPlans(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  systemId: number,
  nodeIds: Map<string, number>,
): Promise<void> {
  const tpl = getTemplate(DEMO_TEMPLATE);
  if (!tpl) return;
  const at = deps.now();
  const current = structuredClone(tpl.plan) as unknown as Record<string, unknown> & Plan;
  current.name = `示范市市级机关部门绩效管理综合考评方案（${DEMO_YEAR}年）`;
  current.year = DEMO_YEAR;
  withCycle(current);
  current.consequences = DEMO_CONSEQUENCES;
  // S11: an expert's inquiry left unanswered past its deadline costs half a point (docs/inquiries.md).
  current.inquiry = { unansweredPoints: 0.5 };
  // Last year: 2 points moved from T4 (信息报送, 3) to T1 (职能目标, 22 — 27 in group C, which has
  // its own T1 points), so every group's target component still adds up to 50.
  const last = structuredClone(current);
  last.name = `示范市市级机关部门绩效管理综合考评方案（${DEMO_YEAR - 1}年）`;
  last.year = DEMO_YEAR - 1;
  for (const ind of last.indicators) {
    if (ind.code === 'T1') {
      ind.points = 22;
      ind.pointsBy = { ...ind.pointsBy, C: 27 };
    }
    if (ind.code === 'T4') ind.points = 3;
  }

  const insert = async (
    doc: Record<string, unknown>,
    year: number,
    status: string,
    clonedFromId: number | null,
    note: RevisionNote,
  ) => {
    const row = await repo.insertPlan(tx, {
      systemId,
      year,
      name: String(doc.name),
      status,
      document: doc,
      clonedFromId,
      activatedAt: at,
      createdAt: at,
      createdBy: 'demo',
      updatedAt: at,
      updatedBy: 'demo',
    });
    await repo.insertRevision(tx, {
      planId: row.id,
      revision: 1,
      document: doc,
      savedAt: at,
      savedBy: 'demo',
      ...repo.noteColumns(note),
    });
    return row;
  };
  // The year before last: last year's plan again (the archive's first year, W5).
  const first = structuredClone(last);
  first.name = `示范市市级机关部门绩效管理综合考评方案（${DEMO_YEAR - 2}年）`;
  first.year = DEMO_YEAR - 2;
  const earliest = await insert(
    first as unknown as Record<string, unknown>,
    DEMO_YEAR - 2,
    'archived',
    null,
    {
      code: 'demo.last_year',
      params: {},
    },
  );
  const previous = await insert(last as unknown as Record<string, unknown>, DEMO_YEAR - 1, 'archived', null, {
    code: 'demo.last_year',
    params: {},
  });
  const plan = await insert(current, DEMO_YEAR, 'active', previous.id, {
    code: 'plan.cloned',
    params: { planId: previous.id, year: DEMO_YEAR - 1 },
  });
  // Z7: a special-topic evaluation of the second half year, active beside the yearly plan.
  const special = await insert(adHocPlan(current), DEMO_YEAR, 'active', null, {
    code: 'demo.ad_hoc',
    params: {},
  });

  // The office's start-of-year figures (targets, baselines, base-period and peer values) of every
  // unit, imported as one batch for 2026-M01; the year's reported values come from the cycle.
  const units = demoUnits().filter((u) => nodeIds.has(u.code));
  const year = demoYearData(units);
  const batch = await inputs.insertImportBatch(tx, {
    planId: plan.id,
    period: `${DEMO_YEAR}-M01`,
    fileName: '2026年度目标与基准值（演示）.xlsx',
    sha256: 'demo',
    format: 'xlsx',
    rows: year.values.length,
    counts: { values: 0, references: year.values.length, bonuses: 0, deductions: 0, vetoes: 0 },
    createdAt: at,
    createdBy: 'office',
  });
  await inputs.insertReferences(
    tx,
    year.values.flatMap((v) =>
      nodeIds.has(v.unit)
        ? [
            {
              planId: plan.id,
              period: `${DEMO_YEAR}-M01`,
              unitId: nodeIds.get(v.unit)!,
              indicator: v.indicator,
              ...referenceFigures(v),
              importBatchId: batch.id,
              updatedAt: at,
              updatedBy: 'office',
            },
          ]
        : [],
    ),
  );
  const view = (p: repo.PlanRow) => ({
    id: p.id,
    systemId: p.systemId,
    year: p.year,
    name: p.name,
    status: p.status,
  });
  await recordAudit(deps, tx, ctx, [
    { action: 'plan.create', objectType: 'plan', objectId: earliest.id, after: view(earliest) },
    { action: 'plan.create', objectType: 'plan', objectId: previous.id, after: view(previous) },
    { action: 'plan.clone', objectType: 'plan', objectId: plan.id, after: view(plan) },
    { action: 'plan.create', objectType: 'plan', objectId: special.id, after: view(special) },
    {
      action: 'import.apply',
      objectType: 'import_batch',
      objectId: batch.id,
      after: { planId: plan.id, period: batch.period, references: batch.rows },
    },
  ]);
}
