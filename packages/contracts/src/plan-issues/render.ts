/**
 * How a plan-validation issue becomes text: `{ code, params }` (the engine's validatePlan, see
 * packages/engine/src/plan/issue-codes.ts) through its one template, `issues.<code>` in
 * templates.<lang>.json, its params formatted here first. The web feeds the same templates to
 * i18next (namespace key `planIssue`) and passes its `t`; the server and the CLI pass
 * `dictTranslate(planIssueTemplates[lang])`. Pure: no i18next, no DOM.
 *
 * Params: numbers plainly; lists joined by `listSep` (a parent chain by `chainSep`); `method`,
 * `direction` and `weighting` through their term tables (`terms.<param>.<value>`); every other
 * string (codes the plan's author typed) as it is.
 */
import {
  type PlanIssueCode as EnginePlanIssueCode,
  PLAN_ISSUE_CODES,
  PLAN_ISSUE_PARAMS,
} from '@jixiao/engine';
import { dictTranslate, plainNumber, type Translate } from '../explain/render.js';
import planIssueEn from './templates.en.json' with { type: 'json' };
import planIssueZhCN from './templates.zh-CN.json' with { type: 'json' };

/**
 * Problems of a plan file before it is a plan (the server's plan-file.ts, on import and in the
 * CLI): `detail` is the JSON or YAML parser's own words, which only the parser knows.
 */
export const PLAN_FILE_ISSUE_PARAMS = {
  'file.empty': [],
  'file.json': ['detail'],
  'file.json_at': ['line', 'detail'],
  'file.yaml': ['line', 'detail'],
  'file.not_object': [],
} as const satisfies Record<`file.${string}`, readonly string[]>;
export type PlanFileIssueCode = keyof typeof PLAN_FILE_ISSUE_PARAMS;

/** Every code a plan issue can carry: the engine's validation codes and the plan file's. */
export type PlanIssueCode = EnginePlanIssueCode | PlanFileIssueCode;
export const planIssueCodes: readonly PlanIssueCode[] = [
  ...PLAN_ISSUE_CODES,
  ...(Object.keys(PLAN_FILE_ISSUE_PARAMS) as PlanFileIssueCode[]),
];
/** The names of each code's params (the engine's table and the plan file's). */
export const planIssueParams: Readonly<Record<PlanIssueCode, readonly string[]>> = {
  ...PLAN_ISSUE_PARAMS,
  ...PLAN_FILE_ISSUE_PARAMS,
};
export const planIssueTemplates = { 'zh-CN': planIssueZhCN, en: planIssueEn } as const;
export type PlanIssueLang = keyof typeof planIssueTemplates;

/** Params whose values are translated through `terms.<param>.<value>`. */
export const planIssueTerms = ['method', 'direction', 'weighting'] as const;

/** An issue as the engine, the server or an error body carries it. */
export interface PlanIssueLike {
  code: string;
  params?: Record<string, unknown> | null;
}

function formatValue(name: string, v: unknown, t: Translate): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return plainNumber(v);
  if (Array.isArray(v))
    return v.map((x) => formatValue('', x, t)).join(t(name === 'chain' ? 'chainSep' : 'listSep'));
  if (typeof v === 'string') {
    if ((planIssueTerms as readonly string[]).includes(name)) {
      const key = `terms.${name}.${v}`;
      const out = t(key);
      return out === key ? v : out;
    }
    return v;
  }
  return String(v);
}

/** One issue as text in the language of `t`; an unknown code reads as the code itself. */
export function renderPlanIssue(issue: PlanIssueLike, t: Translate): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(issue.params ?? {})) params[k] = formatValue(k, v, t);
  const key = `issues.${issue.code}`;
  const out = t(key, params);
  return out === key ? issue.code : out;
}

/** A translate function over one language's plan-issue templates (server, CLI, tests). */
export function planIssueT(lang: PlanIssueLang): Translate {
  return dictTranslate(planIssueTemplates[lang]);
}

/** English text of an issue (logs, error messages of the API and the CLI). */
export function planIssueEnglish(issue: PlanIssueLike): string {
  return renderPlanIssue(issue, planIssueT('en'));
}
