import { z } from 'zod';
import { code, name } from './common.js';

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

export const question = z.discriminatedUnion('type', [
  z.strictObject({
    ...questionBase,
    type: z.literal('rating'),
    scale: ratingScale,
    /** A scored rating counts towards the rated unit's satisfaction. */
    scored: z.boolean().default(true),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('single'),
    options: z.array(choiceOption).min(2).max(50),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('multiple'),
    options: z.array(choiceOption).min(2).max(50),
    maxChoices: z.number().int().min(1).optional(),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('text'),
    maxLength: z.number().int().min(1).max(2000).default(500),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('matrix'),
    rows: matrixRows,
    scale: ratingScale,
    scored: z.boolean().default(true),
  }),
]);
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

/** A questionnaire resolved for one ballot: matrix rows are concrete items. */
export type ResolvedQuestion =
  | Exclude<Question, { type: 'matrix' }>
  | (Omit<Extract<Question, { type: 'matrix' }>, 'rows'> & {
      rows: { code: string; label: string; unit?: string }[];
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
