/**
 * The scoring pages' view model, pure: the server's coded problems at the fields they name, a
 * judge's live total (the engine's own rubric arithmetic), the defence steps and how results read.
 */
import type { DefenceAction, DefenceStage, ProjectResult, RubricSettings } from '@jixiao/contracts';
import { scoreSheet, validateRubric } from '@jixiao/engine';
import { problemKey } from '../../shared/feedback.js';

/** One coded problem of a refusal: where (`rubric.criteria[0].weight`, `scores.novelty`), what, with what. */
export interface CodedIssue {
  path: string;
  code: string;
  params: Record<string, unknown>;
}

/** The coded problems in an error's details (`[{ path, code, params }]` or one `{ code, params }`). */
export function codedIssues(details: unknown): CodedIssue[] {
  const list = Array.isArray(details) ? details : details ? [details] : [];
  return list.flatMap((d) => {
    if (!d || typeof d !== 'object' || typeof (d as { code?: unknown }).code !== 'string') return [];
    const { path, code, params } = d as { path?: unknown; code: string; params?: unknown };
    return [
      {
        path: typeof path === 'string' ? path : '',
        code,
        params: params && typeof params === 'object' ? (params as Record<string, unknown>) : {},
      },
    ];
  });
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** The i18n key of a problem code: `innovation.weights_sum` and a bare `weights_sum` alike. */
export const issueKey = (code: string) => problemKey(code.includes('.') ? code : `innovation.${code}`);

/** A problem in words at the field it names (IssueBits shows them). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Coded problems in the reader's language, each at its field. */
export function translatedIssues(t: T, issues: readonly CodedIssue[]): FieldIssue[] {
  return issues.map((i) => ({
    path: i.path,
    message: t(issueKey(i.code), { ...i.params, defaultValue: i.code }),
  }));
}

/** The weights' sum as a percentage, to two decimals (100 when right). */
export const weightsPct = (criteria: readonly { weight: number }[]) =>
  Math.round(criteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0) * 10_000) / 100;

/** A criterion's full points in the rubric: total × weight. */
export const criterionPoints = (total: number, weight: number) => Math.round(total * weight * 1e6) / 1e6;

/**
 * A judge's sheet as typed so far → the score the server will compute (the engine's scoreSheet),
 * or null while a criterion is empty or out of range; the problems per criterion code.
 */
export function liveTotal(
  rubric: RubricSettings,
  values: Readonly<Record<string, number | null | undefined>>,
): { score: number | null; issues: CodedIssue[] } {
  const sheet: Record<string, number> = {};
  for (const c of rubric.criteria) {
    const v = values[c.code];
    if (typeof v === 'number') sheet[c.code] = v;
  }
  const r = scoreSheet(rubric, sheet);
  if (r.ok) return { score: r.value.score, issues: [] };
  return {
    score: null,
    issues: r.issues
      .filter((i) => i.code !== 'missing_criterion')
      .map((i) => ({ path: `scores.${i.path}`, code: i.code, params: i.params ?? {} })),
  };
}

/** The next step the chair may take on a project in `stage` (none once closed). */
export const NEXT_ACTION: Record<DefenceStage, DefenceAction | null> = {
  waiting: 'present',
  presenting: 'score',
  scoring: 'close',
  closed: null,
};

export const STAGE_COLOR: Record<DefenceStage, string> = {
  waiting: 'default',
  presenting: 'processing',
  scoring: 'warning',
  closed: 'success',
};

/** Ranked projects grouped by category, in the order the server lists them. */
export function byCategory(projects: readonly ProjectResult[]) {
  const out = new Map<string, { category: string; name: string; rows: ProjectResult[] }>();
  for (const p of projects) {
    const g = out.get(p.category) ?? { category: p.category, name: p.categoryName, rows: [] };
    g.rows.push(p);
    out.set(p.category, g);
  }
  return [...out.values()];
}

/** How much the cap took from a proposal (0: none), to the proposal's decimals. */
export const cutBy = (p: { earned: number; points: number }) =>
  Math.max(0, Math.round((p.earned - p.points) * 1e6) / 1e6);

/**
 * A panel's scores as a unit reads them: with the judges' names when the server gives them
 * (published), else numbered 评委1, 评委2… in the panel's order.
 */
export function panelText(
  panel: readonly { judge: { name: string } | null; raw: number }[],
  anon: (n: number) => string,
): string {
  return panel.map((e, i) => `${e.judge?.name ?? anon(i + 1)} ${e.raw}`).join('、');
}

/** The rubric's own problems as the engine finds them while the office types (paths under `rubric.`). */
export function rubricIssues(rubric: RubricSettings): CodedIssue[] {
  return validateRubric(rubric).map((i) => ({
    path: i.path ? `rubric.${i.path}` : 'rubric',
    code: i.code,
    params: i.params ?? {},
  }));
}

/**
 * The call a judge scores: the one in the address when the judge has projects in it, else the
 * latest year's call of the judge's projects (undefined: none assigned).
 */
export function judgingCall(
  projects: readonly { callId: number; year: number }[],
  wanted?: number,
): number | undefined {
  if (wanted !== undefined && projects.some((p) => p.callId === wanted)) return wanted;
  return [...projects].sort((a, b) => b.year - a.year || b.callId - a.callId)[0]?.callId;
}
