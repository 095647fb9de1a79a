import type { Executor } from '../db/client.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { runHalfYear } from '../modules/live/live.service.js';
import * as plansRepo from '../modules/plans/plans.repository.js';
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

const YEAR = 2026;
/** Self-reported indicators (履行职责, verified) and the provider's one (Z4). */
const SELF = ['T1', 'T4'];
const PROVIDED = 'D3';
const UNITS = 24;
const MONTHS = 10;
const pad = (n: number) => String(n).padStart(2, '0');

/** mulberry32: the same demo values on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A minimal valid PDF and a 1×1 PNG, as evidence of the filler's unit.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Data submission for the active 2026 city-department plan (issue 4 items 3, 4, 7): monthly values
 * M01–M10 of T1 and T4 (self-reported) and D3 (by the data provider) for the first units — M01–M08
 * verified by the three methods, M09–M10 submitted, a few returned with reasons, a few late; two
 * evidence files; one on-site sample of M10; the frozen 2026-H1 half-year result. The demo assessor
 * verifies T1 and T4, the demo provider supplies D3 (grants added here: the seeded ones name
 * placeholder codes).
 */
export async function seedSubmissions(deps: Deps, tx: Executor, ctx: Ctx, systemId: number): Promise<void> {
  const plan = await plansRepo.findActivePlan(tx, systemId, YEAR);
  if (!plan) return;
  const units = (await plansRepo.systemUnits(tx, systemId)).slice(0, UNITS);
  const ds = await plansRepo.findDataset(tx, plan.id, `${YEAR}-Y`);
  const yearValues = new Map(
    ((ds?.input.values as { unit: string; indicator: string; value?: number }[] | undefined) ?? []).map(
      (v) => [`${v.unit}|${v.indicator}`, v.value ?? 0],
    ),
  );
  const random = prng(20261101);
  const at = (m: number, day: number) => new Date(Date.UTC(YEAR, m, day, 2));
  const rows: NewSubmission[] = [];
  for (const [u, unit] of units.entries())
    for (const indicator of [...SELF, PROVIDED])
      for (let m = 1; m <= MONTHS; m++) {
        const year = yearValues.get(`${unit.code}|${indicator}`) ?? 90;
        // Cumulative reports grow towards the year's value; rates (D3) wobble around it.
        const raw = indicator === PROVIDED ? year - 3 + random() * 4 : (year * m) / 12 + random() * 2;
        const value = Math.round(raw * 100) / 100;
        const self = indicator !== PROVIDED;
        const returned = self && m === 9 && (u % 7 === 0 || u === 0);
        const status = returned ? 'returned' : m <= 8 ? 'verified' : 'submitted';
        const late = m === 10 && u % 5 === 2;
        rows.push({
          planId: plan.id,
          unitId: unit.id,
          indicator,
          period: `${YEAR}-M${pad(m)}`,
          value,
          measureUnit: indicator === 'T4' ? null : '%',
          status,
          source: self ? 'unit' : 'provider',
          returnReason: returned ? '佐证材料与填报数值不一致，请核实后重新报送' : null,
          late,
          note: late ? '逾期报送' : null,
          submittedAt: at(m, late ? 14 : 8),
          submittedBy: self ? 'filler' : 'provider',
          verifiedAt: status === 'verified' ? at(m, 20) : null,
          verifiedBy: status === 'verified' ? 'assessor' : null,
          createdAt: at(m, 8),
          updatedAt: at(m, status === 'submitted' ? 8 : 20),
        });
      }
  // The filler's own unit (the first) has not yet reported T4 for October: a to-do.
  const inserted = await insertSubmissions(
    tx,
    rows.filter((r) => !(r.unitId === units[0]!.id && r.indicator === 'T4' && r.period === `${YEAR}-M10`)),
  );
  await insertHistory(
    tx,
    inserted.map((s) => ({
      submissionId: s.id,
      value: s.value,
      status: s.status,
      reason: s.returnReason,
      changedAt: s.updatedAt,
      changedBy: s.verifiedBy ?? s.submittedBy,
    })),
  );
  const methods = ['on_site', 'work_slip', 'comprehensive'] as const;
  const checked = inserted.filter((s) => s.status === 'verified' || s.status === 'returned');
  // Self-reported values are verified by the assessor; the provider's values are taken as supplied.
  const vRows = checked
    .filter((s) => s.source === 'unit')
    .map((s, i) => ({
      submissionId: s.id,
      method: methods[(i + s.unitId) % 3]!,
      result: s.status === 'verified' ? 'pass' : 'fail',
      note: s.returnReason,
      verifiedAt: s.verifiedAt ?? s.updatedAt,
      verifiedBy: 'assessor',
    }));
  await insertVerifications(tx, vRows);

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
        uploadedAt: first.submittedAt ?? deps.now(),
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
    drawnAt: deps.now(),
    drawnBy: 'office',
  });

  const half = await runHalfYear(tx, plan, 'office', deps.now());
  await recordAudit(deps, tx, ctx, [
    {
      action: 'submission.create',
      objectType: 'submission',
      objectId: null,
      after: { planId: plan.id, count: inserted.length },
    },
    {
      action: 'verification.record',
      objectType: 'verification',
      objectId: null,
      after: { count: vRows.length },
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
    {
      action: 'half_year.freeze',
      objectType: 'half_year_result',
      objectId: half.frozen.id,
      after: { planId: plan.id, runId: half.run.id },
    },
  ]);
}
