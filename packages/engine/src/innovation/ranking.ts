import { competitionRank } from '../rank';
import { cleanSteps, type Step, step } from '../steps';
import { byCode, checkCount, finite, type InnovationIssue, Issues, push, throwIfAny } from './shared';

/**
 * Innovation projects ranked (issue 12 point 5, H10): per category by competition ranking (ties
 * share a rank: 1, 2, 2, 4 — rank.ts), and the top ten (改革创新十优) across all categories.
 * Scores are the reported (rounded) project scores of aggregate.ts, so equal means tie exactly.
 *
 * **Top ten.** Projects are taken in order of score; `n` seats (default 10). Per category an
 * optional `min` reserves seats (its best projects are taken first, even when others score more)
 * and an optional `max` closes the category once it holds that many. **Ties at an edge** — the
 * last seat, a category's minimum or maximum — **are all in**: projects with the same score are
 * never split by their order in the input, so the top ten can hold more than `n` (11 when two tie
 * for the tenth seat). A `tieBreak` list of project codes splits ties instead: of equal scores a
 * listed project comes before a later-listed or unlisted one; projects still tied (both unlisted)
 * are again all in. Without a tie at an edge exactly min(n, projects) are selected.
 */

/** A project to rank: its reported score, its unit and its category (one of the four, H10). */
export interface RankInput {
  project: string;
  unit: string;
  category: string;
  score: number;
}

export interface CategoryRank extends RankInput {
  /** Competition rank within the category. */
  rank: number;
  /** Projects in the category. */
  n: number;
  steps: Step[];
}

export interface CategoryLimit {
  /** Seats reserved for the category's best projects. */
  min?: number;
  /** The most seats the category may take (ties at this edge are all in). */
  max?: number;
}

export interface TopTenConfig {
  /** Seats (default 10). */
  n?: number;
  /** Category code → its minimum and maximum of seats. */
  categories?: Readonly<Record<string, CategoryLimit>>;
  /** Project codes in order of preference between equal scores. */
  tieBreak?: readonly string[];
}

export interface TopTenEntry extends RankInput {
  /** Competition rank on score across all categories. */
  overallRank: number;
  selected: boolean;
  /** Place within the top ten: 1 + the selected projects ahead (split by the tie-break list); null when not selected. */
  seat: number | null;
  steps: Step[];
}

export interface TopTen {
  n: number;
  /** Selected project codes in seat order. */
  selected: string[];
  /** Every project in order: score, then tie-break position, then project code. */
  entries: TopTenEntry[];
}

export const TOP_TEN_DEFAULT = 10;

/** Problems with the projects: no code, unit or category; a score that is not a number; a code twice. */
export function checkProjects(projects: readonly RankInput[]): InnovationIssue[] {
  const issues = new Issues();
  const seen = new Set<string>();
  projects.forEach((p, i) => {
    const at = `projects[${i}]`;
    if (!p.project || !p.unit || !p.category)
      issues.add('required', at, `project ${i + 1} lacks a code, a unit or a category`);
    if (!finite(p.score))
      issues.add('not_a_number', `${at}.score`, `project ${p.project}: the score is not a number`, {
        project: p.project,
      });
    if (seen.has(p.project))
      issues.add('duplicate_project', at, `project ${p.project} is listed twice`, { project: p.project });
    seen.add(p.project);
  });
  return issues.list;
}

/** Competition ranks of `items` by score, descending (rank.ts). */
function ranksOf<T extends { score: number }>(items: readonly T[]): Int32Array {
  const out = new Int32Array(items.length);
  competitionRank(
    items.map((_, i) => i),
    items.map((p) => p.score),
    out,
  );
  return out;
}

/** Each project's rank within its category; by category code, then rank, then project code. */
export function rankByCategory(projects: readonly RankInput[]): CategoryRank[] {
  throwIfAny(checkProjects(projects));
  const byCategory = new Map<string, RankInput[]>();
  for (const p of [...projects].sort((a, b) => byCode(a.project, b.project))) push(byCategory, p.category, p);
  return [...byCategory.keys()].sort(byCode).flatMap((category) => {
    const list = byCategory.get(category)!;
    const ranks = ranksOf(list);
    return list
      .map((p, i) => {
        const rank = ranks[i]!;
        const n = list.length;
        const steps = cleanSteps([step('innovation.category_rank', { category, rank, n, score: p.score })]);
        return { ...p, rank, n, steps };
      })
      .sort((a, b) => a.rank - b.rank || byCode(a.project, b.project));
  });
}

/** Problems with a top-ten configuration. */
export function checkTopTen(config: TopTenConfig = {}): InnovationIssue[] {
  const issues = new Issues();
  checkCount(issues, 'config.n', config.n, 1);
  let reserved = 0;
  for (const [category, lim] of Object.entries(config.categories ?? {})) {
    const at = `config.categories.${category}`;
    checkCount(issues, `${at}.min`, lim.min, 0);
    checkCount(issues, `${at}.max`, lim.max, 0);
    if (lim.min !== undefined && lim.max !== undefined && lim.min > lim.max)
      issues.add('min_max', at, `category ${category}: min ${lim.min} is above max ${lim.max}`, {
        category,
        min: lim.min,
        max: lim.max,
      });
    reserved += lim.min ?? 0;
  }
  const n = config.n ?? TOP_TEN_DEFAULT;
  if (reserved > n)
    issues.add(
      'reserved',
      'config.categories',
      `the categories' minimums (${reserved}) exceed the ${n} seats`,
      {
        reserved,
        n,
      },
    );
  return issues.list;
}

type Selection = 'order' | 'minimum' | 'edge_tie';

/** The top ten (十优); see the file's head for the rule. Throws InnovationInputError on bad input. */
export function topTen(projects: readonly RankInput[], config: TopTenConfig = {}): TopTen {
  throwIfAny([...checkProjects(projects), ...checkTopTen(config)]);
  const n = config.n ?? TOP_TEN_DEFAULT;
  const limits = config.categories ?? {};
  const listed = new Map<string, number>();
  for (const code of config.tieBreak ?? []) if (!listed.has(code)) listed.set(code, listed.size + 1);
  const pos = (p: RankInput) => listed.get(p.project) ?? Number.POSITIVE_INFINITY;
  const order = [...projects].sort(
    (a, b) => b.score - a.score || pos(a) - pos(b) || byCode(a.project, b.project),
  );
  // Blocks: projects no rule tells apart (equal score and equal tie-break position).
  const blocks: RankInput[][] = [];
  for (const p of order) {
    const last = blocks[blocks.length - 1];
    if (last && last[0]!.score === p.score && pos(last[0]!) === pos(p)) last.push(p);
    else blocks.push([p]);
  }
  const via = new Map<string, Selection>();
  const left = new Map<string, 'seats' | 'category_max'>();
  const count = new Map<string, number>();
  const take = (p: RankInput, how: Selection) => {
    via.set(p.project, how);
    count.set(p.category, (count.get(p.category) ?? 0) + 1);
  };
  // 1. Each category's minimum, from its best projects (a tied block at the minimum's edge is all in).
  for (const category of Object.keys(limits).sort(byCode)) {
    const min = limits[category]!.min ?? 0;
    for (const block of blocks) {
      if ((count.get(category) ?? 0) >= min) break;
      for (const p of block) if (p.category === category) take(p, 'minimum');
    }
  }
  // 2. The other seats in order; a category at its maximum is passed over.
  for (const block of blocks) {
    if (via.size >= n) break;
    const open = (c: string) => limits[c]?.max === undefined || (count.get(c) ?? 0) < limits[c]!.max!;
    const add = block.filter((p) => !via.has(p.project) && open(p.category));
    for (const p of block) if (!via.has(p.project) && !open(p.category)) left.set(p.project, 'category_max');
    const before = new Map(count);
    const overSeats = via.size + add.length > n;
    for (const p of add) {
      const max = limits[p.category]?.max;
      const added = add.filter((q) => q.category === p.category).length;
      const overMax = max !== undefined && (before.get(p.category) ?? 0) + added > max;
      take(p, overSeats || overMax ? 'edge_tie' : 'order');
    }
  }
  const overall = ranksOf(order);
  const seatOf = new Map<string, number>();
  let ahead = 0;
  for (const block of blocks) {
    const inBlock = block.filter((p) => via.has(p.project));
    for (const p of inBlock) seatOf.set(p.project, ahead + 1);
    ahead += inBlock.length;
  }
  const entries = order.map((p, i): TopTenEntry => {
    const how = via.get(p.project);
    const rank = overall[i]!;
    const steps: Step[] = [
      how
        ? step('innovation.top_ten', {
            rank,
            seat: seatOf.get(p.project)!,
            n,
            selection: how,
            category: p.category,
          })
        : step('innovation.top_ten_out', {
            rank,
            n,
            left: left.get(p.project) ?? 'seats',
            category: p.category,
          }),
    ];
    // Tied on score with a project on the other side of the seats' line: the tie-break list decided.
    const outBySeats = (q: RankInput) => !via.has(q.project) && left.get(q.project) !== 'category_max';
    const others = order.filter((q) =>
      q.score !== p.score
        ? false
        : how
          ? outBySeats(q) && pos(q) > pos(p)
          : outBySeats(p) && via.has(q.project) && pos(q) < pos(p),
    );
    if (others.length > 0)
      steps.push(
        step('innovation.tie_break', {
          score: p.score,
          position: listed.get(p.project) ?? null,
          side: how ? 'ahead' : 'behind',
          others: others.map((q) => q.project),
        }),
      );
    return {
      ...p,
      overallRank: rank,
      selected: Boolean(how),
      seat: seatOf.get(p.project) ?? null,
      steps: cleanSteps(steps),
    };
  });
  return { n, selected: entries.filter((e) => e.selected).map((e) => e.project), entries };
}
