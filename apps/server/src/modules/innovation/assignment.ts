/**
 * Judges for innovation projects (H10, issue 12 point 3), pure: given the projects of a call, the
 * expert pool and a mode, which experts judge which project, why every other expert may not judge a
 * project, and where too few experts are left. No clock, no database; deterministic (ties by id).
 *
 * An expert may not judge a project (回避) when
 *   - unavailable        the expert is marked unavailable this year;
 *   - same_organisation  the expert works for the applicant's own organisation;
 *   - declared_conflict  the expert declared a conflict with the applicant unit;
 *   - member_of_unit     the expert belongs to the applicant unit (a civil servant of it).
 *
 * Modes:
 *   - perProject N: each project gets N judges, the least-loaded eligible experts first; projects
 *     with the fewest eligible experts are served first so they are not starved.
 *   - panelPerCategory N: each category gets a panel of N experts (the least-loaded, fewest
 *     conflicts with the category's projects first) who judge all its projects; a panel member who
 *     may not judge one project is replaced for that project by another eligible expert.
 * Fixed pairs (the office's manual assignments) are kept and count towards N and an expert's load.
 * Without conflicts, loads differ by at most one.
 */

export interface AssignProject {
  id: number;
  unitCode: string;
  /** The applicant's organisation (the unit's name), compared with the expert's. */
  organisation: string;
  category: string;
}

export interface AssignExpert {
  id: number;
  organisation: string;
  /** The unit the expert belongs to, if any. */
  memberUnitCode: string | null;
  conflictUnitCodes: readonly string[];
  available: boolean;
}

export type AssignMode = { perProject: number } | { panelPerCategory: number };

export const exclusionCodes = [
  'unavailable',
  'same_organisation',
  'declared_conflict',
  'member_of_unit',
] as const;
export type ExclusionCode = (typeof exclusionCodes)[number];
export interface Reason {
  code: ExclusionCode;
  params: Record<string, string>;
}

export interface Pair {
  projectId: number;
  expertId: number;
}

export interface Exclusion extends Pair {
  reasons: Reason[];
}

export interface Shortfall {
  projectId: number;
  wanted: number;
  got: number;
}

export interface AssignmentPlan {
  /** New pairs (the fixed ones are not repeated), by project then expert id. */
  assignments: Pair[];
  exclusions: Exclusion[];
  shortfalls: Shortfall[];
  /** Per category, the panel chosen (panel mode only). */
  panels: { category: string; expertIds: number[] }[];
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Why `e` may not judge `p` (empty: it may). */
export function exclusionReasons(e: AssignExpert, p: AssignProject): Reason[] {
  const out: Reason[] = [];
  if (!e.available) out.push({ code: 'unavailable', params: {} });
  if (norm(e.organisation) !== '' && norm(e.organisation) === norm(p.organisation))
    out.push({ code: 'same_organisation', params: { organisation: p.organisation } });
  if (e.conflictUnitCodes.includes(p.unitCode))
    out.push({ code: 'declared_conflict', params: { unit: p.unitCode } });
  if (e.memberUnitCode !== null && e.memberUnitCode === p.unitCode)
    out.push({ code: 'member_of_unit', params: { unit: p.unitCode } });
  return out;
}

const byId = <T extends { id: number }>(a: T, b: T) => a.id - b.id;

export function assignJudges(
  projects: readonly AssignProject[],
  experts: readonly AssignExpert[],
  mode: AssignMode,
  fixed: readonly Pair[] = [],
): AssignmentPlan {
  const n = 'perProject' in mode ? mode.perProject : mode.panelPerCategory;
  const ps = [...projects].sort(byId);
  const es = [...experts].sort(byId);
  const exclusions: Exclusion[] = [];
  const eligible = new Map<number, AssignExpert[]>();
  for (const p of ps) {
    const ok: AssignExpert[] = [];
    for (const e of es) {
      const reasons = exclusionReasons(e, p);
      if (reasons.length) exclusions.push({ projectId: p.id, expertId: e.id, reasons });
      else ok.push(e);
    }
    eligible.set(p.id, ok);
  }
  const load = new Map<number, number>(es.map((e) => [e.id, 0]));
  const judges = new Map<number, Set<number>>(ps.map((p) => [p.id, new Set<number>()]));
  for (const f of fixed) {
    judges.get(f.projectId)?.add(f.expertId);
    if (load.has(f.expertId)) load.set(f.expertId, load.get(f.expertId)! + 1);
  }
  const assignments: Pair[] = [];
  const give = (projectId: number, expertId: number) => {
    judges.get(projectId)!.add(expertId);
    load.set(expertId, load.get(expertId)! + 1);
    assignments.push({ projectId, expertId });
  };
  /** The least-loaded of `candidates` not yet judging `projectId` (ties by id), up to `count`. */
  const lightest = (projectId: number, candidates: AssignExpert[], count: number) =>
    candidates
      .filter((e) => !judges.get(projectId)!.has(e.id))
      .sort((a, b) => load.get(a.id)! - load.get(b.id)! || a.id - b.id)
      .slice(0, Math.max(0, count));
  const fill = (p: AssignProject) => {
    const need = n - judges.get(p.id)!.size;
    for (const e of lightest(p.id, eligible.get(p.id)!, need)) give(p.id, e.id);
  };

  const panels: AssignmentPlan['panels'] = [];
  if ('perProject' in mode) {
    // The most constrained projects first, so they get the experts they can have.
    const order = [...ps].sort(
      (a, b) => eligible.get(a.id)!.length - eligible.get(b.id)!.length || a.id - b.id,
    );
    for (const p of order) fill(p);
  } else {
    const categories = [...new Set(ps.map((p) => p.category))].sort();
    for (const c of categories) {
      const inCat = ps.filter((p) => p.category === c);
      const clashes = (e: AssignExpert) => inCat.filter((p) => !eligible.get(p.id)!.includes(e)).length;
      const panel = es
        .filter((e) => e.available)
        .sort((a, b) => load.get(a.id)! - load.get(b.id)! || clashes(a) - clashes(b) || a.id - b.id)
        .slice(0, n);
      panels.push({ category: c, expertIds: panel.map((e) => e.id).sort((a, b) => a - b) });
      for (const p of inCat) {
        const ok = eligible.get(p.id)!;
        const room = n - judges.get(p.id)!.size;
        for (const e of panel.filter((e) => ok.includes(e)).slice(0, Math.max(0, room))) give(p.id, e.id);
      }
      // Substitutes for panel members who may not judge a project.
      for (const p of inCat) fill(p);
    }
  }
  assignments.sort((a, b) => a.projectId - b.projectId || a.expertId - b.expertId);
  const shortfalls = ps.flatMap((p) => {
    const got = judges.get(p.id)!.size;
    return got < n ? [{ projectId: p.id, wanted: n, got }] : [];
  });
  return { assignments, exclusions, shortfalls, panels };
}
