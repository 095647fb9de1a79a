/** Pure helpers for showing an audit event's before/after snapshots. */

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Structural equality for JSON values (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return Number.isNaN(a) && Number.isNaN(b);
}

/**
 * Top-level keys whose values differ between `before` and `after`: changed, added or removed.
 * A missing snapshot (null: a create or a delete) counts as an empty object, so every key of the
 * other side is reported. Non-object snapshots are compared whole and reported as [''] if they differ.
 * Result is sorted for stable display.
 */
export function diffKeys(before: unknown, after: unknown): string[] {
  const b = before ?? {};
  const a = after ?? {};
  if (!isPlainObject(b) || !isPlainObject(a)) return jsonEqual(b, a) ? [] : [''];
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((k) => !jsonEqual(b[k], a[k])).sort();
}

/** Lines of a pretty-printed snapshot, one per top-level key, for side-by-side display. */
export function snapshotLines(v: unknown): { key: string; text: string }[] {
  if (v === null || v === undefined) return [];
  if (!isPlainObject(v)) return [{ key: '', text: JSON.stringify(v, null, 2) }];
  return Object.keys(v)
    .sort()
    .map((k) => ({ key: k, text: `${JSON.stringify(k)}: ${JSON.stringify(v[k], null, 2)}` }));
}
