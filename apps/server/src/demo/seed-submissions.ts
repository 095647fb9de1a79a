import { beijingDay, daysAfter } from '@jixiao/contracts';
import type { Plan, UnitInput } from '@jixiao/engine';
import { mulberry32 } from '@jixiao/engine';
import type { Executor } from '../db/client.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { insertEvent } from '../modules/events/events.repository.js';
import { leafTraits, scheduled } from '../modules/inputs/figures.js';
import { insertImportBatch } from '../modules/inputs/inputs.repository.js';
import * as liveRepo from '../modules/live/live.repository.js';
import * as plansRepo from '../modules/plans/plans.repository.js';
import { computeRun } from '../modules/results/results.service.js';
import {
  insertEvidence,
  insertHistory,
  insertSubmissions,
  type NewSubmission,
} from '../modules/submissions/submissions.repository.js';
import { drawSample } from '../modules/verification/sample.js';
import {
  insertSample,
  insertVerifications,
  submittedOf,
} from '../modules/verification/verification.repository.js';
import type { Ctx, Deps } from '../platform/context.js';
import { sha256Of } from '../platform/files/storage.js';
import { DEMO_PERIOD, demoYearData } from './plans.js';

const YEAR = 2026;
/** Self-reported indicators (履行职责, verified by the assessor) and the provider's one (Z4). */
const SELF = ['T1', 'T4'];
const PROVIDED = 'D3';
/** Units whose T1/T4 reports show the verification workflow (returns, late reports, checks). */
const WORKFLOW_UNITS = 24;
const MONTHS = 10;
const pad = (n: number) => String(n).padStart(2, '0');

// A minimal valid PDF and a 1×1 PNG, as evidence of the filler's unit.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Who reported a unit's own figures: the demo filler for A01 and B1-01, a stand-in name elsewhere. */
const reporterOf = (code: string) =>
  code === 'A01' ? 'filler' : code === 'B1-01' ? 'filler2' : `filler@${code}`;

/**
 * The 2026 cycle of the city-department plan, as the office would find it in December:
 * - monthly reports M01–M10 (quarterly Q1–Q3 for T2) of every unit, year-to-date: T1/T4 of the
 *   first units reported by the units and verified by the assessor (returns, late reports, one
 *   verified correction, evidence, an on-site sample of M10), D3 by the data provider (Z4), the rest
 *   brought in by the office as one import batch;
 * - the year-end data as a second import batch, events (a veto, deductions, approved and pending
 *   bonuses), the frozen half year and a released year-end run — all computed by the cycle input.
 * Each unit has its own pace (85–115 % of its year-end level), so the October board spreads.
 */
export async function seedSubmissions(deps: Deps, tx: Executor, ctx: Ctx, systemId: number): Promise<void> {
  const plan = await plansRepo.findActivePlan(tx, systemId, YEAR);
  if (!plan) return;
  const doc = plan.document as unknown as Plan;
  const units = await plansRepo.systemUnits(tx, systemId);
  const year = demoYearData(
    units.map((u): UnitInput => ({ code: u.code, group: u.group, category: u.category })),
  );
  const yearValue = new Map(year.values.map((v) => [`${v.unit}|${v.indicator}`, v.value ?? null]));
  const leaves = leafTraits(doc).filter((l) => l.frequency && l.frequency !== 'year');
  const now = deps.now();
  const random = mulberry32(20261101);
  const at = (m: number, day: number) => new Date(Date.UTC(YEAR, m, day, 2));

  const monthly = await insertImportBatch(tx, {
    planId: plan.id,
    period: `${YEAR}-M10`,
    fileName: '2026年1—10月报表汇总（演示）.xlsx',
    sha256: 'demo-monthly',
    format: 'xlsx',
    rows: 0,
    counts: { values: 0, references: 0, bonuses: 0, deductions: 0, vetoes: 0 },
    createdAt: at(10, 12),
    createdBy: 'office',
  });
  const rows: NewSubmission[] = [];
  for (const [u, unit] of units.entries()) {
    const pace = 0.85 + random() * 0.3;
    for (const leaf of leaves) {
      const yv = yearValue.get(`${unit.code}|${leaf.code}`);
      if (yv === null || yv === undefined) continue;
      const periods =
        leaf.frequency === 'quarter'
          ? [1, 2, 3].map((q) => ({ period: `${YEAR}-Q${q}`, month: q * 3 }))
          : Array.from({ length: MONTHS }, (_, i) => ({ period: `${YEAR}-M${pad(i + 1)}`, month: i + 1 }));
      for (const { period, month } of periods) {
        const share =
          scheduled(leaf) || leaf.methodKind === 'pro_rata' || leaf.methodKind === 'deduction'
            ? month / 12
            : 1;
        // Less is better for deduction counts: a fast pace means fewer findings.
        const level = leaf.methodKind === 'deduction' ? 2 - pace : pace;
        const raw = yv * share * level * (1 + (random() - 0.5) * 0.04);
        const value = leaf.methodKind === 'deduction' ? Math.round(raw) : Math.round(raw * 100) / 100;
        const self = SELF.includes(leaf.code) && u < WORKFLOW_UNITS;
        const provided = leaf.code === PROVIDED;
        const m = month;
        const returned = self && m === 9 && (u % 7 === 0 || u === 0);
        const status = returned ? 'returned' : (self || provided) && m <= 8 ? 'verified' : 'submitted';
        const late = self && m === 10 && u % 5 === 2;
        if (self && unit.code === 'A01' && leaf.code === 'T4' && m === MONTHS) continue; // A01's October to-do
        rows.push({
          planId: plan.id,
          unitId: unit.id,
          indicator: leaf.code,
          period,
          value,
          measureUnit: leaf.unit ?? null,
          status,
          source: self ? 'unit' : provided ? 'provider' : 'import',
          importBatchId: self || provided ? null : monthly.id,
          returnReason: returned ? '佐证材料与填报数值不一致，请核实后重新报送' : null,
          late,
          note: late ? '逾期报送' : null,
          submittedAt: at(m, late ? 14 : 8),
          submittedBy: self ? reporterOf(unit.code) : provided ? 'provider' : 'office',
          verifiedAt: status === 'verified' ? at(m, 20) : null,
          verifiedBy: status === 'verified' ? (self ? 'assessor' : 'provider') : null,
          createdAt: at(m, 8),
          updatedAt: at(m, status === 'submitted' ? 8 : 20),
        });
      }
    }
  }

  // The year-end figures of every indicator (the social evaluation included), one office batch.
  const yearBatch = await insertImportBatch(tx, {
    planId: plan.id,
    period: DEMO_PERIOD,
    fileName: '2026年度考核数据（演示）.xlsx',
    sha256: 'demo-year',
    format: 'xlsx',
    rows: 0,
    counts: { values: 0, references: 0, bonuses: 0, deductions: 0, vetoes: 0 },
    createdAt: now,
    createdBy: 'office',
  });
  const idOf = new Map(units.map((u) => [u.code, u.id]));
  for (const v of year.values) {
    if (v.value === undefined || v.value === null || !idOf.has(v.unit)) continue;
    rows.push({
      planId: plan.id,
      unitId: idOf.get(v.unit)!,
      indicator: v.indicator,
      period: DEMO_PERIOD,
      value: v.value,
      status: 'submitted',
      source: 'import',
      importBatchId: yearBatch.id,
      submittedAt: now,
      submittedBy: 'office',
      createdAt: now,
      updatedAt: now,
    });
  }
  const inserted: Awaited<ReturnType<typeof insertSubmissions>> = [];
  for (let i = 0; i < rows.length; i += 1000)
    inserted.push(...(await insertSubmissions(tx, rows.slice(i, i + 1000))));
  for (let i = 0; i < inserted.length; i += 1000)
    await insertHistory(
      tx,
      inserted.slice(i, i + 1000).map((s) => ({
        submissionId: s.id,
        value: s.value,
        status: s.status,
        reason: s.importBatchId ? `import #${s.importBatchId}` : s.returnReason,
        changedAt: s.updatedAt,
        changedBy: s.verifiedBy ?? s.submittedBy,
      })),
    );

  const methods = ['on_site', 'work_slip', 'comprehensive'] as const;
  const checked = inserted.filter(
    (s) => s.source === 'unit' && (s.status === 'verified' || s.status === 'returned'),
  );
  // Self-reported values are verified by the assessor; the provider's values are taken as supplied.
  const vRows = checked.map((s, i) => ({
    submissionId: s.id,
    method: methods[(i + s.unitId) % 3]!,
    result: s.status === 'verified' ? 'pass' : 'fail',
    note: s.returnReason,
    verifiedAt: s.verifiedAt ?? s.updatedAt,
    verifiedBy: 'assessor',
  }));
  // One on-site check found a different figure: the verified correction replaces the reported one.
  const unit3 = units[2];
  const corrected = inserted.find(
    (s) =>
      s.unitId === unit3?.id && s.indicator === 'T1' && s.period === `${YEAR}-M08` && s.status === 'verified',
  );
  const correction = corrected ? Math.round((corrected.value ?? 0) * 0.95 * 100) / 100 : null;
  await insertVerifications(tx, [
    ...vRows,
    ...(corrected
      ? [
          {
            submissionId: corrected.id,
            method: 'on_site',
            result: 'pass',
            note: '现场核查：台账数据与报送数不一致，按台账核实数计',
            correctedValue: correction,
            verifiedAt: at(8, 25),
            verifiedBy: 'assessor',
          },
        ]
      : []),
  ]);

  const first = inserted.find(
    (s) => s.unitId === units[0]!.id && s.indicator === 'T1' && s.period === `${YEAR}-M10`,
  )!;
  const files = [];
  for (const [name, data, type] of [
    ['10月职能目标完成情况说明.pdf', PDF, 'application/pdf'],
    ['现场照片.png', PNG, 'image/png'],
  ] as const) {
    await deps.blobs.put(data);
    files.push(
      await insertEvidence(tx, {
        sha256: sha256Of(data),
        size: data.length,
        contentType: type,
        fileName: name,
        ownerType: 'submission',
        ownerId: first.id,
        uploadedAt: first.submittedAt ?? now,
        uploadedBy: 'filler',
      }),
    );
  }

  const candidates = (await submittedOf(tx, plan.id, `${YEAR}-M10`, 'unit')).map((s) => s.id);
  const seed = `${YEAR}-M10 现场核查`;
  const sample = await insertSample(tx, {
    planId: plan.id,
    period: `${YEAR}-M10`,
    seed,
    size: 6,
    submissionIds: drawSample(candidates, 6, seed),
    drawnAt: now,
    drawnBy: 'office',
  });

  const events = await seedEvents(tx, plan.id, units, now);

  // The half year, frozen once from the cycle input (S9), and the released year-end result.
  const half = await computeRun(tx, plan, `${YEAR}-H1`, now, 'office', 'released');
  const frozen = await liveRepo.insertHalfYear(tx, {
    planId: plan.id,
    runId: half.run.id,
    frozenAt: now,
    frozenBy: 'office',
  });
  // The year went through a week of publicity on the public page too (S13), then was approved.
  const published = daysAfter(now, -10);
  const yearRun = await computeRun(tx, plan, DEMO_PERIOD, now, 'office', {
    publicity: {
      from: beijingDay(published),
      to: beijingDay(daysAfter(now, -3)),
      answerDays: 3,
      respondDays: 2,
      publicPage: true,
    },
    publishedAt: published,
  });

  const byBatch = (id: number) => inserted.filter((s) => s.importBatchId === id).length;
  await recordAudit(deps, tx, ctx, [
    {
      action: 'import.apply',
      objectType: 'import_batch',
      objectId: monthly.id,
      after: { planId: plan.id, period: monthly.period, values: byBatch(monthly.id) },
    },
    {
      action: 'import.apply',
      objectType: 'import_batch',
      objectId: yearBatch.id,
      after: { planId: plan.id, period: yearBatch.period, values: byBatch(yearBatch.id) },
    },
    {
      action: 'submission.create',
      objectType: 'submission',
      objectId: null,
      after: { planId: plan.id, count: inserted.filter((s) => !s.importBatchId).length },
    },
    {
      action: 'verification.record',
      objectType: 'verification',
      objectId: null,
      after: { count: vRows.length + 1 },
    },
    ...files.map((f) => ({
      action: 'evidence.upload',
      objectType: 'evidence_file',
      objectId: f.id,
      after: { fileName: f.fileName, sha256: f.sha256 },
    })),
    {
      action: 'verification_sample.draw',
      objectType: 'verification_sample',
      objectId: sample.id,
      after: { seed, size: sample.size },
    },
    ...events.map((e) => ({
      action: 'event.record',
      objectType: 'cycle_event',
      objectId: e.id,
      after: { kind: e.kind, unitId: e.unitId, points: e.points, status: e.status },
    })),
    {
      action: 'evaluation.run',
      objectType: 'evaluation_run',
      objectId: half.run.id,
      after: { planId: plan.id, period: `${YEAR}-H1`, status: 'released' },
    },
    {
      action: 'half_year.freeze',
      objectType: 'half_year_result',
      objectId: frozen.id,
      after: { planId: plan.id, runId: half.run.id },
    },
    {
      action: 'evaluation.run',
      objectType: 'evaluation_run',
      objectId: yearRun.run.id,
      after: { planId: plan.id, period: DEMO_PERIOD, status: 'released' },
    },
  ]);
}

/** A veto (W12), deductions from daily inspection (S8, Z13) and bonuses (W9), one still pending. */
async function seedEvents(
  tx: Executor,
  planId: number,
  units: { id: number; code: string; group: string }[],
  at: Date,
) {
  const inGroup = (g: string, i: number) => units.filter((u) => u.group === g)[i];
  /** Recorded and approved at once by `by`. */
  const approved = (by: string) => ({
    status: 'approved',
    createdAt: at,
    createdBy: by,
    decidedAt: at,
    decidedBy: by,
  });
  const rows = [
    {
      unit: inGroup('B2', 0),
      kind: 'veto',
      code: 'safety_accident',
      period: `${YEAR}-M08`,
      reason: '发生较大安全生产责任事故（示例）',
      ...approved('office'),
    },
    {
      unit: inGroup('A', 4),
      kind: 'deduction',
      indicator: 'T1',
      points: 1,
      period: `${YEAR}-M05`,
      reason: '日常督察：重点工作推进滞后，被市领导批示督办',
      ...approved('assessor'),
    },
    {
      unit: inGroup('B1', 3),
      kind: 'deduction',
      indicator: 'D1',
      points: 0.5,
      period: `${YEAR}-M09`,
      reason: '督查通报：政务服务事项超时办结 3 件',
      ...approved('office'),
    },
    {
      unit: inGroup('A', 1),
      kind: 'bonus',
      code: 'ranking',
      points: 2,
      period: `${YEAR}-M06`,
      reason: '省级考核排名进位 3 名',
      ...approved('office'),
    },
    {
      unit: inGroup('B1', 0),
      kind: 'bonus',
      code: 'innovation',
      points: 3,
      period: `${YEAR}-M09`,
      reason: '“一件事一次办”改革获省级推广',
      ...approved('office'),
    },
    {
      unit: inGroup('A', 0),
      kind: 'bonus',
      code: 'innovation',
      points: 2,
      period: `${YEAR}-M10`,
      reason: '廉政教育数字平台创新（待审核）',
      status: 'pending',
      createdAt: at,
      createdBy: 'office',
    },
  ];
  const out = [];
  for (const { unit, ...r } of rows)
    if (unit) out.push(await insertEvent(tx, { planId, unitId: unit.id, source: 'entry', ...r }));
  return out;
}
