import { type SupervisionItemInput, supervisionItemInput } from '@jixiao/contracts';
import type { Plan } from '@jixiao/engine';
import { decodeCsv, parseCsv } from '../org/org-import.parse.js';

/** A problem with one imported item: its CSV line or its index in the REST payload. */
export interface RowProblem {
  line?: number;
  index?: number;
  field: string;
  message: string;
}

export interface RawItem {
  /** CSV line (header = 1) or payload index, for error messages. */
  at: { line: number } | { index: number };
  value: unknown;
}

/** The key-work indicators of a plan as data codes: "T2" or, when it has sub-items, "T2.K1", "T2.K2". */
export function keyWorkCodes(plan: Plan): Map<string, string> {
  const out = new Map<string, string>();
  for (const ind of plan.indicators) {
    if (!ind.key) continue;
    if (ind.subItems?.length)
      for (const s of ind.subItems) out.set(`${ind.code}.${s.code}`, `${ind.name}·${s.name}`);
    else out.set(ind.code, ind.name);
  }
  return out;
}

const columns = ['externalId', 'unitCode', 'indicator', 'title', 'progress', 'dueDate', 'status'] as const;
/** Chinese header titles; a header cell may hold the Chinese, the English key, or both ("进度 progress"). */
export const csvTitles: Record<(typeof columns)[number], string> = {
  externalId: '事项编号',
  unitCode: '单位编码',
  indicator: '指标编码',
  title: '事项名称',
  progress: '进度',
  dueDate: '截止日期',
  status: '状态',
};

/** CSV → raw items (strings converted to the REST shape), or header problems. */
export function parseItemsCsv(buf: Uint8Array): { items: RawItem[]; problems: RowProblem[] } {
  const records = parseCsv(decodeCsv(buf)).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = records[0];
  if (!header) return { items: [], problems: [{ line: 1, field: 'file', message: 'the file is empty' }] };
  const index = new Map<string, number>();
  header.cells.forEach((cell, i) => {
    const words = cell.trim().split(/\s+/);
    const col = columns.find((c) => words.includes(c) || words.includes(csvTitles[c]));
    if (col) index.set(col, i);
  });
  const missing = columns.filter((c) => !index.has(c));
  if (missing.length)
    return {
      items: [],
      problems: missing.map((c) => ({
        line: 1,
        field: c,
        message: `column ${csvTitles[c]} (${c}) is missing`,
      })),
    };
  const items = records.slice(1).map((r) => {
    const cell = (c: (typeof columns)[number]) => (r.cells[index.get(c)!] ?? '').trim();
    const progress = cell('progress').replace(/%$/, '');
    return {
      at: { line: r.line },
      value: {
        externalId: cell('externalId'),
        unitCode: cell('unitCode'),
        indicator: cell('indicator'),
        title: cell('title'),
        progress: progress === '' || Number.isNaN(Number(progress)) ? progress : Number(progress),
        dueDate: cell('dueDate'),
        status: cell('status'),
      },
    };
  });
  return { items, problems: [] };
}

/**
 * Check every item's shape, unit and indicator; report every problem (not only the first) so the
 * sender can fix the whole batch at once.
 */
export function checkItems(
  raw: RawItem[],
  units: Map<string, number>,
  keyCodes: Map<string, string>,
): { items: (SupervisionItemInput & { unitId: number })[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const items: (SupervisionItemInput & { unitId: number })[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const where = r.at;
    const parsed = supervisionItemInput.safeParse(r.value);
    if (!parsed.success) {
      for (const i of parsed.error.issues)
        problems.push({ ...where, field: String(i.path[0] ?? 'item'), message: i.message });
      continue;
    }
    const v = parsed.data;
    const unitId = units.get(v.unitCode);
    if (!unitId)
      problems.push({ ...where, field: 'unitCode', message: `no evaluated unit with code ${v.unitCode}` });
    if (!keyCodes.has(v.indicator))
      problems.push({
        ...where,
        field: 'indicator',
        message: `${v.indicator} is not a key-work indicator of the plan (${[...keyCodes.keys()].join(', ')})`,
      });
    if (seen.has(v.externalId))
      problems.push({ ...where, field: 'externalId', message: `${v.externalId} appears twice` });
    seen.add(v.externalId);
    if (unitId) items.push({ ...v, unitId });
  }
  return { items, problems };
}
