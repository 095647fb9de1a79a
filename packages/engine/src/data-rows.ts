import { compilePlan } from './compile';
import type { EvaluationInput, UnitInput, ValueInput } from './input';
import { parsePeriod } from './period';
import type { Plan } from './plan/types';

/** One row of a data file (CSV or JSON lines): see docs/plan-format.md, "Data files". */
export interface DataRow {
  unit: string;
  indicator: string;
  period: string;
  /** Number, or a numeric string as read from CSV. */
  value: number | string | null;
  /** Which input the value is (default 'value'); 'score' appends one expert score. */
  kind?: string;
  /** Source line number; defaults to index + firstLine. */
  line?: number;
}

/** The figures of one unit's indicator in a value input (the names of ValueInput's number fields). */
export const VALUE_FIELDS = [
  'value',
  'target',
  'baseline',
  'baseValue',
  'peerValue',
  'peerBaseValue',
] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];
/** What a data row may carry: one of the value fields, or an expert score. */
export const DATA_ROW_KINDS = [...VALUE_FIELDS, 'score'] as const;
export type DataRowKind = (typeof DATA_ROW_KINDS)[number];

export interface DataRowIssue {
  line: number;
  code: 'unknown_unit' | 'unknown_indicator' | 'bad_period' | 'not_a_number' | 'bad_kind' | 'duplicate';
  message: string;
}

export interface DataRowsResult {
  issues: DataRowIssue[];
  /** Engine inputs by period (only when there are no issues). */
  inputs: Map<string, EvaluationInput>;
}

/**
 * Check data rows against a plan and a unit list, reporting every problem with its line number,
 * and group valid rows into one EvaluationInput per period. The CLI `jixiao evaluate` is a thin
 * wrapper over this and evaluate().
 */
export function validateDataRows(
  plan: Plan,
  units: UnitInput[],
  rows: DataRow[],
  opts: { firstLine?: number } = {},
): DataRowsResult {
  const cp = compilePlan(plan);
  const unitCodes = new Set(units.map((u) => u.code));
  const first = opts.firstLine ?? 2;
  const issues: DataRowIssue[] = [];
  const perPeriod = new Map<string, Map<string, ValueInput>>();
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const line = r.line ?? i + first;
    const bad = (code: DataRowIssue['code'], message: string) =>
      issues.push({ line, code, message: `line ${line}: ${message}` });
    let ok = true;
    if (!unitCodes.has(r.unit)) {
      bad('unknown_unit', `unknown unit "${r.unit}"`);
      ok = false;
    }
    const ni = cp.nodeByCode.get(r.indicator);
    if (ni === undefined || cp.nodes[ni]!.slot < 0) {
      bad('unknown_indicator', `"${r.indicator}" is not a scored indicator or sub-item of plan ${plan.id}`);
      ok = false;
    }
    if (!parsePeriod(String(r.period))) {
      bad('bad_period', `period "${r.period}" is not like 2026-M01, 2026-Q1, 2026-H1 or 2026-Y`);
      ok = false;
    }
    const kind = (r.kind === undefined || r.kind === '' ? 'value' : r.kind) as DataRowKind;
    if (!DATA_ROW_KINDS.includes(kind)) {
      bad('bad_kind', `kind "${r.kind}" is not one of ${DATA_ROW_KINDS.join(', ')}`);
      ok = false;
    }
    const raw = r.value;
    const x =
      typeof raw === 'number'
        ? raw
        : raw === null || String(raw).trim() === ''
          ? Number.NaN
          : Number(String(raw).trim());
    if (!Number.isFinite(x)) {
      bad('not_a_number', `value "${raw ?? ''}" for ${r.unit} / ${r.indicator} is not a number`);
      ok = false;
    }
    if (!ok) return;
    const key = `${r.period}|${r.unit}|${r.indicator}|${kind}`;
    if (kind !== 'score') {
      if (seen.has(key)) {
        bad('duplicate', `second ${kind} for ${r.unit} / ${r.indicator} in ${r.period}`);
        return;
      }
      seen.add(key);
    }
    let m = perPeriod.get(r.period);
    if (!m) {
      m = new Map();
      perPeriod.set(r.period, m);
    }
    const vk = `${r.unit}|${r.indicator}`;
    let v = m.get(vk);
    if (!v) {
      v = { unit: r.unit, indicator: r.indicator };
      m.set(vk, v);
    }
    if (kind === 'score') v.scores = [...(v.scores ?? []), x];
    else v[kind] = x;
  });
  const inputs = new Map<string, EvaluationInput>();
  if (issues.length === 0)
    for (const [period, m] of perPeriod) inputs.set(period, { period, units, values: [...m.values()] });
  return { issues, inputs };
}
