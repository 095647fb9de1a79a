/**
 * The hotline page's view model (H8), pure: the words its problems use, the indicators a figure
 * can feed, and the feeds being edited.
 */
import { type HotlineFeed, type HotlineField, hotlineFields } from '@jixiao/contracts';
import { leafIndicators } from '../events/model.js';
import type { ProblemWords } from '../imports/problems.js';

/** The hotline file's own columns and problem codes, for the import's problem sentences. */
export const HOTLINE_WORDS: ProblemWords = {
  columns: Object.fromEntries(hotlineFields.map((f) => [f, `hotline.fields.${f}`])),
  problems: Object.fromEntries(
    ['period_out_of_year', 'duplicate_unit', 'negative_volume', 'fractional_volume', 'rate_out_of_range'].map(
      (c) => [c, `hotline.problem.${c}`],
    ),
  ),
};

export interface FeedTarget {
  code: string;
  name: string;
}

/** The plan's leaves a figure can feed: leaf indicators, or their sub-items (`T2.K1`) where they have some. */
export function feedTargets(document: unknown): FeedTarget[] {
  const inds = new Map(
    (((document as { indicators?: unknown[] } | null)?.indicators ?? []) as Record<string, unknown>[]).map(
      (i) => [i.code, i],
    ),
  );
  return leafIndicators(document).flatMap((leaf) => {
    const subs = (inds.get(leaf.code)?.subItems ?? []) as { code?: unknown; name?: unknown }[];
    if (!Array.isArray(subs) || subs.length === 0) return [leaf];
    return subs
      .filter((s) => typeof s.code === 'string')
      .map((s) => ({
        code: `${leaf.code}.${s.code as string}`,
        name: `${leaf.name} · ${typeof s.name === 'string' ? s.name : (s.code as string)}`,
      }));
  });
}

/** A feed row being edited: the indicator may be unchosen yet. */
export interface FeedDraft {
  field: HotlineField;
  indicator: string | null;
}

/**
 * The feeds to save: chosen rows only; null (with the indicator) when an indicator is fed twice,
 * which the server would refuse.
 */
export function feedsToSave(drafts: readonly FeedDraft[]): { feeds: HotlineFeed[]; twice: string | null } {
  const seen = new Set<string>();
  const feeds: HotlineFeed[] = [];
  for (const d of drafts) {
    if (!d.indicator) continue;
    if (seen.has(d.indicator)) return { feeds: [], twice: d.indicator };
    seen.add(d.indicator);
    feeds.push({ field: d.field, indicator: d.indicator });
  }
  return { feeds, twice: null };
}

/** A rate as the table shows it: "92.5%". */
export const pct = (n: number) => `${Number(n.toFixed(2))}%`;

/** The month a page opens with: this month in the plan's year, else its December. */
export const defaultMonth = (year: number, now: Date) =>
  `${year}-M${String(now.getFullYear() === year ? now.getMonth() + 1 : 12).padStart(2, '0')}`;

/** Where a stored row came from, as an i18n key: the office's upload, or a system's API token. */
export function sourceText(source: string): { key: string; params: Record<string, string> } {
  if (source.startsWith('api:')) return { key: 'hotline.sourceApi', params: { name: source.slice(4) } };
  return { key: 'hotline.sourceFile', params: {} };
}
