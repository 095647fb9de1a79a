import type { EvaluationRun, UnitScore } from '@jixiao/contracts';
import { roundDecimal } from '@jixiao/engine';
import ExcelJS from 'exceljs';

/**
 * Results export (issue 8 point 9): a stored evaluation run as an .xlsx workbook, one sheet per
 * group with the group's ranking. Pure: builds the workbook in memory; the route writes it out.
 */

/** Fixed column headers; the component columns between 单位名称 and 加分 take the components' names. */
export const RESULT_HEADERS = {
  rank: '名次',
  unit: '单位代码',
  name: '单位名称',
  bonus: '加分',
  deductions: '扣分',
  base: '基础分',
  total: '总分',
  grade: '等次',
  vetoes: '一票否决',
  awards: '奖项',
} as const;

export interface ResultsWorkbookOptions {
  /** The plan's groups in plan order (code, name); a group without units in the run gets no sheet. */
  groups: readonly { code: string; name: string }[];
  /** The plan's reported decimals (plan.rounding.decimals, default 2). */
  decimals?: number;
  /** Optional title row above the header, e.g. "无锡市市级机关 2016 年度考评结果". */
  title?: string;
}

/** Excel refuses these in sheet names, and names longer than 31 characters. */
const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;
export const SHEET_NAME_MAX = 31;

/** "B1" + "综合" → "B1 综合", without []:*?/\ and at most 31 characters (by code point). */
export function sheetName(code: string, name: string): string {
  const clean = `${code} ${name}`.replace(BAD_SHEET_CHARS, ' ').replace(/\s+/g, ' ').trim();
  // A sheet name may not begin or end with an apostrophe either.
  const chars = [...clean.replace(/^'+|'+$/g, '')].slice(0, SHEET_NAME_MAX);
  return chars.join('').trim() || 'Sheet';
}

/** A name not yet taken (Excel compares sheet names case-insensitively). */
function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = [...base].slice(0, SHEET_NAME_MAX - suffix.length).join('') + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** Display width of a cell text: CJK and other wide characters count twice. */
const textWidth = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);

const numFmt = (decimals: number) => (decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0');

type Cell = string | number | null;

interface Column {
  header: string;
  numeric: boolean;
  value: (u: UnitScore) => Cell;
}

export function resultsWorkbook(run: EvaluationRun, opts: ResultsWorkbookOptions): ExcelJS.Workbook {
  const decimals = opts.decimals ?? 2;
  const num = (x: number | null | undefined): number | null =>
    x === null || x === undefined || !Number.isFinite(x) ? null : roundDecimal(x, decimals);
  const awardName = new Map(run.awards.map((a) => [a.code, a.name]));

  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const taken = new Set<string>();

  // Plan groups first (plan order), then any group of the run the list does not name.
  const groups: { code: string; name: string }[] = [];
  for (const g of [...opts.groups, ...run.units.map((u) => ({ code: u.group, name: '' }))])
    if (!groups.some((x) => x.code === g.code)) groups.push(g);

  for (const g of groups) {
    const units = run.units
      .filter((u) => u.group === g.code)
      .sort((a, b) => a.rank - b.rank || a.placement - b.placement || a.unit.localeCompare(b.unit));
    if (units.length === 0) continue;

    // Components in the order the units carry them (every unit of a plan has the same list).
    const components: { code: string; name: string }[] = [];
    for (const u of units)
      for (const c of u.components)
        if (!components.some((x) => x.code === c.code)) components.push({ code: c.code, name: c.name });

    const h = RESULT_HEADERS;
    const columns: Column[] = [
      { header: h.rank, numeric: false, value: (u) => u.rank },
      { header: h.unit, numeric: false, value: (u) => u.unit },
      { header: h.name, numeric: false, value: (u) => u.name },
      ...components.map(
        (c): Column => ({
          header: c.name,
          numeric: true,
          value: (u) => num(u.components.find((x) => x.code === c.code)?.score),
        }),
      ),
      { header: h.bonus, numeric: true, value: (u) => num(u.bonus) },
      { header: h.deductions, numeric: true, value: (u) => num(u.deductions) },
      { header: h.base, numeric: true, value: (u) => num(u.base) },
      { header: h.total, numeric: true, value: (u) => num(u.total) },
      { header: h.grade, numeric: false, value: (u) => u.grade?.name ?? null },
      { header: h.vetoes, numeric: false, value: (u) => u.vetoes.join('、') || null },
      {
        header: h.awards,
        numeric: false,
        value: (u) => u.awards.map((a) => awardName.get(a) ?? a).join('、') || null,
      },
    ];

    const headerRow = opts.title ? 2 : 1;
    const ws = wb.addWorksheet(uniqueName(sheetName(g.code, g.name), taken), {
      views: [{ state: 'frozen', ySplit: headerRow }],
    });
    if (opts.title) {
      ws.mergeCells(1, 1, 1, columns.length);
      const t = ws.getCell(1, 1);
      t.value = opts.title;
      t.font = { bold: true, size: 14 };
    }
    const header = ws.getRow(headerRow);
    header.values = columns.map((c) => c.header);
    header.font = { bold: true };
    const rows = units.map((u) => columns.map((c) => c.value(u)));
    for (const r of rows) ws.addRow(r);

    columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      if (c.numeric) col.numFmt = numFmt(decimals);
      const widest = Math.max(
        textWidth(c.header),
        ...rows.map((r) => {
          const v = r[i];
          return v === null || v === undefined
            ? 0
            : textWidth(typeof v === 'number' ? v.toFixed(c.numeric ? decimals : 0) : v);
        }),
      );
      col.width = Math.min(60, Math.max(8, widest + 2));
    });
  }
  return wb;
}
