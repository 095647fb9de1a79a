import ExcelJS from 'exceljs';
import type { Ctx, Deps } from '../../platform/context.js';
import { type Download, XLSX } from '../../platform/download.js';
import { AppError } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/upload.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertPeriodAcceptsData } from '../periods/periods.service.js';
import { planContext } from './plan-context.js';
import { present } from './present.js';
import { mayWrite } from './submissions.policy.js';
import * as repo from './submissions.repository.js';

/**
 * Bulk entry of a period's values by spreadsheet: a template prefilled with the caller's units ×
 * indicators, and an upload that stores every row or none, naming each bad line.
 */
export const columns = [
  ['unitCode', '单位编码'],
  ['unitName', '单位名称'],
  ['indicator', '指标编码'],
  ['indicatorName', '指标名称'],
  ['value', '数值'],
  ['measureUnit', '计量单位'],
  ['note', '备注'],
] as const;
type Column = (typeof columns)[number][0];

export async function buildTemplate(deps: Deps, ctx: Ctx, planId: number, period: string): Promise<Download> {
  const db = deps.database.db;
  const pc = await planContext(db, ctx, planId);
  const existing = new Map(
    (await repo.listForPeriod(db, planId, period)).map((s) => [`${s.unitId}|${s.indicator}`, s]),
  );
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(period);
  ws.addRow(columns.map(([key, title]) => `${title} ${key}`));
  ws.getRow(1).font = { bold: true };
  for (const unit of pc.units)
    for (const leaf of pc.leaves) {
      if (!mayWrite(ctx.actor!, unit, leaf, pc.plan.systemId, pc.providerOwned(leaf.code))) continue;
      const s = existing.get(`${unit.id}|${leaf.code}`);
      ws.addRow([
        unit.code,
        unit.name,
        leaf.code,
        leaf.name,
        s?.value ?? null,
        leaf.measureUnit ?? '',
        s?.note ?? '',
      ]);
    }
  ws.columns.forEach((c, i) => {
    c.width = [12, 24, 10, 30, 12, 10, 30][i];
  });
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `填报模板-${period}.xlsx`, contentType: XLSX, data };
}

interface Problem {
  line: number;
  field: string;
  message: string;
}

async function readRows(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'file: not an .xlsx workbook', [
      { path: 'file', message: 'not .xlsx' },
    ]);
  }
  const ws = wb.worksheets[0];
  if (!ws)
    throw new AppError('VALIDATION_FAILED', 'file: the workbook has no sheet', [
      { path: 'file', message: 'empty' },
    ]);
  const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? '').trim());
  const index = new Map<Column, number>();
  for (const [key, title] of columns) {
    const at = header.findIndex(
      (h) => h === key || h.endsWith(` ${key}`) || h === title || h.startsWith(`${title} `),
    );
    if (at >= 0) index.set(key, at + 1);
  }
  const missing = (['unitCode', 'indicator', 'value'] as Column[]).filter((c) => !index.has(c));
  if (missing.length)
    throw new AppError(
      'IMPORT_REJECTED',
      `line 1: missing column(s) ${missing.join(', ')}`,
      missing.map((m) => ({ line: 1, field: m, message: 'missing column' })),
    );
  const rows: { line: number; get: (c: Column) => unknown }[] = [];
  ws.eachRow((row, line) => {
    if (line === 1) return;
    const get = (c: Column) => {
      const i = index.get(c);
      const v = i ? row.getCell(i).value : null;
      return v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
    };
    rows.push({ line, get });
  });
  return rows;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** Store the filled rows of the upload (blank values are skipped): all of them, or none. */
export async function uploadValues(deps: Deps, ctx: Ctx, planId: number, period: string, file: UploadedFile) {
  const rows = await readRows(file.data);
  return deps.database.db.transaction(async (tx) => {
    const pc = await planContext(tx, ctx, planId);
    const unitByCode = new Map(pc.units.map((u) => [u.code, u]));
    const existing = new Map(
      (await repo.listForPeriod(tx, planId, period)).map((s) => [`${s.unitId}|${s.indicator}`, s]),
    );
    const problems: Problem[] = [];
    const seen = new Set<string>();
    const accepted: {
      line: number;
      unitId: number;
      indicator: string;
      value: number;
      measureUnit: string | null;
      note: string | null;
      source: string;
    }[] = [];
    for (const r of rows) {
      const raw = r.get('value');
      if (str(raw) === '') continue;
      const p = (field: string, message: string) => problems.push({ line: r.line, field, message });
      const unit = unitByCode.get(str(r.get('unitCode')));
      const leaf = pc.leafOf.get(str(r.get('indicator')));
      const value = typeof raw === 'number' ? raw : Number(str(raw));
      if (!unit) p('unitCode', `unknown unit "${str(r.get('unitCode'))}"`);
      if (!leaf) p('indicator', `unknown indicator "${str(r.get('indicator'))}"`);
      if (!Number.isFinite(value) || str(raw) === '') p('value', `"${str(raw)}" is not a number`);
      const mu = str(r.get('measureUnit')) || null;
      if (leaf?.measureUnit && mu && mu !== leaf.measureUnit)
        p('measureUnit', `${leaf.code} is measured in "${leaf.measureUnit}", not "${mu}"`);
      if (!unit || !leaf) continue;
      const owned = pc.providerOwned(leaf.code);
      if (!mayWrite(ctx.actor!, unit, leaf, pc.plan.systemId, owned)) {
        p(
          owned ? 'indicator' : 'unitCode',
          owned
            ? `${leaf.code} is supplied by its data provider ${leaf.owner ?? ''} (Z4)`
            : `you may not enter values of ${unit.code}`,
        );
        continue;
      }
      const key = `${unit.id}|${leaf.code}`;
      if (seen.has(key)) p('indicator', `${unit.code} ${leaf.code} appears twice`);
      seen.add(key);
      if (existing.get(key)?.status === 'verified' && existing.get(key)?.value !== value)
        p('value', `${unit.code} ${leaf.code} is verified; correct it in the form with a reason (G5)`);
      try {
        await assertPeriodAcceptsData(tx, planId, period, unit.id, deps.now());
      } catch (e) {
        p('period', (e as Error).message);
      }
      accepted.push({
        line: r.line,
        unitId: unit.id,
        indicator: leaf.code,
        value,
        measureUnit: mu ?? leaf.measureUnit,
        note: str(r.get('note')) || null,
        source: owned ? 'provider' : 'unit',
      });
    }
    if (problems.length)
      throw new AppError(
        'IMPORT_REJECTED',
        `${problems.length} row problem(s); nothing was stored. First: line ${problems[0]!.line} ${problems[0]!.field}: ${problems[0]!.message}`,
        problems,
      );
    if (accepted.length === 0)
      throw new AppError('VALIDATION_FAILED', 'file: no row has a value', [
        { path: 'file', message: 'no values' },
      ]);
    const now = deps.now();
    const by = ctx.actor?.username ?? null;
    let created = 0;
    let updated = 0;
    for (const a of accepted) {
      const { late } = await assertPeriodAcceptsData(tx, planId, period, a.unitId, now);
      const before = existing.get(`${a.unitId}|${a.indicator}`);
      const row = before
        ? await repo.updateSubmission(tx, before.id, before.version, {
            value: a.value,
            measureUnit: a.measureUnit,
            note: a.note ?? before.note,
            status: 'submitted',
            late: before.late || late,
            returnReason: null,
            submittedAt: now,
            submittedBy: by,
            updatedAt: now,
          })
        : await repo.insertSubmission(tx, {
            planId,
            unitId: a.unitId,
            indicator: a.indicator,
            period,
            value: a.value,
            measureUnit: a.measureUnit,
            note: a.note,
            status: 'submitted',
            source: a.source,
            late,
            submittedAt: now,
            submittedBy: by,
            createdAt: now,
            updatedAt: now,
          });
      if (!row)
        throw new AppError(
          'VERSION_CONFLICT',
          `line ${a.line}: the value was changed meanwhile; upload again`,
        );
      if (before) updated++;
      else created++;
      await repo.insertHistory(tx, [
        {
          submissionId: row.id,
          value: row.value,
          status: row.status,
          reason: 'upload',
          changedAt: now,
          changedBy: by,
        },
      ]);
      await recordAudit(deps, tx, ctx, {
        action: before ? 'submission.update' : 'submission.create',
        objectType: 'submission',
        objectId: row.id,
        before: before ? present(before) : null,
        after: { ...present(row), via: 'upload' },
      });
    }
    return { created, updated };
  });
}
