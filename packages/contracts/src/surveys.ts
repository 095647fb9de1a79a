import { z } from 'zod';
import { code, name } from './common.js';
import { closeWithNote, row, stamp, stampOrNull, unitRef, versioned } from './fields.js';

/**
 * Satisfaction evaluation (issue 10; rules S12, W11, H7, Z3, Z11): questionnaires, campaigns and
 * ballots. A questionnaire is data: the builder in the web edits it, the ballot page renders it,
 * `checkBallot` (survey-ballot.ts) validates answers against it on both sides.
 */

/** One answer of a labelled scale, with the 0–100 value it scores (e.g. 满意 100, 基本满意 80, 不满意 0). */
export const scaleOption = z.strictObject({
  code,
  label: name,
  value: z.number().min(0).max(100),
});

/** A rating scale: a numeric range (1–5, 1–10) or labelled options with configured values. */
export const ratingScale = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('range'), min: z.number().int(), max: z.number().int() }),
  z.strictObject({ kind: z.literal('labels'), options: z.array(scaleOption).min(2).max(10) }),
]);
export type RatingScale = z.infer<typeof ratingScale>;

/** The usual three-level scale of a social evaluation (W11): 满意 100, 基本满意 80, 不满意 0. */
export const satisfactionScale: RatingScale = {
  kind: 'labels',
  options: [
    { code: 'sat', label: '满意', value: 100 },
    { code: 'basic', label: '基本满意', value: 80 },
    { code: 'unsat', label: '不满意', value: 0 },
  ],
};

export const choiceOption = z.strictObject({ code, label: name });

/**
 * Where a matrix question's rows come from: fixed items, every unit the rater group rates, or the
 * rated unit's own work items (H7: its issued task book's items and the livelihood projects),
 * filled in when the questionnaire is resolved for a unit.
 */
export const matrixRows = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('fixed'), items: z.array(choiceOption).min(1).max(200) }),
  z.strictObject({ source: z.literal('units') }),
  z.strictObject({ source: z.literal('work_items') }),
]);

const questionBase = {
  id: code,
  title: z.string().trim().min(1).max(500),
  required: z.boolean().default(true),
};

const ratingQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('rating'),
  scale: ratingScale,
  /** A scored rating counts towards the rated unit's satisfaction. */
  scored: z.boolean().default(true),
});
const singleQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('single'),
  options: z.array(choiceOption).min(2).max(50),
});
const multipleQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('multiple'),
  options: z.array(choiceOption).min(2).max(50),
  maxChoices: z.number().int().min(1).optional(),
});
const textQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('text'),
  maxLength: z.number().int().min(1).max(2000).default(500),
});
const matrixBase = {
  ...questionBase,
  type: z.literal('matrix'),
  scale: ratingScale,
  scored: z.boolean().default(true),
};

export const question = z.discriminatedUnion('type', [
  ratingQuestion,
  singleQuestion,
  multipleQuestion,
  textQuestion,
  z.strictObject({ ...matrixBase, rows: matrixRows }),
]);
/** A question as one ballot shows it: a matrix's rows are concrete (a row may score a unit). */
export const resolvedQuestion = z.discriminatedUnion('type', [
  ratingQuestion,
  singleQuestion,
  multipleQuestion,
  textQuestion,
  z.strictObject({
    ...matrixBase,
    rows: z.array(z.object({ code: z.string(), label: z.string(), unit: z.string().optional() })),
  }),
]);
export type ResolvedQuestion = z.infer<typeof resolvedQuestion>;
export type Question = z.infer<typeof question>;
export type QuestionInput = z.input<typeof question>;

export const questionnaireBody = z
  .array(question)
  .min(1)
  .max(200)
  .superRefine((qs, ctx) => {
    const seen = new Set<string>();
    qs.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate question id ${q.id}` });
      seen.add(q.id);
      if (
        (q.type === 'rating' || q.type === 'matrix') &&
        q.scale.kind === 'range' &&
        !(q.scale.max > q.scale.min)
      )
        ctx.addIssue({ code: 'custom', path: [i, 'scale', 'max'], message: 'max must be greater than min' });
    });
  });

/**
 * Answers by question id: a rating is a number (range) or an option code (labels); single → option
 * code; multiple → option codes; text → string; matrix → { row code: rating }.
 */
export const ballotAnswers = z.record(
  z.string().max(64),
  z.union([
    z.number(),
    z.string().max(10_000),
    z.array(z.string().max(64)).max(50),
    z.record(z.string().max(64), z.union([z.number(), z.string().max(64)])),
  ]),
);
export type BallotAnswers = z.infer<typeof ballotAnswers>;

// --- questionnaires -------------------------------------------------------------------------------

export const questionnaireCreate = z.strictObject({ name, questions: questionnaireBody });
export type QuestionnaireCreate = z.input<typeof questionnaireCreate>;

export const questionnaireDetail = row({
  /** The first version's id: all versions of one questionnaire share it. */
  familyId: z.number().int(),
  versionNo: z.number().int(),
  name: z.string(),
  questions: z.array(question),
  /** A version with ballots is frozen: a change makes the next version. */
  frozen: z.boolean(),
  ...stamp('created'),
});
export type QuestionnaireDetail = z.infer<typeof questionnaireDetail>;

// --- campaigns ------------------------------------------------------------------------------------

/** The kinds of rater group the seed schemes name (S12, Z11). */
export const raterGroupKind = z.enum([
  'leadership',
  'deputies',
  'cadres',
  'service_objects',
  'enterprises',
  'public',
]);
export const campaignKind = z.enum(['mid_year', 'year_end']);
export const campaignStatus = z.enum(['draft', 'open', 'closed', 'scored']);
export const surveyMethod = z.enum(['mean', 'share']);

export const raterChannel = z.enum(['code', 'poll', 'paper']);
export type RaterChannel = z.infer<typeof raterChannel>;

export const raterGroupInput = z.strictObject({
  code,
  name,
  kind: raterGroupKind,
  weight: z.number().positive().max(1000),
  minSample: z.number().int().min(0).max(1_000_000).default(0),
  /** The survey indicator this group scores alone (Wuxi S1 … S4); null: the campaign's, weighted. */
  indicator: code.nullable().default(null),
  questionnaireId: z.number().int().positive(),
  unitIds: z.array(z.number().int().positive()).min(1).max(10_000),
  /** How the group votes: one-person-one-code ballots, the public e-poll page (Z11), or paper sheets (Z3). */
  channel: raterChannel.default('code'),
});

export const campaignCreate = z.strictObject({
  planId: z.number().int().positive(),
  name,
  kind: campaignKind,
  /** The plan period whose survey indicator the campaign scores (e.g. 2026-H1, 2026-Y). */
  period: z.string().trim().min(1).max(16),
  /**
   * The plan's survey indicator (a leaf scored by the satisfaction method) that the groups without
   * their own indicator score together, weighted; null when every group names its own.
   */
  indicator: code.nullable().default(null),
  anonymous: z.boolean().default(true),
  method: surveyMethod.default('mean'),
  shareFrom: z.number().min(0).max(100).default(60),
  /** ISO times; the UI enters them in Beijing time. */
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  groups: z.array(raterGroupInput).min(1).max(20),
});
export type CampaignCreate = z.input<typeof campaignCreate>;
export const campaignUpdate = campaignCreate.omit({ planId: true }).extend({ version: z.number().int() });

export const raterGroup = raterGroupInput.extend({
  id: z.number().int(),
  /** Codes handed out and used (one person, one code). */
  codesIssued: z.number().int(),
  codesUsed: z.number().int(),
});

export const campaignDetail = row({
  planId: z.number().int(),
  name: z.string(),
  kind: campaignKind,
  period: z.string(),
  indicator: z.string().nullable(),
  anonymous: z.boolean(),
  method: surveyMethod,
  shareFrom: z.number(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: campaignStatus,
  ...versioned,
  ...stamp('created'),
  ...stampOrNull('scored'),
  groups: z.array(raterGroup),
});
export type CampaignDetail = z.infer<typeof campaignDetail>;
export const campaignList = z.array(campaignDetail);
export const campaignListQuery = z.strictObject({ planId: z.coerce.number().int().positive() });

export const campaignTransition = z.strictObject({
  action: z.enum(['open', 'close', 'reopen', 'score']),
  version: z.number().int(),
});

export const codesCreate = z.strictObject({
  groupId: z.number().int().positive(),
  /** Codes per unit of the group (a ballot about that unit), or for the group as a whole. */
  perUnit: z.boolean().default(false),
  count: z.number().int().min(1).max(20_000),
});
/** The new codes, shown once: only their hashes are kept. */
export const codesCreated = z.object({
  batch: z.number().int(),
  codes: z.array(z.object({ code: z.string(), unitId: z.number().int().nullable() })),
});

// --- results ---------------------------------------------------------------------------------------

export const groupSatisfaction = z.object({
  group: z.string(),
  weight: z.number(),
  n: z.number().int(),
  minSample: z.number().int(),
  score: z.number().nullable(),
  belowSample: z.boolean(),
});
export const campaignResult = z.object({
  indicator: z.string(),
  ...unitRef,
  value: z.number().nullable(),
  n: z.number().int(),
  missing: z.enum(['below_sample', 'no_ballots']).nullable(),
  groups: z.array(groupSatisfaction),
});
export type CampaignResult = z.infer<typeof campaignResult>;
export const campaignResults = z.array(campaignResult);

// --- the ballot page (public: the code travels in the POST body, never in a URL) -------------------

export const ballotOpen = z.strictObject({ code: z.string().trim().min(1).max(40) });
export const ballotForm = z.object({
  campaign: z.string(),
  group: z.string(),
  /** The unit the ballot rates, if the code is for one unit. */
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
  closesAt: z.string(),
  /** A named campaign asks the voter's name and contact (stored encrypted, shown to the office only). */
  named: z.boolean(),
  questions: z.array(resolvedQuestion),
});
export type BallotForm = z.infer<typeof ballotForm>;
/** A named campaign's voter. */
export const voter = z.strictObject({
  name: z.string().trim().min(1).max(50),
  contact: z.string().trim().min(1).max(50),
});
export type Voter = z.infer<typeof voter>;
export const ballotSubmit = z.strictObject({
  code: z.string().trim().min(1).max(40),
  answers: ballotAnswers,
  voter: voter.optional(),
});
export const ballotAccepted = z.object({ ok: z.literal(true) });

/** Response progress per rater group and unit against the minimum sample (point 9). */
export const campaignProgressCell = z.object({
  group: z.string(),
  groupName: z.string(),
  ...unitRef,
  n: z.number().int(),
  minSample: z.number().int(),
  projected: z.number(),
  short: z.boolean(),
  atRisk: z.boolean(),
});
export const campaignProgress = z.object({
  campaignId: z.number().int(),
  ballots: z.number().int(),
  cells: z.array(campaignProgressCell),
});
export type CampaignProgress = z.infer<typeof campaignProgress>;

// --- the public e-poll (Z11: no code; a captcha, one ballot per device, a limit per address) --------

export const pollParams = z.strictObject({ groupId: z.coerce.number().int().positive() });
/** A poll link may name the unit it asks about (e.g. a QR code at a service hall). */
export const pollQuery = z.strictObject({ unit: code.optional() });
export const captchaChallenge = z.object({
  /** Signed nonce and expiry; sent back with the answer. */
  token: z.string(),
  /** The digits to type, drawn as an SVG image. */
  svg: z.string(),
});
export const pollSubmit = z.strictObject({
  unit: code.optional(),
  answers: ballotAnswers,
  captcha: z.strictObject({ token: z.string().min(1).max(400), answer: z.string().trim().min(1).max(10) }),
  voter: voter.optional(),
});

// --- paper questionnaires (Z3: entered in batches per survey point, optionally twice) -------------

export const paperBatchCreate = z.strictObject({
  campaignId: z.number().int().positive(),
  groupId: z.number().int().positive(),
  /** The unit the sheets rate, when the questionnaire is about one unit. */
  unitId: z.number().int().positive().nullable().default(null),
  surveyPoint: z.string().trim().min(1).max(100),
  doubleEntry: z.boolean().default(false),
});
export const paperBatchStatus = z.enum(['entering', 'counted']);
export const paperSheet = z.object({
  seq: z.number().int(),
  first: ballotAnswers.nullable(),
  firstBy: z.string().nullable(),
  second: ballotAnswers.nullable(),
  secondBy: z.string().nullable(),
  resolved: ballotAnswers.nullable(),
  resolvedBy: z.string().nullable(),
  /** Double entry: both entries typed and they differ, not yet resolved. */
  mismatch: z.boolean(),
});
export const paperBatch = row({
  campaignId: z.number().int(),
  campaignName: z.string(),
  groupId: z.number().int(),
  groupName: z.string(),
  unit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  surveyPoint: z.string(),
  doubleEntry: z.boolean(),
  status: paperBatchStatus,
  ...versioned,
  ...stamp('created'),
  ...stampOrNull('counted'),
  sheets: z.number().int(),
  mismatches: z.number().int(),
});
export type PaperBatch = z.infer<typeof paperBatch>;
export const paperBatchDetail = paperBatch.extend({
  questions: z.array(resolvedQuestion),
  sheetList: z.array(paperSheet),
});
export type PaperBatchDetail = z.infer<typeof paperBatchDetail>;
export const paperBatchQuery = z.strictObject({ campaignId: z.coerce.number().int().positive() });
export const paperPass = z.enum(['first', 'second']);
export const paperSheetParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  seq: z.coerce.number().int().min(1).max(100_000),
});
export const paperSheetPut = z.strictObject({ pass: paperPass, answers: ballotAnswers });
export const paperSheetResolve = z.strictObject({ answers: ballotAnswers });
export const paperCount = z.strictObject({ version: z.number().int() });
export const paperImportQuery = z.strictObject({ pass: paperPass.default('first') });
/** A campaign with paper groups that a surveyor can enter sheets for. */
export const paperCampaign = z.object({
  id: z.number().int(),
  name: z.string(),
  status: campaignStatus,
  closesAt: z.string(),
  groups: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      units: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
    }),
  ),
});

// --- comments (意见建议, H9): from ballots' open text and observations, dispatched to units ------

export const commentStatus = z.enum(['new', 'dispatched', 'answered', 'returned', 'closed']);
export const commentSource = z.enum(['code', 'poll', 'paper', 'observation']);
export const surveyComment = row({
  campaignId: z.number().int().nullable(),
  campaignName: z.string().nullable(),
  unit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  topic: z.string().nullable(),
  classifiedBy: z.enum(['rule', 'manual']),
  source: commentSource,
  text: z.string(),
  status: commentStatus,
  answer: z.string().nullable(),
  ...stampOrNull('answered'),
  officeNote: z.string().nullable(),
  ...versioned,
  createdAt: z.string(),
});
export type SurveyComment = z.infer<typeof surveyComment>;
export const commentQuery = z.strictObject({
  campaignId: z.coerce.number().int().positive().optional(),
  status: commentStatus.optional(),
  unitId: z.coerce.number().int().positive().optional(),
  topic: z.string().max(32).optional(),
});
export const commentCreate = z.strictObject({
  campaignId: z.number().int().positive().nullable().default(null),
  unitId: z.number().int().positive().nullable().default(null),
  topic: code.nullable().default(null),
  text: z.string().trim().min(1).max(2000),
});
export const commentAct = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('classify'),
    unitId: z.number().int().positive().nullable(),
    topic: code.nullable(),
    version: z.number().int(),
  }),
  z.strictObject({ action: z.literal('dispatch'), version: z.number().int() }),
  z.strictObject({
    action: z.literal('answer'),
    answer: z.string().trim().min(1).max(2000),
    version: z.number().int(),
  }),
  closeWithNote,
  z.strictObject({
    action: z.literal('return'),
    note: z.string().trim().min(1).max(500),
    version: z.number().int(),
  }),
]);
export const commentTopic = z.strictObject({
  code,
  name,
  keywords: z.array(z.string().trim().min(1).max(20)).max(50),
});
export const commentTopics = z.array(commentTopic).max(50);
export const commentStat = z.object({
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  topic: z.string().nullable(),
  total: z.number().int(),
  open: z.number().int(),
});

/** A named campaign's voter as the office sees it (sealed at rest, opened for the office only). */
export const campaignVoter = z.object({
  group: z.string(),
  day: z.string(),
  channel: z.string(),
  name: z.string(),
  contact: z.string(),
});
