import { z } from 'zod';

/**
 * Background jobs (issue 11 point 6): a job is started by kind with its params, runs on the queue
 * (pg-boss) and tells its progress (done of total) in the server's own `job` table, which the web
 * reads by id, so a progress bar survives a page reload. Its result is one file to download.
 */
const id = z.coerce.number().int().positive();

export const jobKinds = ['scorecards'] as const;
export type JobKind = (typeof jobKinds)[number];
export const jobStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** Every unit's scorecard PDF of one run, as one .zip. */
export const scorecardsJobParams = z.strictObject({ planId: id, runId: id });

/** POST /api/jobs: the kind and its params (each kind has its own params). */
export const startJob = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('scorecards'), params: scorecardsJobParams }),
]);
export type StartJob = z.infer<typeof startJob>;

export const jobView = z.object({
  id: z.number().int(),
  kind: z.enum(jobKinds),
  params: z.record(z.string(), z.unknown()),
  status: z.enum(jobStatuses),
  /** Progress: steps done of the total (for `scorecards`: units). */
  done: z.number().int(),
  total: z.number().int(),
  /** The result's file name once done (download at …/file). */
  fileName: z.string().nullable(),
  fileSize: z.number().int().nullable(),
  /** Why it failed, as `{ code, params }` for i18n. */
  error: z.object({ code: z.string(), params: z.record(z.string(), z.unknown()) }).nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobView>;

/** GET /api/jobs: the caller's own jobs, newest first (`mine` may be given; it is the only view). */
export const jobListQuery = z.strictObject({
  mine: z.enum(['', '1', 'true']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** GET /api/plans/:id/runs/:runId/units/:unit/scorecard.pdf */
export const scorecardParams = z.strictObject({ id, runId: id, unit: z.string().min(1).max(64) });
