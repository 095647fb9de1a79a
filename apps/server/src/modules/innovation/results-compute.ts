import type { InnovationResults, ProjectResult, ScoringSettings } from '@jixiao/contracts';
import {
  aggregateProjects,
  type BonusCandidate,
  innovationBonus,
  type JudgeScore,
  judgeDispersion,
  rankByCategory,
  topTen,
} from '@jixiao/engine';

/**
 * A call's results from its sheets (issue 12 point 5), pure: the closed projects with at least one
 * sheet are counted; the engine gives each its panel score (trimmed mean, optional z-score
 * normalisation), its rank in its category, the top ten (十优), each judge's dispersion and the rank →
 * bonus proposals under the unit's cap (less what the unit already has from the source). Projects
 * and judges travel to the engine as their ids; everything comes back with the engine's steps.
 */

export interface ComputeProject {
  id: number;
  title: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  unitPath: string;
  category: string;
  categoryName: string;
  /** The category's place in the call (results are listed in the call's order). */
  categoryOrder: number;
  closed: boolean;
  /** The unit is an evaluated unit of the bonus plan's system. */
  inPlan: boolean;
}

export interface ComputeSheet {
  projectId: number;
  expertId: number;
  judgeName: string;
  score: number;
}

export interface ComputePlan {
  id: number;
  name: string;
  year: number;
  period: string;
  source: string;
  sourceName: string;
  cap: number | null;
}

/** The stored results: the full view, and what views and staleness need. */
export interface StoredResults {
  view: Omit<InnovationResults, 'stale' | 'applied' | 'version' | 'computedAt' | 'computedBy'>;
  /** Unit path per project id (a unit sees its own). */
  paths: Record<string, string>;
  /** Closed project ids at the computation. */
  closed: number[];
}

type Steps = ProjectResult['steps'];
const steps = (s: unknown) => s as Steps;

/** Which project, of which unit, in which category: as every line of the results names it. */
const projectRef = (p: ComputeProject) => ({
  projectId: p.id,
  title: p.title,
  unitId: p.unitId,
  unitCode: p.unitCode,
  unitName: p.unitName,
  category: p.category,
});

export function computeResults(
  callId: number,
  settings: ScoringSettings,
  projects: ComputeProject[],
  sheets: ComputeSheet[],
  plan: ComputePlan | null,
  /** Points a unit (by id) already has from the bonus source, outside this call. */
  already: Map<number, number>,
): StoredResults {
  const closed = new Set(projects.filter((p) => p.closed).map((p) => p.id));
  const counted = projects.filter((p) => closed.has(p.id) && sheets.some((s) => s.projectId === p.id));
  const byId = new Map(projects.map((p) => [String(p.id), p]));
  const names = new Map(sheets.map((s) => [String(s.expertId), s.judgeName]));
  const judgeRef = (code: string) => ({ expertId: Number(code), name: names.get(code) ?? '' });
  const scores: JudgeScore[] = sheets
    .filter((s) => counted.some((p) => p.id === s.projectId))
    .map((s) => ({ project: String(s.projectId), judge: String(s.expertId), score: s.score }));
  const { aggregation: ag, topTen: tt, bonus: bs } = settings;
  const agg = aggregateProjects(scores, ag);
  const rankIn = agg.projects.map((a) => {
    const p = byId.get(a.project)!;
    return { project: a.project, unit: p.unitCode, category: p.category, score: a.score };
  });
  const ranks = rankByCategory(rankIn);
  const top = topTen(rankIn, {
    n: tt.size,
    categories: tt.categories,
    tieBreak: tt.tieBreak.map(String),
  });
  const dispersion = scores.length
    ? judgeDispersion(scores, { trimAt: ag.trimAt, trim: ag.trim, threshold: settings.dispersion.threshold })
    : null;

  let bonus: ReturnType<typeof innovationBonus> | null = null;
  if (plan) {
    const candidates: BonusCandidate[] = [];
    for (const r of ranks) {
      const p = byId.get(r.project)!;
      if (!p.inPlan) continue;
      const seat = top.entries.find((e) => e.project === r.project)?.seat ?? null;
      const rank = bs.rankOf === 'category' ? r.rank : seat;
      if (rank !== null)
        candidates.push({ project: r.project, unit: String(p.unitId), category: p.category, rank });
    }
    bonus = innovationBonus(candidates, {
      rankOf: bs.rankOf,
      table: bs.table,
      tables: bs.tables,
      source: plan.source,
      cap: plan.cap,
      already: Object.fromEntries([...already].map(([u, pts]) => [String(u), pts])),
      decimals: bs.decimals,
    });
  }
  const unitOf = (unitId: number) => projects.find((p) => p.unitId === unitId)!;

  const results: ProjectResult[] = ranks.map((r) => {
    const p = byId.get(r.project)!;
    const a = agg.projects.find((x) => x.project === r.project)!;
    const e = top.entries.find((x) => x.project === r.project)!;
    const prop = bonus?.proposals.find((x) => x.project === r.project);
    const judgeSteps = agg.judges.flatMap((j) => (a.panel.some((x) => x.judge === j.judge) ? j.steps : []));
    return {
      ...projectRef(p),
      categoryName: p.categoryName,
      score: a.score,
      mean: a.mean,
      trimmed: a.trimmed,
      judges: a.panel.length,
      rank: r.rank,
      inCategory: r.n,
      overallRank: e.overallRank,
      topTen: e.selected,
      seat: e.seat,
      bonus: prop ? { earned: prop.earned, points: prop.points } : null,
      panel: a.panel.map((x) => ({ judge: judgeRef(x.judge), raw: x.raw, score: x.score, kept: x.kept })),
      steps: steps([...judgeSteps, ...a.steps, ...r.steps, ...e.steps, ...(prop?.steps ?? [])]),
    };
  });
  const order = (r: ProjectResult) => byId.get(String(r.projectId))!.categoryOrder;
  results.sort((x, y) => order(x) - order(y) || x.rank - y.rank || x.projectId - y.projectId);

  return {
    view: {
      callId,
      settings,
      plan,
      projects: results,
      topTen: top.selected.map(Number),
      left: projects
        .filter((p) => !counted.includes(p))
        .map((p) => ({
          projectId: p.id,
          title: p.title,
          reason: closed.has(p.id) ? 'no_sheets' : 'not_closed',
        })),
      dispersion: dispersion
        ? { threshold: dispersion.threshold, mean: dispersion.mean, sd: dispersion.sd }
        : null,
      judges: (dispersion?.judges ?? []).map((j) => ({
        judge: judgeRef(j.judge),
        n: j.n,
        mad: j.mad,
        bias: j.bias,
        z: j.z,
        flagged: j.flagged,
        steps: steps(j.steps),
      })),
      proposals: (bonus?.proposals ?? []).map((x) => {
        const p = byId.get(x.project)!;
        const r = ranks.find((y) => y.project === x.project)!;
        const seat = top.entries.find((e) => e.project === x.project)?.seat ?? r.rank;
        return {
          ...projectRef(p),
          rank: bs.rankOf === 'category' ? r.rank : seat,
          source: x.source,
          earned: x.earned,
          points: x.points,
          steps: steps(x.steps),
        };
      }),
      units: (bonus?.units ?? []).map((u) => {
        const p = unitOf(Number(u.unit));
        return {
          unitId: p.unitId,
          unitCode: p.unitCode,
          unitName: p.unitName,
          cap: u.cap,
          already: u.already,
          earned: u.earned,
          points: u.points,
          steps: steps(u.steps),
        };
      }),
    },
    paths: Object.fromEntries(projects.map((p) => [String(p.id), p.unitPath])),
    closed: [...closed].sort((a, b) => a - b),
  };
}
