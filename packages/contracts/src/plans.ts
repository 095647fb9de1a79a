import { periodCodePattern } from '@jixiao/engine';
import { z } from 'zod';
import { planPeriod, row, scoredUnit, stamp, stampOrNull, versioned } from './fields.js';
import { type PlanIssueCode, planIssueCodes } from './plan-issues/render.js';

/**
 * Evaluation plans (考评方案): one per evaluation system per year, edited as drafts, activated once
 * valid. The plan document itself is the engine's plan JSON (docs/plan-format.md); the server
 * validates it with the engine, so here it is an object.
 */
export const planStatus = z.enum(['draft', 'active', 'archived']);
export type PlanStatus = z.infer<typeof planStatus>;

export const planDocument = z.record(z.string(), z.unknown());
export type PlanDocument = z.infer<typeof planDocument>;

/**
 * One problem of a plan document, as data: the engine's issue code and params (one template per
 * code in plan-issues/templates.<lang>.json; the web renders them through i18n, the server's
 * error messages and the CLI through renderPlanIssue), never prose.
 */
export const planIssue = z.object({
  /** What is wrong: one of the engine's plan-issue codes (planIssueCodes). */
  code: z.enum(planIssueCodes as [PlanIssueCode, ...PlanIssueCode[]]),
  /** JSON path in the plan, e.g. 'indicators[3].method'. */
  path: z.string(),
  /** Indicator, sub-item (IND.SUB) or component code the problem is about, when there is one. */
  indicator: z.string().nullable(),
  /** The code's params (codes the author typed, numbers, lists of them). */
  params: z.record(z.string(), z.unknown()),
  severity: z.enum(['error', 'warning']),
});
export type PlanIssue = z.infer<typeof planIssue>;

export const planSummary = row({
  systemId: z.number().int(),
  year: z.number().int(),
  name: z.string(),
  status: planStatus,
  /** Optimistic-concurrency version of the draft; send it back when saving. */
  ...versioned,
  /** Number of saved revisions (1 = as created). */
  revision: z.number().int(),
  clonedFromId: z.number().int().nullable(),
  ...stamp('updated'),
  activatedAt: z.string().nullable(),
  /** Count of validation errors of the current document (0 = can be activated). */
  errorCount: z.number().int(),
  /** An ad-hoc / special-topic plan (Z7): active beside the yearly plan, never archiving it. */
  adHoc: z.boolean(),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const planDetail = planSummary.extend({
  document: planDocument,
  issues: z.array(planIssue),
});
export type PlanDetail = z.infer<typeof planDetail>;

export const planListQuery = z.strictObject({
  systemId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const planCreate = z.strictObject({
  systemId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(1).max(200),
  /** Start from a shipped template (GET /api/plan-templates) or from a given document. */
  templateId: z.string().max(64).optional(),
  document: planDocument.optional(),
});

export const planSave = z.strictObject({
  document: planDocument,
  ...versioned,
  note: z.string().trim().max(500).optional(),
});

export const planActivate = z.strictObject({ version: z.number().int() });

export const planClone = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(1).max(200).optional(),
});

/**
 * Why a revision was saved, as data: the web renders `revisionNote.<code>` through i18n. `text`
 * carries what a user typed, and the free text of revisions saved before notes were data.
 */
export const revisionNote = z.discriminatedUnion('code', [
  z.object({ code: z.literal('plan.created'), params: z.object({}) }),
  z.object({ code: z.literal('plan.from_template'), params: z.object({ templateId: z.string() }) }),
  z.object({
    code: z.literal('plan.cloned'),
    params: z.object({ planId: z.number().int(), year: z.number().int() }),
  }),
  z.object({ code: z.literal('plan.imported'), params: z.object({ fileName: z.string() }) }),
  z.object({ code: z.literal('demo.last_year'), params: z.object({}) }),
  z.object({ code: z.literal('demo.ad_hoc'), params: z.object({}) }),
  z.object({ code: z.literal('text'), params: z.object({ text: z.string() }) }),
]);
export type RevisionNote = z.infer<typeof revisionNote>;
export type RevisionNoteCode = RevisionNote['code'];

export const planRevision = z.object({
  revision: z.number().int(),
  ...stamp('saved'),
  note: revisionNote.nullable(),
});
export type PlanRevision = z.infer<typeof planRevision>;

/** One difference between two plan documents, located by indicator code where possible (H1, H4). */
export const planDiffEntry = z.object({
  kind: z.enum(['added', 'removed', 'changed']),
  /** JSON path, e.g. "indicators[W-TM-01].points". */
  path: z.string(),
  code: z.string().nullable(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type PlanDiffEntry = z.infer<typeof planDiffEntry>;

export const planDiffQuery = z.strictObject({
  /** Compare with another plan (e.g. last year's) … */
  againstPlanId: z.coerce.number().int().positive().optional(),
  /** … or with an earlier revision of this plan. */
  revision: z.coerce.number().int().positive().optional(),
});

export const planExportQuery = z.strictObject({ format: z.enum(['yaml', 'json']).default('yaml') });

export const planTemplate = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  year: z.number().int().nullable(),
});
export type PlanTemplate = z.infer<typeof planTemplate>;

export const ahpRequest = z.strictObject({
  /** Square pairwise comparison matrix on Saaty's 1–9 scale (a_ji = 1 / a_ij). */
  matrix: z.array(z.array(z.number().positive())).min(2).max(15),
});
export const ahpResponse = z.object({
  weights: z.array(z.number()),
  lambdaMax: z.number(),
  ci: z.number(),
  cr: z.number(),
  ri: z.number(),
  riTable: z.string(),
  consistent: z.boolean(),
  /** The matrix's problems as plan-issue codes (`ahp.*`) and params; the web renders them. */
  issues: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.unknown()) })),
  /** The verdict in English (API clients, logs); the web shows its own text. */
  message: z.string(),
});
export type AhpResponse = z.infer<typeof ahpResponse>;

// --- data and results ----------------------------------------------------------------------------

/** Period codes (the engine's pattern, one definition): 2026-M01 … 2026-M12, 2026-Q1 … Q4, 2026-H1, 2026-H2, 2026-Y. */
export const periodCode = z
  .string()
  .regex(periodCodePattern(), 'a period like 2026-M01, 2026-Q1, 2026-H1 or 2026-Y');

export const periodQuery = z.strictObject({ period: periodCode });

export const unitScore = z.object({
  ...scoredUnit,
  category: z.string(),
  total: z.number(),
  base: z.number(),
  bonus: z.number(),
  deductions: z.number(),
  vetoes: z.array(z.string()),
  rank: z.number().int(),
  placement: z.number().int(),
  grade: z
    .object({ code: z.string(), name: z.string(), color: z.string(), downgraded: z.boolean() })
    .nullable(),
  components: z.array(
    z.object({ code: z.string(), name: z.string(), score: z.number().nullable(), full: z.number() }),
  ),
  awards: z.array(z.string()),
});
export type UnitScore = z.infer<typeof unitScore>;

export const groupQuotas = z.object({
  group: z.string(),
  units: z.number().int(),
  levels: z.array(
    z.object({ level: z.string(), name: z.string(), places: z.number().int(), used: z.number().int() }),
  ),
});
export type GroupQuotas = z.infer<typeof groupQuotas>;

/**
 * A run's life (S13, W9, Z14): draft (the office's) → publicity (公示: units see it and may object
 * until its last day) → approval (报审: the leaders see it) → released (审定: official, locked). A
 * run replaced by a newer version of its plan and period while not yet released is superseded.
 */
export const runStatuses = ['draft', 'publicity', 'approval', 'released', 'superseded'] as const;
export const runStatus = z.enum(runStatuses);
export type RunStatus = z.infer<typeof runStatus>;

/** Why a run version exists beside the one before it. */
export const runChange = z.object({
  /** objection: an accepted objection's adjustment; correction: a change after release. */
  kind: z.enum(['objection', 'correction']),
  basedOn: z.number().int(),
  /** What the office typed (a correction), or null for an objection (see `objectionId`). */
  reason: z.string().nullable(),
  objectionId: z.number().int().nullable(),
});
export type RunChange = z.infer<typeof runChange>;

/** The publicity of a run: its Beijing days and the deadlines objections get. */
export const runPublicity = z.object({
  from: z.string(),
  to: z.string(),
  answerDays: z.number().int(),
  respondDays: z.number().int(),
  /** Whether the read-only public page shows the rankings (no personal data). */
  publicPage: z.boolean(),
  ...stamp('published'),
});
export type RunPublicity = z.infer<typeof runPublicity>;

/** The steps a run took after it was computed (null until taken). */
export const runSteps = {
  publicity: runPublicity.nullable(),
  ...stampOrNull('submitted'),
  /** The leader's approval (审定) is the release. */
  ...stampOrNull('released'),
  /** The leader's note when the run was sent back to the office (it is then a draft again). */
  returnNote: z.string().nullable(),
  change: runChange.nullable(),
};

export const evaluationRun = row({
  ...planPeriod,
  planRevision: z.number().int(),
  ...stamp('computed'),
  /** A draft is the office's only; units see a run in publicity or released, leaders also in approval. */
  status: runStatus,
  ...runSteps,
  /** The newest run of its plan and period. */
  latest: z.boolean(),
  units: z.array(unitScore),
  rankings: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      entries: z.array(z.object({ unit: z.string(), rank: z.number(), total: z.number() })),
    }),
  ),
  awards: z.array(z.object({ code: z.string(), name: z.string(), units: z.array(z.string()) })),
  /** Per leaf group, each grade level with a quota (W8): the places it gave and how many were used. */
  quotas: z.array(groupQuotas),
});
export type EvaluationRun = z.infer<typeof evaluationRun>;

export const unitTraceParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  unit: z.string().min(1).max(64),
});

// --- additions by the server (additive only) -----------------------------------------------------

/**
 * POST /api/plans/:id/evaluate: a draft run from the cycle's data. Computing while the period is
 * still open for submissions must be said (`whileOpen: true`), else 409 PERIOD_OPEN.
 */
export const evaluateRequest = z.strictObject({ period: periodCode, whileOpen: z.boolean().optional() });

/**
 * The engine's UnitTrace (see @jixiao/engine result.ts): every number of one unit explained, plus
 * `sources`: where each input came from (ValueSource[] of ./cycle.ts).
 */
export const unitTrace = z.record(z.string(), z.unknown());

/** One rejected row of a data upload (IMPORT_REJECTED details). */
export const dataRowProblem = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
