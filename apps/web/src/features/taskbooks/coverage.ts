/**
 * Live coverage check of a decomposition (S1), the same rule the server applies on save:
 * `sum` — the parts under a target (or under a part) add up to it exactly; `each` — every part is
 * at least it; `free` — no check. Amounts are compared exactly, in millionths (contracts `toScaled`).
 */
import { formatScaled, type DecompositionRule as Rule, toScaled } from '@jixiao/contracts';

export type { Rule };

export interface CoveragePart {
  key: string;
  parentKey: string | null;
  label: string;
  target: number | null;
}

export type CoverageProblem =
  | { kind: 'missing'; key: string }
  | { kind: 'precision'; key: string }
  | { kind: 'no_whole'; parent: string | null }
  | { kind: 'sum'; parent: string | null; total: string; whole: string }
  | { kind: 'below'; key: string; parent: string | null; value: string; whole: string };

export interface CoverageGroup {
  /** null: the task target itself. */
  parent: string | null;
  label: string;
  whole: string | null;
  /** Sum of the children (for 'sum'), as shown. */
  total: string | null;
  ok: boolean;
}

export interface Coverage {
  ok: boolean;
  groups: CoverageGroup[];
  problems: CoverageProblem[];
  /** Keys of parts with a problem of their own or in their group (to colour the row). */
  badKeys: Set<string>;
}

export function checkCoverage(
  rule: Rule,
  rootTarget: number | null,
  rootLabel: string,
  parts: readonly CoveragePart[],
): Coverage {
  const problems: CoverageProblem[] = [];
  const groups: CoverageGroup[] = [];
  const badKeys = new Set<string>();
  const scaled = new Map<string, bigint | null>();
  for (const p of parts) {
    const s = p.target === null ? null : toScaled(p.target);
    scaled.set(p.key, s);
    if (rule === 'free') continue;
    if (p.target === null) {
      problems.push({ kind: 'missing', key: p.key });
      badKeys.add(p.key);
    } else if (s === null) {
      problems.push({ kind: 'precision', key: p.key });
      badKeys.add(p.key);
    }
  }
  if (rule === 'free') return { ok: true, groups, problems, badKeys };
  const parents: { key: string | null; label: string; target: number | null }[] = [
    { key: null, label: rootLabel, target: rootTarget },
    ...parts.map((p) => ({ key: p.key, label: p.label, target: p.target })),
  ];
  for (const parent of parents) {
    const kids = parts.filter((p) => p.parentKey === parent.key);
    if (kids.length === 0) continue;
    const whole = parent.target === null ? null : toScaled(parent.target);
    if (whole === null) {
      problems.push({ kind: 'no_whole', parent: parent.key });
      for (const k of kids) badKeys.add(k.key);
      groups.push({ parent: parent.key, label: parent.label, whole: null, total: null, ok: false });
      continue;
    }
    const values = kids.map((k) => scaled.get(k.key) ?? null);
    if (values.some((v) => v === null)) {
      groups.push({
        parent: parent.key,
        label: parent.label,
        whole: formatScaled(whole),
        total: null,
        ok: false,
      });
      continue;
    }
    if (rule === 'sum') {
      const total = (values as bigint[]).reduce((s, v) => s + v, 0n);
      const ok = total === whole;
      if (!ok) {
        problems.push({
          kind: 'sum',
          parent: parent.key,
          total: formatScaled(total),
          whole: formatScaled(whole),
        });
        for (const k of kids) badKeys.add(k.key);
      }
      groups.push({
        parent: parent.key,
        label: parent.label,
        whole: formatScaled(whole),
        total: formatScaled(total),
        ok,
      });
    } else {
      let ok = true;
      kids.forEach((k, i) => {
        const v = values[i]!;
        if (v < whole) {
          ok = false;
          badKeys.add(k.key);
          problems.push({
            kind: 'below',
            key: k.key,
            parent: parent.key,
            value: formatScaled(v),
            whole: formatScaled(whole),
          });
        }
      });
      groups.push({ parent: parent.key, label: parent.label, whole: formatScaled(whole), total: null, ok });
    }
  }
  return { ok: problems.length === 0, groups, problems, badKeys };
}

/**
 * Orders parts so that every parent comes before its children (the server requires it), keeping
 * siblings in their given order; parts whose parent is missing are dropped with their subtree.
 */
export function parentsFirst<T extends { key: string; parentKey: string | null }>(parts: readonly T[]): T[] {
  const out: T[] = [];
  const visit = (parent: string | null) => {
    for (const p of parts)
      if (p.parentKey === parent) {
        out.push(p);
        visit(p.key);
      }
  };
  visit(null);
  return out;
}
