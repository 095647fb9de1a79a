/**
 * Target decomposition (S1): the parts under a target (or under a part) must cover it by the
 * indicator's rule — `sum`: they add up to it exactly; `each`: every part is at least it; `free`:
 * no check. Amounts are compared exactly, in millionths (contracts `toScaled`).
 */
import { type DecompositionRule, formatScaled, toScaled } from '@jixiao/contracts';

export type { DecompositionRule };
export { formatScaled, toScaled };

export interface PartNode {
  /** Position in the submitted list, to name the part in errors. */
  index: number;
  label: string;
  target: number | null;
  parentIndex: number | null;
}

export interface CoverageIssue {
  field: string;
  message: string;
}

/**
 * Check every level of a decomposition tree: the top parts against the task target, nested parts
 * against their parent part. Returns every problem, each naming a part.
 */
export function checkCoverage(
  rule: DecompositionRule,
  rootTarget: number | null,
  rootLabel: string,
  parts: readonly PartNode[],
): CoverageIssue[] {
  if (rule === 'free') return [];
  const issues: CoverageIssue[] = [];
  const field = (p: PartNode) => `parts[${p.index}].target`;
  for (const p of parts)
    if (p.target === null) issues.push({ field: field(p), message: `part "${p.label}" has no target` });
  if (issues.length) return issues;
  const parents: { label: string; target: number | null; index: number | null }[] = [
    { label: rootLabel, target: rootTarget, index: null },
    ...parts.map((p) => ({ label: p.label, target: p.target, index: p.index })),
  ];
  for (const parent of parents) {
    const kids = parts.filter((p) => p.parentIndex === parent.index);
    if (kids.length === 0) continue;
    if (parent.target === null) {
      issues.push({ field: field(kids[0]!), message: `"${parent.label}" has no target to split` });
      continue;
    }
    const whole = toScaled(parent.target)!;
    if (rule === 'sum') {
      const total = kids.reduce((s, k) => s + toScaled(k.target!)!, 0n);
      if (total !== whole)
        issues.push({
          field: field(kids.at(-1)!),
          message: `the parts of "${parent.label}" (${kids.map((k) => k.label).join(', ')}) add up to ${formatScaled(total)}, not ${formatScaled(whole)}`,
        });
    } else {
      for (const k of kids)
        if (toScaled(k.target!)! < whole)
          issues.push({
            field: field(k),
            message: `part "${k.label}" (${formatScaled(toScaled(k.target!)!)}) is below "${parent.label}" (${formatScaled(whole)}); each part must be at least the whole`,
          });
    }
  }
  return issues;
}
