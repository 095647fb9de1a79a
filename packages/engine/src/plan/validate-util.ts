/** Small helpers shared by the plan checks (validate.ts and validate-rules.ts). */
import type { PlanIssueCode, PlanIssueParams } from './issue-codes';

/** Reports one issue: its code, where it is, its params (exactly the code's own), its indicator. */
export type Add = <C extends PlanIssueCode>(
  code: C,
  path: string,
  params: PlanIssueParams<C>,
  indicator?: string,
) => void;

export function arr<T>(x: T[] | undefined | null): T[] {
  return Array.isArray(x) ? x : [];
}

/** Calls `report` with each code used a second time. */
export function dupes(items: { code: string }[], report: (code: string) => void): void {
  const seen = new Set<string>();
  for (const it of items) {
    if (seen.has(it.code)) report(it.code);
    seen.add(it.code);
  }
}
