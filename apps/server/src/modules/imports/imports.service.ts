import type { ImportBatch, ImportPreview } from '@jixiao/contracts';
import type { Plan } from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { type Download, XLSX } from '../../platform/download.js';
import { AppError } from '../../platform/errors.js';
import { sha256Of } from '../../platform/files/storage.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertEvents, type NewEvent } from '../events/events.repository.js';
import { hasReference, referenceFigures } from '../inputs/references.js';
import { findWindow } from '../periods/periods.repository.js';
import { planLeaves } from '../plans/plan-leaves.js';
import { planInScope } from '../plans/plans.policy.js';
import { type PlanRow, systemUnits } from '../plans/plans.repository.js';
import { usablePlan } from '../results/results.service.js';
import { buildInputs, type DataFile, type DataProblem, type PeriodInput, readDataFile } from './data-file.js';
import { importTemplate } from './import-template.js';
import * as repo from './imports.repository.js';

/**
 * The office's data import (issue 8 point 3): a data file fills the cycle's own tables as one
 * batch — values become submissions (source `import`), targets, baselines, base and peer values and
 * expert scores become reference values, bonuses / deductions / vetoes become approved events.
 * Preview first (nothing stored), then confirm with the file's SHA-256: every row is checked and
 * either all of them are written in one transaction or none.
 */

const who = (ctx: Ctx) => ctx.actor?.username ?? null;
const SAMPLE_ROWS = 50;
/** numeric(20, 6) holds 14 integer digits. */
const MAX_ABS = 1e14;

export interface UploadedData {
  fileName: string;
  data: Uint8Array;
}

const REFERENCE_KINDS = new Set(['target', 'baseline', 'baseValue', 'peerValue', 'peerBaseValue', 'score']);
const kindOf = (k: string | undefined) => {
  const lower = (k ?? 'value').toLowerCase();
  return lower === 'basevalue'
    ? 'baseValue'
    : lower === 'peervalue'
      ? 'peerValue'
      : lower === 'peerbasevalue'
        ? 'peerBaseValue'
        : lower;
};

/** A plan the office may import into: in scope (else 404), not archived, the period of its year. */
async function importablePlan(db: Executor, ctx: Ctx, planId: number, period: string) {
  const plan = await planInScope(db, ctx.actor!, planId, 'data.import');
  if (plan.status === 'archived')
    throw new AppError('CONFLICT', `plan ${plan.id} is archived; data is imported into a current plan`, {
      status: plan.status,
    });
  if (!period.startsWith(`${plan.year}-`))
    throw new AppError(
      'VALIDATION_FAILED',
      `period: ${period} is not a period of the plan's year ${plan.year}`,
      [{ path: 'period', message: `not in ${plan.year}` }],
    );
  return plan;
}

/** What is written, counted from the rows that have no problem (equal to the write when none has). */
function countRows(file: DataFile, problems: DataProblem[]) {
  const badLines = new Set(problems.map((p) => p.line));
  const counts = { values: 0, references: 0, bonuses: 0, deductions: 0, vetoes: 0 };
  const refKeys = new Set<string>();
  for (const r of file.rows) {
    if (badLines.has(r.line)) continue;
    const k = kindOf(r.cells.kind);
    if (k === 'value') counts.values++;
    else if (REFERENCE_KINDS.has(k)) refKeys.add(`${r.cells.unit}|${r.cells.indicator}`);
    else if (k === 'bonus') counts.bonuses++;
    else if (k === 'deduction') counts.deductions++;
    else if (k === 'veto') counts.vetoes++;
  }
  counts.references = refKeys.size;
  return counts;
}

/** Numbers the database cannot hold are refused like text (not_a_number), never a 500. */
function tooLarge(file: DataFile): DataProblem[] {
  return file.rows.flatMap((r) => {
    const x = Number(r.cells.value);
    return Number.isFinite(x) && Math.abs(x) >= MAX_ABS
      ? [
          {
            line: r.line,
            field: 'value',
            code: 'not_a_number' as const,
            params: { value: r.cells.value! },
            message: `line ${r.line}: value "${r.cells.value}" is too large`,
          },
        ]
      : [];
  });
}

/**
 * Read and check a file against the plan, its system's units and the period: every problem at
 * once, with its line, column and code. Pure of writes.
 */
async function analyse(db: Executor, plan: PlanRow, period: string, upload: UploadedData) {
  const file = await readDataFile(upload.data);
  const doc = usablePlan(plan.document);
  const units = await systemUnits(db, plan.systemId);
  const problems = [...file.problems];
  let input: PeriodInput | undefined;
  // Rows are checked when the header is whole (a missing column would report every row again).
  if (file.rows.length > 0 && !problems.some((p) => p.code === 'missing_column' || p.code === 'unreadable')) {
    const checked = buildInputs(doc, units, file.rows, { period });
    problems.push(...checked.problems, ...tooLarge(file));
    input = checked.inputs.get(period);
  }
  const window = await findWindow(db, plan.id, period);
  if (window?.closed)
    problems.unshift({
      line: 1,
      field: 'period',
      code: 'period_closed',
      params: { period },
      message: `period ${period} is closed; reopen it before importing its data`,
    });
  problems.sort((a, b) => a.line - b.line);
  const preview: ImportPreview = {
    planId: plan.id,
    period,
    fileName: upload.fileName,
    sha256: sha256Of(upload.data),
    format: file.format,
    rows: file.rows.length,
    counts: countRows(file, problems),
    problems,
    sample: file.rows.slice(0, SAMPLE_ROWS).map((r) => ({
      line: r.line,
      unit: r.cells.unit ?? '',
      indicator: r.cells.indicator ?? '',
      kind: r.cells.kind ?? 'value',
      value: r.cells.value ?? '',
      reason: r.cells.reason ?? '',
    })),
  };
  return { preview, doc, units, input: problems.length === 0 ? input : undefined };
}

/** Check a file and tell what it would write; nothing is stored. */
export async function previewImport(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  period: string,
  upload: UploadedData,
): Promise<ImportPreview> {
  const db = deps.database.db;
  const plan = await importablePlan(db, ctx, planId, period);
  return (await analyse(db, plan, period, upload)).preview;
}

function presentBatch(b: repo.BatchRow): ImportBatch {
  const c = b.counts;
  return {
    id: b.id,
    planId: b.planId,
    period: b.period,
    fileName: b.fileName,
    sha256: b.sha256,
    format: b.format,
    rows: b.rows,
    counts: {
      values: c.values ?? 0,
      references: c.references ?? 0,
      bonuses: c.bonuses ?? 0,
      deductions: c.deductions ?? 0,
      vetoes: c.vetoes ?? 0,
    },
    createdAt: b.createdAt.toISOString(),
    createdBy: b.createdBy,
  };
}

/**
 * Import a previewed file. The SHA-256 from the preview must match the bytes (else 400
 * file_changed); any problem refuses the whole file (422 IMPORT_REJECTED listing every one).
 */
export async function applyImport(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  period: string,
  upload: UploadedData & { sha256: string | null },
): Promise<ImportBatch> {
  return deps.database.db.transaction(async (tx) => {
    const plan = await importablePlan(tx, ctx, planId, period);
    const sha256 = sha256Of(upload.data);
    if (upload.sha256?.trim().toLowerCase() !== sha256)
      throw new AppError(
        'VALIDATION_FAILED',
        'sha256: the file is not the one previewed (its SHA-256 differs); preview it again',
        [
          {
            path: 'sha256',
            line: 1,
            field: 'file',
            code: 'file_changed',
            params: {},
            message: 'the file is not the one previewed',
          },
        ],
      );
    const { preview, doc, units, input } = await analyse(tx, plan, period, upload);
    if (preview.problems.length > 0 || !input)
      throw new AppError(
        'IMPORT_REJECTED',
        `${preview.problems.length} problem(s); nothing was stored. First: ${preview.problems[0]?.message ?? ''}`,
        preview.problems,
      );
    const now = deps.now();
    const actor = who(ctx);
    const batch = await repo.insertBatch(tx, {
      planId: plan.id,
      period,
      fileName: upload.fileName,
      sha256,
      format: preview.format,
      rows: preview.rows,
      counts: preview.counts,
      createdAt: now,
      createdBy: actor,
    });
    await write(tx, plan, doc, units, input, { batchId: batch.id, period, now, actor });
    await recordAudit(deps, tx, ctx, {
      action: 'import.apply',
      objectType: 'import_batch',
      objectId: batch.id,
      after: {
        planId: plan.id,
        period,
        fileName: batch.fileName,
        sha256,
        format: batch.format,
        rows: batch.rows,
        counts: preview.counts,
      },
    });
    return presentBatch(batch);
  });
}

async function write(
  tx: Executor,
  plan: PlanRow,
  doc: Plan,
  units: { id: number; code: string }[],
  input: PeriodInput,
  b: { batchId: number; period: string; now: Date; actor: string | null },
) {
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const measureUnit = new Map(planLeaves(doc).map((l) => [l.code, l.measureUnit]));
  const key = (unit: string, indicator: string) => ({
    planId: plan.id,
    unitId: unitId.get(unit)!,
    indicator,
    period: b.period,
  });

  const values = input.values.filter((v) => v.value !== undefined && v.value !== null);
  const written = await repo.upsertImportedSubmissions(
    tx,
    values.map((v) => ({
      ...key(v.unit, v.indicator),
      value: v.value!,
      measureUnit: measureUnit.get(v.indicator) ?? null,
      status: 'submitted',
      source: 'import',
      importBatchId: b.batchId,
      submittedAt: b.now,
      submittedBy: b.actor,
      createdAt: b.now,
      updatedAt: b.now,
    })),
  );
  await repo.insertHistory(
    tx,
    written.map((s) => ({
      submissionId: s.id,
      value: s.value,
      status: s.status,
      reason: `import #${b.batchId}`,
      changedAt: b.now,
      changedBy: b.actor,
    })),
  );

  await repo.upsertReferences(
    tx,
    input.values.filter(hasReference).map((v) => ({
      planId: plan.id,
      period: b.period,
      unitId: unitId.get(v.unit)!,
      indicator: v.indicator,
      ...referenceFigures(v),
      importBatchId: b.batchId,
      updatedAt: b.now,
      updatedBy: b.actor,
    })),
  );

  // Imported events come from the office's own file: they count at once (approved by the importer).
  const event = (
    unit: string,
    e: Pick<NewEvent, 'kind' | 'code' | 'indicator' | 'points' | 'reason'>,
  ): NewEvent => ({
    planId: plan.id,
    period: b.period,
    unitId: unitId.get(unit)!,
    ...e,
    status: 'approved',
    source: 'import',
    importBatchId: b.batchId,
    createdAt: b.now,
    createdBy: b.actor,
    decidedAt: b.now,
    decidedBy: b.actor,
  });
  const fallback = `导入批次 #${b.batchId}`;
  await insertEvents(tx, [
    ...(input.bonuses ?? []).map((x) =>
      event(x.unit, {
        kind: 'bonus',
        code: x.source,
        indicator: null,
        points: x.points,
        reason: x.reason ?? fallback,
      }),
    ),
    ...(input.deductions ?? []).map((x) =>
      event(x.unit, {
        kind: 'deduction',
        code: null,
        indicator: x.indicator ?? null,
        points: x.points,
        reason: x.reason,
      }),
    ),
    ...(input.vetoes ?? []).map((x) =>
      event(x.unit, {
        kind: 'veto',
        code: x.event,
        indicator: null,
        points: null,
        reason: x.reason ?? fallback,
      }),
    ),
  ]);
}

/** The import batches of a plan, newest first. */
export async function listImports(deps: Deps, ctx: Ctx, planId: number): Promise<ImportBatch[]> {
  const db = deps.database.db;
  await planInScope(db, ctx.actor!, planId, 'data.import');
  return (await repo.listBatches(db, planId)).map(presentBatch);
}

/** The .xlsx to fill for a period: every (unit, leaf indicator) of the plan. */
export async function importTemplateFile(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  period: string,
): Promise<Download> {
  const db = deps.database.db;
  const plan = await importablePlan(db, ctx, planId, period);
  const doc = usablePlan(plan.document);
  const units = await systemUnits(db, plan.systemId);
  return {
    fileName: `数据导入模板-${plan.name}-${period}.xlsx`,
    contentType: XLSX,
    data: await importTemplate(doc, units, planLeaves(doc), period),
  };
}
