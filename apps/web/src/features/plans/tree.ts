/**
 * Pure helpers for the plan editor: the plan's flat indicator list (parent / component links) as a
 * tree of rows, and validation issues mapped to the rows they name.
 */
import { type PlanIssue, planIssueCodes, renderPlanIssue, type Translate } from '@jixiao/contracts';
import type { ByScope, Component, Direction, Indicator, MethodSpec, Plan, SubItem } from '@jixiao/engine';

export type RowLevel = 'component' | 'indicator' | 'sub_item';

/** Where the row lives in the plan document (for editing). */
export type RowRef =
  | { level: 'component'; index: number }
  | { level: 'indicator'; index: number }
  | { level: 'sub_item'; index: number; subIndex: number };

export interface PlanRow {
  /** Stable row key: c:CODE, i:CODE, s:IND.SUB. */
  key: string;
  level: RowLevel;
  code: string;
  name: string;
  /** Points (points mode) or weight (weighted mode). */
  amount?: number;
  /** Per-group / per-category overrides (pointsBy or weightBy). */
  by?: ByScope;
  method?: MethodSpec;
  /** True when the method comes from the parent indicator (sub-items). */
  methodInherited?: boolean;
  direction?: Direction;
  owner?: string;
  leadDept?: string;
  keyWork?: boolean;
  kind?: string;
  dimension?: string;
  /** The indicator is not placed under a known component or parent (or sits in a cycle). */
  orphan?: boolean;
  ref: RowRef;
  children?: PlanRow[];
}

type Amounted = { points?: number; weight?: number; pointsBy?: ByScope; weightBy?: ByScope };

function amountOf(plan: Pick<Plan, 'scoring'>, x: Amounted): { amount?: number; by?: ByScope } {
  const weighted = plan.scoring === 'weighted';
  const amount = weighted ? x.weight : x.points;
  const by = weighted ? x.weightBy : x.pointsBy;
  return {
    ...(amount !== undefined ? { amount } : {}),
    ...(by && Object.keys(by).length > 0 ? { by } : {}),
  };
}

const arr = <T>(x: T[] | undefined | null): T[] => (Array.isArray(x) ? x : []);

function subRow(plan: Plan, ind: Indicator, index: number, s: SubItem, subIndex: number): PlanRow {
  return {
    key: `s:${ind.code}.${s.code}`,
    level: 'sub_item',
    code: s.code,
    name: s.name,
    ...amountOf(plan, s),
    ...(s.method ? { method: s.method } : ind.method ? { method: ind.method, methodInherited: true } : {}),
    ...((s.direction ?? ind.direction) ? { direction: s.direction ?? ind.direction } : {}),
    ...(s.owner ? { owner: s.owner } : {}),
    ...(s.dimension ? { dimension: s.dimension } : {}),
    ref: { level: 'sub_item', index, subIndex },
  };
}

/** Components → indicators (nested by parent) → sub-items, in plan order. */
export function buildPlanTree(plan: Plan): PlanRow[] {
  const components = arr(plan.components);
  const indicators = arr(plan.indicators);
  const indRow = new Map<string, PlanRow>();
  const rows: PlanRow[] = indicators.map((ind, index) => {
    const row: PlanRow = {
      key: `i:${ind.code}`,
      level: 'indicator',
      code: ind.code,
      name: ind.name,
      ...amountOf(plan, ind),
      ...(ind.method ? { method: ind.method } : {}),
      ...(ind.direction ? { direction: ind.direction } : {}),
      ...(ind.owner ? { owner: ind.owner } : {}),
      ...(ind.leadDept ? { leadDept: ind.leadDept } : {}),
      ...(ind.key ? { keyWork: true } : {}),
      ...(ind.kind ? { kind: ind.kind } : {}),
      ref: { level: 'indicator', index },
    };
    const subs = arr(ind.subItems);
    if (subs.length > 0) row.children = subs.map((s, k) => subRow(plan, ind, index, s, k));
    if (!indRow.has(ind.code)) indRow.set(ind.code, row);
    return row;
  });
  const compRows: PlanRow[] = components.map((c: Component, index) => ({
    key: `c:${c.code}`,
    level: 'component',
    code: c.code,
    name: c.name,
    ...amountOf(plan, c),
    ref: { level: 'component', index },
  }));
  const compByCode = new Map(compRows.map((r) => [r.code, r]));
  const attach = (parent: PlanRow, child: PlanRow) => {
    parent.children = [...(parent.children ?? []), child];
  };
  indicators.forEach((ind, i) => {
    const row = rows[i]!;
    if (indRow.get(ind.code) !== row) return; // duplicate code: shown as an orphan below
    const hasParent = ind.parent !== undefined;
    const hasComp = ind.component !== undefined;
    if (hasParent === hasComp) return;
    const parent = hasParent ? indRow.get(ind.parent!) : compByCode.get(ind.component!);
    if (!parent || parent === row) return;
    attach(parent, row);
  });
  // Anything not reachable from a component (unknown parent, cycles, duplicates) is shown at the top level.
  const reached = new Set<PlanRow>();
  const stack = [...compRows];
  while (stack.length) {
    const r = stack.pop()!;
    for (const c of r.children ?? []) {
      if (c.level !== 'indicator' || reached.has(c)) continue;
      reached.add(c);
      stack.push(c);
    }
  }
  // Unreached rows are listed flat (with their sub-items only), so a cycle cannot recurse.
  const orphans: PlanRow[] = rows
    .filter((row) => !reached.has(row))
    .map((row) => {
      const subs = row.children?.filter((c) => c.level === 'sub_item') ?? [];
      const { children: _drop, ...rest } = row;
      return { ...rest, ...(subs.length > 0 ? { children: subs } : {}), orphan: true };
    });
  return [...compRows, ...orphans];
}

/** Every row key in the tree, depth first (for "expand all"). */
export function allRowKeys(rows: readonly PlanRow[]): string[] {
  const out: string[] = [];
  const walk = (rs: readonly PlanRow[]) => {
    for (const r of rs) {
      out.push(r.key);
      if (r.children) walk(r.children);
    }
  };
  walk(rows);
  return out;
}

/**
 * A validation issue from the engine (validatePlan) or the server (PlanIssue), in one shape: its
 * code and params, rendered in the user's language by `issueText` (never prose from elsewhere).
 */
export interface RowIssue {
  /** Indicator, sub-item (IND.SUB) or component code, when known. */
  ref: string | null;
  path: string;
  /** A plan-issue code (contracts planIssueCodes), e.g. 'unknown_category'. */
  code: string;
  params: Record<string, unknown>;
  severity: 'error' | 'warning';
}

export function fromEngineIssues(
  issues: readonly { code: string; path: string; indicator?: string; params: Record<string, unknown> }[],
): RowIssue[] {
  return issues.map((i) => ({
    ref: i.indicator ?? null,
    path: i.path,
    code: i.code,
    params: i.params,
    severity: 'error',
  }));
}

export function fromServerIssues(issues: readonly PlanIssue[]): RowIssue[] {
  return issues.map((i) => ({
    ref: i.indicator,
    path: i.path,
    code: i.code,
    params: i.params,
    severity: i.severity,
  }));
}

/** The plan-issue templates as i18next holds them (`planIssue.*`), as the renderer's Translate. */
export function planIssueTranslate(t: ParamTranslate): Translate {
  return (key, params) => {
    const out = String(t(`planIssue.${key}`, { replace: params ?? {} }));
    return out === `planIssue.${key}` ? key : out; // a missing key reads as the renderer's own key
  };
}

/** An issue as text in the user's language, through its code's template. */
export function issueText(issue: Pick<RowIssue, 'code' | 'params'>, t: ParamTranslate): string {
  return renderPlanIssue(issue, planIssueTranslate(t));
}

const PATH_RE = /^(indicators|components)\[(\d+)\](?:\.subItems\[(\d+)\])?/;

/** The row key an issue is about, or null for plan-level issues (grades, bonus, …). */
export function issueRowKey(issue: RowIssue, plan: Plan): string | null {
  const indicators = arr(plan.indicators);
  const components = arr(plan.components);
  const m = PATH_RE.exec(issue.path);
  if (m) {
    const idx = Number(m[2]);
    if (m[1] === 'components') {
      const c = components[idx];
      if (c) return `c:${c.code}`;
    } else {
      const ind = indicators[idx];
      if (ind) {
        const sub = m[3] !== undefined ? arr(ind.subItems)[Number(m[3])] : undefined;
        return sub ? `s:${ind.code}.${sub.code}` : `i:${ind.code}`;
      }
    }
  }
  const ref = issue.ref;
  if (ref) {
    if (ref.includes('.')) return `s:${ref}`;
    if (indicators.some((i) => i.code === ref)) return `i:${ref}`;
    if (components.some((c) => c.code === ref)) return `c:${ref}`;
  }
  return null;
}

export interface IssueIndex {
  byRow: Map<string, RowIssue[]>;
  /** Issues about the plan as a whole. */
  general: RowIssue[];
}

export function indexIssues(issues: readonly RowIssue[], plan: Plan): IssueIndex {
  const byRow = new Map<string, RowIssue[]>();
  const general: RowIssue[] = [];
  for (const issue of issues) {
    const key = issueRowKey(issue, plan);
    if (key === null) general.push(issue);
    else byRow.set(key, [...(byRow.get(key) ?? []), issue]);
  }
  return { byRow, general };
}

/** A translate function (i18next's `t`, or a dictionary's in tests). */
export type ParamTranslate = (key: string, opts?: Record<string, unknown>) => string;

/**
 * Key parameters of a method as short "name value" strings in the user's language (the kind
 * itself is translated by the caller): names and enum values through `methodParams.*`, numbers
 * as written. A parameter without a label (a newer engine's) shows as the plan file names it.
 */
export function methodParams(m: MethodSpec | undefined, t: ParamTranslate): string[] {
  if (!m) return [];
  const out: string[] = [];
  const word = (key: string, fallback: string) => {
    const w = t(key, { defaultValue: fallback });
    return w === key ? fallback : w;
  };
  for (const [k, v] of Object.entries(m)) {
    if (k === 'kind' || v === undefined) continue;
    let value: string;
    if (k === 'breakpoints' && Array.isArray(v))
      value = (v as [number, number][]).map(([x, f]) => `${x}→${f}`).join(', ');
    else if (k === 'limits' && v && typeof v === 'object')
      value = `${(v as { worst: number }).worst}–${(v as { best: number }).best}`;
    else if (Array.isArray(v)) value = `[${v.join(', ')}]`;
    else if (typeof v === 'boolean') value = word(`methodParams.values.bool.${v}`, String(v));
    else if (typeof v === 'string') value = word(`methodParams.values.${k}.${v}`, v);
    else value = String(v);
    out.push(t('methodParams.item', { name: word(`methodParams.names.${k}`, k), value }));
  }
  return out;
}

/**
 * Plan issues carried by a 422 error body's details (a bare array or `{ issues }`): those with a
 * known plan-issue code (the plan's own, or a plan file's `file.*`), tolerating junk.
 */
export function issuesFromDetails(details: unknown): RowIssue[] {
  const list = Array.isArray(details)
    ? details
    : details && typeof details === 'object' && Array.isArray((details as { issues?: unknown }).issues)
      ? (details as { issues: unknown[] }).issues
      : [];
  const known = new Set<string>(planIssueCodes);
  return list
    .filter((d): d is Record<string, unknown> => !!d && typeof d === 'object')
    .filter((d) => typeof d.code === 'string' && known.has(d.code))
    .map((d) => ({
      ref: typeof d.indicator === 'string' ? d.indicator : null,
      path: typeof d.path === 'string' ? d.path : '',
      code: d.code as string,
      params: d.params && typeof d.params === 'object' ? (d.params as Record<string, unknown>) : {},
      severity: d.severity === 'warning' ? 'warning' : 'error',
    }));
}
