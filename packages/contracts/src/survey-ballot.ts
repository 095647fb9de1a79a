import { ratingTo100 } from '@jixiao/engine';
import type { BallotAnswers, Question, RatingScale, ResolvedQuestion } from './surveys.js';

/**
 * One ballot against its resolved questionnaire: the problems that refuse it (as `{ code, params }`
 * for i18n, the same on the ballot page and the server), and its scored answers per rated unit.
 */

export interface RowItem {
  code: string;
  label: string;
}

/**
 * The questionnaire as one ballot sees it (H7): matrix rows over `units` become the units the rater
 * group rates (each row scoring its unit), rows over `work_items` the rated unit's own items.
 */
export function resolveQuestions(
  questions: readonly Question[],
  ctx: { units: readonly RowItem[]; workItems: readonly RowItem[] },
): ResolvedQuestion[] {
  return questions.map((q) => {
    if (q.type !== 'matrix') return q;
    const rows =
      q.rows.source === 'fixed'
        ? q.rows.items.map((i) => ({ ...i }))
        : q.rows.source === 'units'
          ? ctx.units.map((u) => ({ ...u, unit: u.code }))
          : ctx.workItems.map((i) => ({ ...i }));
    return { ...q, rows };
  });
}

export type BallotProblemCode =
  | 'survey.unknown_question'
  | 'survey.required'
  | 'survey.wrong_type'
  | 'survey.out_of_range'
  | 'survey.unknown_option'
  | 'survey.too_many_choices'
  | 'survey.too_long'
  | 'survey.unknown_row';

export interface BallotProblem {
  code: BallotProblemCode;
  params: { question: string; row?: string; option?: string; min?: number; max?: number };
}

const isEmpty = (a: unknown) =>
  a === undefined ||
  a === null ||
  a === '' ||
  (Array.isArray(a) && a.length === 0) ||
  (typeof a === 'object' && !Array.isArray(a) && Object.keys(a as object).length === 0);

/** A rating's 0–100 value, or a problem. */
function rate(scale: RatingScale, v: unknown, question: string, row?: string): number | BallotProblem {
  if (scale.kind === 'range') {
    if (typeof v !== 'number' || !Number.isInteger(v))
      return { code: 'survey.wrong_type', params: { question, row } };
    if (v < scale.min || v > scale.max)
      return { code: 'survey.out_of_range', params: { question, row, min: scale.min, max: scale.max } };
    return ratingTo100(v, scale.min, scale.max);
  }
  const option = typeof v === 'string' ? scale.options.find((o) => o.code === v) : undefined;
  if (!option) return { code: 'survey.unknown_option', params: { question, row, option: String(v) } };
  return option.value;
}

export interface CheckedBallot {
  problems: BallotProblem[];
  /** Scored answers, 0–100, per rated unit (the ballot's own unit unless a matrix row names one). */
  scores: Map<string, number[]>;
}

/**
 * Checks every answer against the questionnaire and collects the scored ratings. `unit` is the unit
 * the ballot rates (its code, or null for a ballot that rates units only through matrix rows).
 */
export function checkBallot(
  questions: readonly ResolvedQuestion[],
  answers: BallotAnswers,
  unit: string | null,
): CheckedBallot {
  const problems: BallotProblem[] = [];
  const scores = new Map<string, number[]>();
  const score = (u: string | null | undefined, x: number) => {
    if (!u) return;
    const list = scores.get(u) ?? [];
    list.push(x);
    scores.set(u, list);
  };
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers))
    if (!byId.has(id)) problems.push({ code: 'survey.unknown_question', params: { question: id } });

  for (const q of questions) {
    const a = answers[q.id];
    const question = q.id;
    if (isEmpty(a)) {
      if (q.required) problems.push({ code: 'survey.required', params: { question } });
      continue;
    }
    switch (q.type) {
      case 'rating': {
        const r = rate(q.scale, a, question);
        if (typeof r !== 'number') problems.push(r);
        else if (q.scored) score(unit, r);
        break;
      }
      case 'single':
        if (typeof a !== 'string') problems.push({ code: 'survey.wrong_type', params: { question } });
        else if (!q.options.some((o) => o.code === a))
          problems.push({ code: 'survey.unknown_option', params: { question, option: a } });
        break;
      case 'multiple': {
        if (!Array.isArray(a)) {
          problems.push({ code: 'survey.wrong_type', params: { question } });
          break;
        }
        for (const c of a)
          if (!q.options.some((o) => o.code === c))
            problems.push({ code: 'survey.unknown_option', params: { question, option: c } });
        const max = q.maxChoices ?? q.options.length;
        if (new Set(a).size !== a.length || a.length > max)
          problems.push({ code: 'survey.too_many_choices', params: { question, max } });
        break;
      }
      case 'text':
        if (typeof a !== 'string') problems.push({ code: 'survey.wrong_type', params: { question } });
        else if (a.length > q.maxLength)
          problems.push({ code: 'survey.too_long', params: { question, max: q.maxLength } });
        break;
      case 'matrix': {
        if (typeof a !== 'object' || Array.isArray(a)) {
          problems.push({ code: 'survey.wrong_type', params: { question } });
          break;
        }
        const rows = new Map(q.rows.map((r) => [r.code, r]));
        for (const row of Object.keys(a))
          if (!rows.has(row)) problems.push({ code: 'survey.unknown_row', params: { question, row } });
        for (const row of q.rows) {
          const v = (a as Record<string, unknown>)[row.code];
          if (v === undefined) {
            if (q.required) problems.push({ code: 'survey.required', params: { question, row: row.code } });
            continue;
          }
          const r = rate(q.scale, v, question, row.code);
          if (typeof r !== 'number') problems.push(r);
          else if (q.scored) score(row.unit ?? unit, r);
        }
        break;
      }
    }
  }
  return { problems, scores };
}

/** A ballot's score for one unit: the mean of its scored answers about that unit. */
export const ballotScore = (answers: readonly number[]) =>
  answers.reduce((s, x) => s + x, 0) / answers.length;

/**
 * The columns of a paper-sheet spreadsheet (Z3) for these questions: `seq`, then one per question,
 * `question.row` for each row of a matrix. The server reads files by them; the web offers them as
 * the template.
 */
export function sheetColumns(questions: readonly ResolvedQuestion[]): string[] {
  return [
    'seq',
    ...questions.flatMap((q) => (q.type === 'matrix' ? q.rows.map((r) => `${q.id}.${r.code}`) : [q.id])),
  ];
}
