import { z } from 'zod';
import { row, stamp, versioned } from './fields.js';
import { exclusionReason, judgedProject } from './innovation.js';
import { defenceStage, sessionStatus } from './innovation-defence.js';

/**
 * Scoring innovation projects (创新驱动加分, H10, issue 12 points 4–5): the call's scoring settings
 * (rubric, trimmed mean, top ten, rank → bonus), the judges' score sheets, the defence session
 * (现场+答辩) with its live board, and the call's results with the bonus proposals the office
 * applies as bonus events. docs/innovation.md describes them; the arithmetic is the engine's
 * (docs/innovation-scoring.md).
 */

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, - or _');
const finite = z.number().finite();

// --- settings --------------------------------------------------------------------------------------

export const rubricCriterion = z.strictObject({
  code,
  name: z.string().trim().min(1).max(60),
  /** Share of the total (the weights sum to 1). */
  weight: finite,
  /** The range a judge scores the criterion in. */
  min: finite,
  max: finite,
});
export type RubricCriterion = z.infer<typeof rubricCriterion>;

export const rubricSettings = z.strictObject({
  criteria: z.array(rubricCriterion).min(1).max(20),
  /** The project's full score. */
  total: finite.default(100),
  /** A judge's score is rounded to these decimals (half up). */
  decimals: z.number().int().min(0).max(4).default(2),
});
export type RubricSettings = z.infer<typeof rubricSettings>;

/** A new call's rubric: 创新性 30 / 实效性 40 / 可推广性 30 points, the score the sum of the points. */
export const DEFAULT_RUBRIC: RubricSettings = {
  criteria: [
    { code: 'novelty', name: '创新性', weight: 0.3, min: 0, max: 30 },
    { code: 'effect', name: '实效性', weight: 0.4, min: 0, max: 40 },
    { code: 'reach', name: '可推广性', weight: 0.3, min: 0, max: 30 },
  ],
  total: 100,
  decimals: 2,
};

export const aggregationSettings = z.strictObject({
  /** Panels of at least this many judges drop their `trim` highest and lowest scores. */
  trimAt: z.number().int().min(1).max(50).default(5),
  trim: z.number().int().min(0).max(10).default(1),
  /** Standardise each judge's scores across the call first (z-scores mapped back). */
  normalise: z.boolean().default(false),
  decimals: z.number().int().min(0).max(4).default(2),
});

export const topTenSettings = z.strictObject({
  /** Seats (十优: 10). */
  size: z.number().int().min(1).max(100).default(10),
  /** Category code → seats reserved (min) and the most it may take (max). */
  categories: z
    .record(
      z.string(),
      z.strictObject({
        min: z.number().int().min(0).optional(),
        max: z.number().int().min(0).optional(),
      }),
    )
    .default({}),
  /** Project ids in order of preference between equal scores at an edge. */
  tieBreak: z.array(z.number().int().positive()).max(200).default([]),
});

export const bonusBand = z.strictObject({
  fromRank: z.number().int(),
  toRank: z.number().int(),
  points: finite,
});
export type BonusBandInput = z.infer<typeof bonusBand>;

/** Top-ten seats 1–3 earn 1 point, seats 4–10 earn 0.5. */
export const DEFAULT_BONUS_TABLE: BonusBandInput[] = [
  { fromRank: 1, toRank: 3, points: 1 },
  { fromRank: 4, toRank: 10, points: 0.5 },
];

export const bonusSettings = z.strictObject({
  /** The plan the bonus events go to (their period is the plan's year); null until chosen. */
  planId: z.number().int().positive().nullable().default(null),
  /** The plan's bonus source (its cap applies: sourceCap). */
  source: z.string().trim().min(1).max(64).nullable().default(null),
  /** Rank within the category, or the seat in the top ten. */
  rankOf: z.enum(['category', 'top_ten']).default('top_ten'),
  table: z.array(bonusBand).max(50).default(DEFAULT_BONUS_TABLE),
  /** rankOf 'category': a category's own bands. */
  tables: z.record(z.string(), z.array(bonusBand).max(50)).default({}),
  decimals: z.number().int().min(0).max(4).default(2),
});

export const scoringSettings = z.strictObject({
  rubric: rubricSettings.default(DEFAULT_RUBRIC),
  aggregation: aggregationSettings.default({ trimAt: 5, trim: 1, normalise: false, decimals: 2 }),
  topTen: topTenSettings.default({ size: 10, categories: {}, tieBreak: [] }),
  bonus: bonusSettings.default({
    planId: null,
    source: null,
    rankOf: 'top_ten',
    table: DEFAULT_BONUS_TABLE,
    tables: {},
    decimals: 2,
  }),
  /** Judges' z of mad above which the dispersion view flags them. */
  dispersion: z.strictObject({ threshold: finite.default(2) }).default({ threshold: 2 }),
  /** Units see the judges' names next to their scores. */
  publishJudges: z.boolean().default(false),
});
/** As stored and answered (defaults filled in). */
export type ScoringSettings = z.output<typeof scoringSettings>;
/** As sent (defaults may be left out). */
export type ScoringSettingsInput = z.input<typeof scoringSettings>;

/** The settings of a call, with the call's version (a change sends it back). */
export const scoringView = z.object({
  callId: z.number().int(),
  settings: scoringSettings,
  /** Sheets submitted so far: once there is one, the rubric is fixed. */
  sheets: z.number().int(),
  rubricLocked: z.boolean(),
  can: z.object({ edit: z.boolean() }),
  ...versioned,
});
export type ScoringView = z.infer<typeof scoringView>;

/** The whole settings and the call's version; 400 names each problem `{ code, path, params }`. */
export const scoringUpdate = scoringSettings.extend({ version: z.number().int() });
export type ScoringUpdate = z.input<typeof scoringUpdate>;

// --- sheets ----------------------------------------------------------------------------------------

export const scoreSheet = row({
  projectId: z.number().int(),
  expertId: z.number().int(),
  judgeName: z.string(),
  /** Criterion code → the score entered. */
  scores: z.record(z.string(), z.number()),
  /** The judge's score of the project (the rubric's Σ parts, rounded). */
  score: z.number(),
  comment: z.string(),
  ...stamp('submitted'),
  ...versioned,
});
export type ScoreSheet = z.infer<typeof scoreSheet>;

export const sheetInput = z.strictObject({
  scores: z.record(z.string(), finite),
  comment: z.string().trim().max(2000).default(''),
  /** The sheet's version; null (or left out) for a first sheet. */
  version: z.number().int().nullable().default(null),
});
export type SheetInput = z.input<typeof sheetInput>;

// --- the judge's view ------------------------------------------------------------------------------

export const judgingProject = z.object({
  project: judgedProject,
  stage: defenceStage.nullable(),
  /** The defence session it is heard in, if any. */
  session: z
    .object({ id: z.number().int(), title: z.string(), position: z.number().int(), status: sessionStatus })
    .nullable(),
  /** Closed: its sheets are locked. */
  locked: z.boolean(),
  /** Why the judge may not judge it now (a conflict declared after the assignment). */
  conflict: z.array(exclusionReason),
  /** Whether a sheet is taken now, and else why not (`{ code, params }`). */
  canScore: z.boolean(),
  refusal: z.object({ code: z.string(), params: z.record(z.string(), z.unknown()) }).nullable(),
  sheet: scoreSheet.nullable(),
});
export type JudgingProject = z.infer<typeof judgingProject>;

export const judgingView = z.object({
  call: z.object({ id: z.number().int(), year: z.number().int(), title: z.string() }),
  rubric: rubricSettings,
  projects: z.array(judgingProject),
});
export type JudgingView = z.infer<typeof judgingView>;
