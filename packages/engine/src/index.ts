/**
 * @jixiao/engine — the pure scoring engine. No I/O, no clock, no randomness: the same plan and
 * input always give the same result. This file is the whole public API.
 */

export {
  type ComparisonSummary,
  compareResults,
  comparisonSummary,
  type IndicatorChange,
  type ResultComparison,
  type Standing,
  type UnitComparison,
} from './compare';
export { type CompiledPlan, compilePlan } from './compile';
export {
  type ConsequenceLine,
  type ConsequenceParam,
  type ConsequenceUnit,
  consequences,
  levelIndex,
  type StandingSource,
  standingsOf,
  type UnitConsequences,
  type YearStanding,
} from './consequences';
export {
  DATA_ROW_KINDS,
  type DataRow,
  type DataRowIssue,
  type DataRowKind,
  type DataRowsResult,
  VALUE_FIELDS,
  type ValueField,
  validateDataRows,
} from './data-rows';
export { createEvaluator, type Evaluator, evaluate, explain } from './evaluate';
export {
  assignGrades,
  type GradeCandidate,
  type GradeOutcome,
  type QuotaCount,
  quotaCounts,
  quotaOf,
} from './grades';
export {
  AGGREGATION_DEFAULTS,
  type Aggregation,
  type AggregationConfig,
  aggregateProjects,
  checkAggregation,
  checkScores,
  type JudgeScale,
  type JudgeScore,
  type PanelEntry,
  type ProjectScore,
} from './innovation/aggregate';
export {
  type BonusBand,
  type BonusCandidate,
  type BonusConfig,
  type BonusProposal,
  checkBonus,
  type InnovationBonus,
  innovationBonus,
  sourceCap,
  type UnitBonus,
} from './innovation/bonus';
export {
  checkDispersion,
  type Deviation,
  DISPERSION_THRESHOLD,
  type Dispersion,
  type DispersionConfig,
  type JudgeDispersion,
  judgeDispersion,
} from './innovation/dispersion';
export {
  type CategoryLimit,
  type CategoryRank,
  checkProjects,
  checkTopTen,
  type RankInput,
  rankByCategory,
  TOP_TEN_DEFAULT,
  type TopTen,
  type TopTenConfig,
  type TopTenEntry,
  topTen,
} from './innovation/ranking';
export {
  type Criterion,
  type Rubric,
  type Sheet,
  type SheetResult,
  type SheetScore,
  scoreSheet,
  validateRubric,
} from './innovation/rubric';
export { InnovationInputError, type InnovationIssue } from './innovation/shared';
export {
  type BonusInput,
  type DeductionInput,
  type EvaluationInput,
  EvaluationInputError,
  type HalfYearInput,
  type InputIssue,
  type UnitInput,
  type ValueInput,
  type VetoInput,
} from './input';
export { METHODS } from './methods/index';
export type { Cell, CellField, MethodContext, MethodDef, Tracer } from './methods/types';
export {
  daysInYear,
  elapsedFraction,
  formatPeriod,
  type Period,
  parsePeriod,
  periodCodePattern,
  periodEndMonth,
  yearPeriod,
} from './period';
export { AHP_CR_LIMIT, AhpError, type AhpResult, ahp, ahpWeights, SAATY_RI } from './plan/ahp';
export { catalogueQuota } from './plan/consequence-catalogue';
export {
  type AhpIssue,
  type MethodIssue,
  PLAN_ISSUE_CODES,
  PLAN_ISSUE_PARAMS,
  type PlanIssueCode,
  type PlanIssueParam,
} from './plan/issue-codes';
export {
  criticWeights,
  entropyWeights,
  type ObjectiveColumn,
  type ObjectiveMethod,
  type ObjectiveWeights,
  objectiveWeights,
} from './plan/objective-weights';
export type * from './plan/types';
export {
  assertValidPlan,
  PlanValidationError,
  type PlanValidationIssue,
  SUB_ITEM_LIMIT,
  validatePlan,
} from './plan/validate';
export { CONSEQUENCE_ACTIONS, CONSEQUENCE_KINDS, STREAK_CONDITIONS } from './plan/validate-consequences';
export { competitionRank } from './rank';
export type {
  AwardResult,
  ComponentDeduction,
  EvaluationResult,
  GradeResult,
  GroupQuotas,
  IndicatorResult,
  RankingResult,
  TraceChildWeights,
  TraceNode,
  TraceProduct,
  TraceStep,
  UnitResult,
  UnitTrace,
} from './result';
export { formatDecimal, formatFixed, roundDecimal, roundDecimalString, roundHalfUp } from './rounding';
export { NUM_FIELDS, type NumField } from './state';
export { type ReportedParam, STEP_CODES, type Step, type StepCode, type StepParam } from './steps';
export {
  type BallotScore,
  type GroupSatisfaction,
  type RaterGroupSpec,
  ratingTo100,
  type SurveyMethod,
  type SurveySpec,
  surveyScores,
  type UnitSatisfaction,
} from './survey';
export { type GenerateOptions, generatePlanData } from './templates/generate';
export { generateTemplateData, getTemplate, type Template, templates } from './templates/index';
/** Seeded generators for made-up data (templates, the demo city, benchmarks): one definition. */
export { hashString, mulberry32, sfc32 } from './templates/prng';
