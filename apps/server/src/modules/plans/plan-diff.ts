import type { PlanDiffEntry } from '@jixiao/contracts';

/**
 * Differences between two plan documents (H1, H4: what changed from last year's plan). Lists of
 * objects with a `code` (categories, groups, components, indicators, sub-items, bonus sources,
 * grade levels, rankings, awards) are compared by code, so moving or reordering an indicator is
 * reported as a change of that indicator's fields (say its `component`), never as a reordering.
 * Other arrays are compared as whole values. Pure: no I/O.
 */
export function diffPlans(before: unknown, after: unknown): PlanDiffEntry[] {
  const out: PlanDiffEntry[] = [];
  walk('', null, before, after, out);
  return out;
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** An array keyed by code: every element an object with a distinct string `code`. */
function keyed(x: unknown): Map<string, Record<string, unknown>> | null {
  if (!Array.isArray(x) || x.length === 0) return null;
  const m = new Map<string, Record<string, unknown>>();
  for (const e of x) {
    if (!isObject(e) || typeof e.code !== 'string' || m.has(e.code)) return null;
    m.set(e.code, e);
  }
  return m;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function walk(path: string, code: string | null, a: unknown, b: unknown, out: PlanDiffEntry[]) {
  if (deepEqual(a, b)) return;
  if (a === undefined) {
    out.push({ kind: path.endsWith(']') ? 'added' : 'changed', path, code, after: b });
    return;
  }
  if (b === undefined) {
    out.push({ kind: path.endsWith(']') ? 'removed' : 'changed', path, code, before: a });
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) walk(join(path, k), code, a[k], b[k], out);
    return;
  }
  const ka = keyed(a);
  const kb = keyed(b);
  if ((ka || (Array.isArray(a) && a.length === 0)) && (kb || (Array.isArray(b) && b.length === 0))) {
    const ma = ka ?? new Map<string, Record<string, unknown>>();
    const mb = kb ?? new Map<string, Record<string, unknown>>();
    for (const [c, x] of ma) {
      const p = `${path}[${c}]`;
      const y = mb.get(c);
      if (y === undefined) out.push({ kind: 'removed', path: p, code: c, before: x });
      else walk(p, c, x, y, out);
    }
    for (const [c, y] of mb)
      if (!ma.has(c)) out.push({ kind: 'added', path: `${path}[${c}]`, code: c, after: y });
    return;
  }
  out.push({ kind: 'changed', path, code, before: a, after: b });
}
