import type { EvaluationRun, UnitScore } from '@jixiao/contracts';
import { roundDecimal } from '@jixiao/engine';
import ExcelJS from 'exceljs';
import { addTable, type Cell, decimalsFormat } from '../../platform/xlsx-table.js';

/**
 * Results export (issue 8 point 9, completed in issue 11 point 6): a stored evaluation run as an
 * .xlsx workbook, one sheet per group with the group's ranking, and the full results — every
 * unit's score of every indicator — on a last sheet 指标得分. Chinese headers throughout; the
 * sheets are written by platform/xlsx-table.ts like every other export. Pure: builds the workbook
 * in memory; the route writes it out.
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
  /**
   * The full results: a last sheet 指标得分 with every unit's score of every node of the plan tree
   * (components, indicators, sub-items in plan order), from the run's traces.
   */
  indicators?: { nodes: readonly { code: string; name: string }[]; rows: readonly IndicatorRow[] };
}

export const INDICATOR_SHEET = '指标得分';
export const INDICATOR_GROUP_HEADER = '考核组';

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

interface Column {
  header: string;
  numeric: boolean;
  value: (u: UnitScore) => Cell;
}

/** One row of the indicator sheet: a unit and the score of every node of the plan tree. */
export interface IndicatorRow {
  unit: string;
  scores: Record<string, number | null>;
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

    addTable(wb, {
      name: uniqueName(sheetName(g.code, g.name), taken),
      title: opts.title,
      columns: columns.map((c) => ({
        header: c.header,
        numFmt: c.numeric ? decimalsFormat(decimals) : undefined,
      })),
      rows: units.map((u) => columns.map((c) => c.value(u))),
    });
  }
  if (opts.indicators) {
    const h = RESULT_HEADERS;
    const { nodes, rows } = opts.indicators;
    const byUnit = new Map(run.units.map((u) => [u.unit, u]));
    addTable(wb, {
      name: uniqueName(INDICATOR_SHEET, taken),
      title: opts.title,
      columns: [
        { header: INDICATOR_GROUP_HEADER },
        { header: h.unit },
        { header: h.name },
        ...nodes.map((n) => ({ header: n.name, numFmt: decimalsFormat(decimals) })),
        { header: h.total, numFmt: decimalsFormat(decimals) },
      ],
      rows: rows.map((r) => [
        byUnit.get(r.unit)?.group ?? null,
        r.unit,
        byUnit.get(r.unit)?.name ?? r.unit,
        ...nodes.map((n) => num(r.scores[n.code])),
        num(byUnit.get(r.unit)?.total),
      ]),
    });
  }
  return wb;
}
