/**
 * The innovation pages' view model, pure: the words of an expert file's problems, why an expert
 * may not judge a project, call status colours, and the categories a call shows.
 */
import {
  type CallStatus,
  type ExclusionReason,
  expertColumns,
  type InnovationCategory,
} from '@jixiao/contracts';
import type { ProblemWords } from '../imports/problems.js';

/** An expert file's own columns and problem codes, for the import's problem sentences. */
export const EXPERT_WORDS: ProblemWords = {
  columns: Object.fromEntries(expertColumns.map((c) => [c, `innovation.column.${c}`])),
  problems: Object.fromEntries(
    [
      'value_required',
      'bad_affiliation',
      'bad_phone',
      'bad_email',
      'bad_flag',
      'duplicate_expert',
      'duplicate',
    ].map((c) => [c, `innovation.problem.${c}`]),
  ),
};

export const CALL_STATUS_COLOR: Record<CallStatus, string> = {
  draft: 'default',
  open: 'green',
  closed: 'red',
};

/** The office's pages of a call, by their address under /innovation/calls/:id/, and their labels. */
export const CALL_PAGES = {
  assignments: 'innovation.assignment',
  scoring: 'innovation.scoring',
  defence: 'innovation.defence',
  results: 'innovation.resultsPage',
} as const;

/** The sentence key of an exclusion reason, with its params. */
export const reasonText = (r: ExclusionReason) => ({ key: `innovation.reason.${r.code}`, params: r.params });

/** A category's name in a call, or its code when the call no longer lists it. */
export const categoryName = (categories: readonly InnovationCategory[], code: string) =>
  categories.find((c) => c.code === code)?.name ?? code;

/** The deadline a new call proposes: the end of May of its year. */
export const defaultDeadline = (year: number) => `${year}-05-31`;

/** Categories typed one per line as "code 名称" (or "code|名称"), back to the call's list. */
export function parseCategories(text: string): InnovationCategory[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^([A-Za-z0-9_-]+)[\s|｜:：]+(.+)$/.exec(l);
      return m ? { code: m[1]!, name: m[2]!.trim() } : { code: l, name: l };
    });
}

/** The call's categories as the text box shows them. */
export const categoriesText = (cs: readonly InnovationCategory[]) =>
  cs.map((c) => `${c.code} ${c.name}`).join('\n');
