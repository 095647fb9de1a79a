/**
 * Pure helpers behind the plan editor's forms: immutable path edits of a plan document, code renames
 * that keep references, per-scope amount tables, typed method parameters ↔ MethodSpec, and issue
 * routing to the section (tab) and the field they name.
 */
import type { ByScope, MethodSpec, Plan } from '@jixiao/engine';
import type { RowIssue } from './tree.js';

export type Path = readonly (string | number)[];

const clone = <T>(x: T): T => structuredClone(x);
const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/** The value at a path, or undefined. */
export function getIn(obj: unknown, path: Path): unknown {
  let cur: unknown = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/**
 * A copy of the plan with the value at `path` replaced; undefined, null and '' remove an object key
 * (array entries are replaced as given). Missing objects on the way are created.
 */
export function setIn<T>(obj: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const next = clone(obj) as unknown as Record<string | number, unknown>;
  let cur: Record<string | number, unknown> = next;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = typeof path[i + 1] === 'number' ? [] : {};
    cur = cur[k] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (isEmpty(value) && !Array.isArray(cur)) delete cur[last];
  else cur[last] = value;
  return next as unknown as T;
}

/** Appends an entry to the list at `path` (created when absent). */
export function listAdd<T>(obj: T, path: Path, item: unknown): T {
  const list = getIn(obj, path);
  return setIn(obj, path, [...(Array.isArray(list) ? list : []), item]);
}

/** Removes entry `i` of the list at `path`; an emptied optional list is kept as []. */
export function listRemove<T>(obj: T, path: Path, i: number): T {
  const list = getIn(obj, path);
  if (!Array.isArray(list)) return obj;
  return setIn(
    obj,
    path,
    list.filter((_, k) => k !== i),
  );
}

/** Moves entry `i` of the list at `path` by `delta` places (no-op at the ends). */
export function listMove<T>(obj: T, path: Path, i: number, delta: number): T {
  const list = getIn(obj, path);
  if (!Array.isArray(list)) return obj;
  const j = i + delta;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return obj;
  const next = [...list];
  const [x] = next.splice(i, 1);
  next.splice(j, 0, x);
  return setIn(obj, path, next);
}

/** A code not yet in `used`: prefix1, prefix2, … */
export function nextCode(used: Iterable<string>, prefix: string): string {
  const s = new Set(used);
  for (let n = 1; ; n++) if (!s.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export type CodeKind = 'category' | 'group' | 'component' | 'ranking';

function renameKeys(by: ByScope | undefined, from: string, to: string): ByScope | undefined {
  if (!by || !Object.hasOwn(by, from)) return by;
  return Object.fromEntries(Object.entries(by).map(([k, v]) => [k === from ? to : k, v]));
}

const swap = (list: string[] | undefined, from: string, to: string) =>
  list?.map((x) => (x === from ? to : x));

/**
 * Renames a category, group, component or ranking and every reference to it: groups' category and
 * parent, pointsBy / weightBy keys, appliesTo, indicators' component, rankings, awards, constraints.
 */
export function renameCode(plan: Plan, kind: CodeKind, from: string, to: string): Plan {
  const next = clone(plan);
  if (from === to || !to) return next;
  const list =
    kind === 'category'
      ? next.categories
      : kind === 'group'
        ? next.groups
        : kind === 'component'
          ? next.components
          : (next.rankings ?? []);
  for (const x of list) if (x.code === from) x.code = to;
  if (kind === 'category' || kind === 'group') {
    const field = kind === 'category' ? 'categories' : 'groups';
    for (const g of next.groups ?? []) {
      if (kind === 'category' && g.category === from) g.category = to;
      if (kind === 'group' && g.parent === from) g.parent = to;
    }
    const amounted = [
      ...(next.components ?? []),
      ...(next.indicators ?? []),
      ...(next.indicators ?? []).flatMap((i) => i.subItems ?? []),
    ];
    for (const a of amounted) {
      if (a.pointsBy) a.pointsBy = renameKeys(a.pointsBy, from, to);
      if (a.weightBy) a.weightBy = renameKeys(a.weightBy, from, to);
    }
    for (const i of next.indicators ?? [])
      if (i.appliesTo?.[field]) i.appliesTo[field] = swap(i.appliesTo[field], from, to);
    for (const r of next.rankings ?? []) if (r[field]) r[field] = swap(r[field], from, to);
  }
  if (kind === 'component') {
    for (const i of next.indicators ?? []) if (i.component === from) i.component = to;
    for (const c of next.constraints ?? []) if (c.components) c.components = swap(c.components, from, to);
  }
  if (kind === 'ranking') for (const a of next.awards ?? []) if (a.ranking === from) a.ranking = to;
  return next;
}

/** One row of a per-group / per-category amount table. */
export interface ScopeAmount {
  scope: string;
  amount: number | null;
}

export function byScopeRows(by: ByScope | undefined): ScopeAmount[] {
  return Object.entries(by ?? {}).map(([scope, amount]) => ({ scope, amount }));
}

/** Table rows → pointsBy / weightBy; rows without a scope or amount are left out, empty → undefined. */
export function rowsToByScope(rows: readonly ScopeAmount[]): ByScope | undefined {
  const out: ByScope = {};
  for (const r of rows) if (r.scope && typeof r.amount === 'number') out[r.scope] = r.amount;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Select options of coded entries (groups, categories, rankings…): "G1 · 区县". */
export function codeOptions(
  list: readonly { code: string; name: string }[],
): { value: string; label: string }[] {
  return list.map((x) => ({ value: x.code, label: `${x.code} · ${x.name}` }));
}

/** A multi-select's value as the plan stores it: an empty choice is left out of the document. */
export function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length ? list : undefined;
}

/** Group and category codes usable as pointsBy / weightBy keys (groups first, then categories). */
export function scopeOptions(plan: Plan): { value: string; label: string }[] {
  const seen = new Set<string>();
  const out: { value: string; label: string }[] = [];
  for (const g of plan.groups ?? [])
    if (g.code && !seen.has(g.code)) {
      seen.add(g.code);
      out.push({ value: g.code, label: `${g.code} · ${g.name}` });
    }
  for (const c of plan.categories ?? [])
    if (c.code && !seen.has(c.code)) {
      seen.add(c.code);
      out.push({ value: c.code, label: `${c.code} · ${c.name}` });
    }
  return out;
}

/** A share 0–1 shown as a percentage, without binary noise (0.3 → 30, not 30.000000000000004). */
export function toPct(share: number | undefined): number | undefined {
  return share === undefined ? undefined : Number((share * 100).toPrecision(12));
}

export function fromPct(pct: number | null | undefined): number | undefined {
  return pct === undefined || pct === null ? undefined : Number((pct / 100).toPrecision(12));
}

// ——— Method parameters ———

export type MethodKind = MethodSpec['kind'];

export type FieldType = 'number' | 'select' | 'bool' | 'pair' | 'numberList' | 'breakpoints' | 'limits';

export interface MethodField {
  key: string;
  type: FieldType;
  /** Values of a select (labels come from i18n planForms.opts.<value>). */
  options?: readonly string[];
  /** The engine's default, shown as a placeholder. */
  placeholder?: string;
  required?: boolean;
  min?: number;
  max?: number;
  step?: number;
}

const SCOPE: MethodField = { key: 'scope', type: 'select', options: ['group', 'category', 'all'] };
const BELOW: MethodField = { key: 'below', type: 'select', options: ['linear', 'zero'] };
const EXCESS_RATE: MethodField = { key: 'excessRate', type: 'number', min: 0, step: 0.1, placeholder: '0' };
const EXCESS_CAP: MethodField = { key: 'excessCap', type: 'number', min: 0, step: 0.05, placeholder: '0' };

/** The fields the typed form knows per method kind (docs/plan-format.md §5). */
export const METHOD_FIELDS: Record<MethodKind, readonly MethodField[]> = {
  completion: [
    { key: 'reference', type: 'select', options: ['target', 'baseline'] },
    BELOW,
    EXCESS_RATE,
    EXCESS_CAP,
  ],
  pro_rata: [
    { key: 'basis', type: 'select', options: ['month', 'day'], required: true },
    BELOW,
    EXCESS_RATE,
    EXCESS_CAP,
  ],
  total_growth: [
    { key: 'totalShare', type: 'number', min: 0, max: 1, step: 0.1, required: true },
    { key: 'growthTarget', type: 'number', step: 0.01 },
  ],
  benchmark: [
    { key: 'mode', type: 'select', options: ['ratio', 'difference'], required: true },
    { key: 'par', type: 'number', min: 0, step: 0.05, placeholder: '0.8' },
    { key: 'perPoint', type: 'number', min: 0, step: 0.01, placeholder: '0.05' },
    EXCESS_CAP,
  ],
  bands: [
    { key: 'breakpoints', type: 'breakpoints', required: true },
    { key: 'interpolate', type: 'bool', required: true },
  ],
  deduction: [{ key: 'perItem', type: 'number', min: 0, step: 0.5, required: true }],
  rank: [
    { key: 'table', type: 'numberList' },
    { key: 'floor', type: 'number', min: 0, max: 1, step: 0.05, placeholder: '0.6' },
    SCOPE,
  ],
  efficacy: [
    { key: 'limits', type: 'limits', required: true },
    { key: 'clamp', type: 'pair', placeholder: '60–100' },
    SCOPE,
  ],
  zscore: [
    { key: 'sigma', type: 'select', options: ['population', 'sample'], required: true },
    { key: 'center', type: 'number', placeholder: '80' },
    { key: 'scale', type: 'number', placeholder: '10' },
    { key: 'clamp', type: 'pair', placeholder: '0–100' },
    SCOPE,
  ],
  expert_panel: [
    { key: 'trim', type: 'number', min: 0, step: 1, placeholder: '1' },
    { key: 'scale', type: 'number', min: 0, placeholder: '100' },
  ],
  satisfaction: [{ key: 'scale', type: 'number', min: 0, placeholder: '100' }],
  manual: [{ key: 'scale', type: 'number', min: 0 }],
};

export const METHOD_KINDS = Object.keys(METHOD_FIELDS) as MethodKind[];

/** The formula of each method as docs/plan-format.md §5 states it. */
export const METHOD_FORMULAS: Record<MethodKind, string> = {
  completion:
    'r = x / ref (higher) or ref / x (lower); ref ≤ 0 → dz. r ≥ 1: f = 1 + min(excessCap, excessRate · (r − 1)); r < 1: f = max(0, r), or 0 with below = zero',
  pro_rata:
    'ref = target × e, e = share of the year elapsed at the end of the period (month: end month / 12; day: end day-of-year / days in year), then as completion',
  total_growth:
    'g = (x − base) / base; gT = growthTarget or (target − base) / base; f = s · min(1, max(0, x / target)) + (1 − s) · clamp(g / gT, 0, 1), s = totalShare',
  benchmark:
    'g = (x − base) / base, gp = (peer − peerBase) / peerBase; ratio: f = clamp(g / gp, 0, 1 + excessCap), gp ≤ 0 → dz; difference: f = clamp(par + perPoint · 100 · (g − gp), 0, 1 + excessCap)',
  bands:
    'step: f = fᵢ of the highest breakpoint with x ≥ xᵢ, 0 below the first; interpolate: linear between neighbours, flat (f₀ / fₙ) beyond the ends',
  deduction: 'value = number of faults; f = max(0, full − x · perItem) / full (direction must be lower)',
  rank: 'r = competition rank of x among the scope’s present values, n values; f = table[r − 1] (last entry repeats) or f = 1 − (1 − floor) · (r − 1) / (n − 1)',
  efficacy:
    'd = 60 + 40 · (x − x_s) / (x_h − x_s), clamped; f = d / 100; group limits: x_s = worst present value, x_h = best; x_h = x_s → dz',
  zscore:
    'z = (x − mean) / σ over the scope’s present values (negated for lower-is-better); d = clamp(center + scale · z); f = d / 100; σ = 0 → z = 0',
  expert_panel:
    'drop the trim highest and lowest scores, mean of the rest (fewer than 2·trim + 1 scores → plain mean); f = clamp(mean / scale, 0, 1)',
  satisfaction: 'f = clamp(x / scale, 0, 1)',
  manual: 'f = clamp(x / scale, 0, 1); scale defaults to the indicator’s full score',
};

/** A method of this kind with its required parameters filled by the engine's usual choices. */
export function defaultMethod(kind: MethodKind): MethodSpec {
  switch (kind) {
    case 'pro_rata':
      return { kind, basis: 'month' };
    case 'total_growth':
      return { kind, totalShare: 0.4 };
    case 'benchmark':
      return { kind, mode: 'ratio' };
    case 'bands':
      return {
        kind,
        breakpoints: [
          [0, 0],
          [100, 1],
        ],
        interpolate: true,
      };
    case 'deduction':
      return { kind, perItem: 1 };
    case 'efficacy':
      return { kind, limits: 'group' };
    case 'zscore':
      return { kind, sigma: 'population' };
    default:
      return { kind } as MethodSpec;
  }
}

/** A method split into the parameters the typed form knows and the rest (edited as raw JSON). */
export function splitMethod(m: MethodSpec): {
  kind: MethodKind;
  known: Record<string, unknown>;
  extra: Record<string, unknown>;
} {
  const fields = METHOD_FIELDS[m.kind] ?? [];
  const knownKeys = new Set(fields.map((f) => f.key));
  const known: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) {
    if (k === 'kind') continue;
    (knownKeys.has(k) ? known : extra)[k] = v;
  }
  return { kind: m.kind, known, extra };
}

/** Form values (+ raw extra) → a MethodSpec; empty values are left out, typed values win over extra. */
export function joinMethod(
  kind: MethodKind,
  known: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): MethodSpec {
  const out: Record<string, unknown> = { kind };
  const knownKeys = new Set((METHOD_FIELDS[kind] ?? []).map((f) => f.key));
  for (const [k, v] of Object.entries(extra)) if (k !== 'kind' && !knownKeys.has(k)) out[k] = v;
  for (const f of METHOD_FIELDS[kind] ?? []) {
    const v = known[f.key];
    if (isEmpty(v)) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[f.key] = v;
  }
  return out as unknown as MethodSpec;
}

/** Parses the raw-JSON box: an object, or an error message key. */
export function parseExtra(text: string): { ok: true; value: Record<string, unknown> } | { ok: false } {
  if (!text.trim()) return { ok: true, value: {} };
  try {
    const v = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return { ok: true, value: v };
  } catch {
    // fall through
  }
  return { ok: false };
}

/** "1, 0.9, 0.8" style entries → numbers (non-numbers dropped). */
export function parseNumberList(items: readonly (string | number)[]): number[] {
  return items
    .map((x) => (typeof x === 'number' ? x : Number(String(x).trim())))
    .filter((x) => String(x) !== '' && Number.isFinite(x));
}

// ——— Issues by section and field ———

export type Section = 'settings' | 'structure' | 'grades' | 'rankings' | 'consequences' | 'tree';

/** The editor tab an issue belongs to, from its JSON path. */
export function issueSection(path: string): Section {
  const head = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  switch (head) {
    case 'categories':
    case 'groups':
    case 'components':
      return 'structure';
    case 'grades':
      return 'grades';
    case 'rankings':
    case 'awards':
    case 'links':
      return 'rankings';
    case 'consequences':
      return 'consequences';
    case 'indicators':
      return 'tree';
    default:
      return 'settings';
  }
}

/** Issues whose path is `prefix` or lies below it (`prefix.x`, `prefix[3]`). */
export function issuesAt<I extends Pick<RowIssue, 'path'>>(issues: readonly I[], prefix: string): I[] {
  return issues.filter(
    (i) => i.path === prefix || i.path.startsWith(`${prefix}.`) || i.path.startsWith(`${prefix}[`),
  );
}

/** Counts per section (for tab badges). */
export function sectionCounts(issues: readonly RowIssue[]): Record<Section, number> {
  const out: Record<Section, number> = {
    settings: 0,
    structure: 0,
    grades: 0,
    rankings: 0,
    consequences: 0,
    tree: 0,
  };
  for (const i of issues) out[issueSection(i.path)]++;
  return out;
}
