import {
  type Question,
  type QuestionInput,
  type QuestionnaireCreate,
  type QuestionnaireDetail,
  questionnaireCreate,
  type RatingScale,
  type ResolvedQuestion,
  type RowItem,
  resolveQuestions,
  satisfactionScale,
} from '@jixiao/contracts';
import type { z } from 'zod';

/**
 * The questionnaire builder's pure parts (issue 10 point 1): new questions and type changes with
 * their defaults, scale presets, reordering, the check against the contract before saving (each
 * problem as an i18n key with its parameters, under the field's path), and the preview's rows.
 */

export type QuestionType = QuestionInput['type'];
export const QUESTION_TYPES: readonly QuestionType[] = ['rating', 'single', 'multiple', 'text', 'matrix'];
export type ChoiceOption = { code: string; label: string };

/** What the builder edits: the questionnaire as the API takes it, possibly not valid yet. */
export type Draft = QuestionnaireCreate & { questions: QuestionInput[] };

/** The first `prefix1`, `prefix2`, … that no item uses. */
export function freshCode(taken: readonly { code?: string; id?: string }[], prefix: string): string {
  const used = new Set(taken.map((x) => x.id ?? x.code));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** A copy of the usual 满意 100 / 基本满意 80 / 不满意 0 scale (contracts `satisfactionScale`). */
export const defaultLabels = (): RatingScale => structuredClone(satisfactionScale);

const twoOptions = (): ChoiceOption[] => [
  { code: 'o1', label: '' },
  { code: 'o2', label: '' },
];

/** A question of `type` with the defaults of its kind; `keep` carries id, title, required and what fits. */
export function questionOf(
  type: QuestionType,
  keep: Pick<QuestionInput, 'id' | 'title' | 'required'> & Partial<Record<string, unknown>>,
): QuestionInput {
  const base = { id: keep.id, title: keep.title, required: keep.required ?? true };
  const scale = (keep.scale as RatingScale | undefined) ?? defaultLabels();
  const options = (keep.options as ChoiceOption[] | undefined) ?? twoOptions();
  const scored = (keep.scored as boolean | undefined) ?? true;
  switch (type) {
    case 'rating':
      return { ...base, type, scale, scored };
    case 'single':
      return { ...base, type, options };
    case 'multiple':
      return { ...base, type, options };
    case 'text':
      return { ...base, type, maxLength: 500 };
    case 'matrix':
      return { ...base, type, scale, scored, rows: { source: 'units' } };
  }
}

/** A new question at the end of the list, with an unused id. */
export const newQuestion = (type: QuestionType, list: readonly QuestionInput[]): QuestionInput =>
  questionOf(type, { id: freshCode(list, 'q'), title: '', required: true });

/** The list with the item at `from` moved to `to` (a position of the result). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

/** The list with `item` in place of the one at `index`. */
export const replaced = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((x, i) => (i === index ? item : x));

export type ScalePreset = 'r5' | 'r10' | 'range' | 'labels';

/** Which choice of the scale picker a scale is. */
export function presetOf(scale: RatingScale): ScalePreset {
  if (scale.kind === 'labels') return 'labels';
  if (scale.min === 1 && scale.max === 5) return 'r5';
  if (scale.min === 1 && scale.max === 10) return 'r10';
  return 'range';
}

/** The scale a picker choice makes: 1–5, 1–10, a custom range (from the current one) or labels. */
export function scaleOfPreset(preset: ScalePreset, current: RatingScale): RatingScale {
  switch (preset) {
    case 'r5':
      return { kind: 'range', min: 1, max: 5 };
    case 'r10':
      return { kind: 'range', min: 1, max: 10 };
    case 'range':
      return current.kind === 'range' ? current : { kind: 'range', min: 0, max: 10 };
    case 'labels':
      return current.kind === 'labels' ? current : defaultLabels();
  }
}

/** A builder problem: an i18n key under `questionnaires.problem` and its parameters. */
export interface Problem {
  key: string;
  params: Record<string, string | number>;
}

function problemOf(issue: z.core.$ZodIssue): Problem {
  const last = issue.path[issue.path.length - 1];
  const p = (key: string, params: Record<string, string | number> = {}) => ({
    key: `questionnaires.problem.${key}`,
    params,
  });
  switch (issue.code) {
    case 'custom':
      return last === 'id' ? p('duplicateId') : last === 'max' ? p('maxAboveMin') : p('invalid');
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return p('empty');
      return issue.origin === 'array' ? p('fewItems', { min }) : p('min', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return p('tooLong', { max });
      return issue.origin === 'array' ? p('manyItems', { max }) : p('max', { max });
    }
    case 'invalid_format':
      return p('codeChars');
    case 'invalid_type':
      return p('missing');
    default:
      return p('invalid');
  }
}

/** Problems by field path (`name`, `questions.0.title`, `questions.1.scale.max`), the first of each. */
export type Problems = Record<string, Problem>;

/**
 * The draft checked with the contract (`questionnaireCreate`), as the server will: the body to send
 * (trimmed, defaults filled), or the problems by field.
 */
export function checkDraft(
  draft: Draft,
): { ok: true; body: z.output<typeof questionnaireCreate> } | { ok: false; problems: Problems } {
  const r = questionnaireCreate.safeParse(draft);
  if (r.success) return { ok: true, body: r.data };
  const problems: Problems = {};
  for (const issue of r.error.issues) {
    const path = issue.path.map(String).join('.');
    problems[path] ??= problemOf(issue);
  }
  return { ok: false, problems };
}

/** The problems under one question (keys relative to it: `title`, `options.0.label`, ``). */
export function problemsUnder(problems: Problems, prefix: string): Problems {
  const out: Problems = {};
  for (const [path, problem] of Object.entries(problems)) {
    if (path === prefix) out[''] = problem;
    else if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = problem;
  }
  return out;
}

/**
 * The questions as a ballot would show them, matrix rows filled from sample units and work items
 * (the phone preview). Works on a draft: what is not valid yet shows as it is.
 */
export const previewQuestions = (
  questions: readonly QuestionInput[],
  sample: { units: readonly RowItem[]; workItems: readonly RowItem[] },
): ResolvedQuestion[] =>
  resolveQuestions(questions.map((q) => ({ ...q, required: q.required ?? true })) as Question[], sample);

/** The latest version of each family (what the list and a rater group's picker offer). */
export function latestVersions(all: readonly QuestionnaireDetail[]): QuestionnaireDetail[] {
  const latest = new Map<number, QuestionnaireDetail>();
  for (const q of all) {
    const seen = latest.get(q.familyId);
    if (!seen || q.versionNo > seen.versionNo) latest.set(q.familyId, q);
  }
  return [...latest.values()];
}

/** The versions of one family, newest first. */
export const versionsOf = (all: readonly QuestionnaireDetail[], familyId: number) =>
  all.filter((q) => q.familyId === familyId).sort((a, b) => b.versionNo - a.versionNo);
