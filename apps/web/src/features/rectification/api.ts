/**
 * Rectification tasks (整改) and rating rounds of the lead departments (S14): queries and steps.
 */
import {
  evidenceFile,
  leadDepartment,
  type RatingScores,
  type RectificationCreate,
  type RectificationStepBody,
  type RectificationTask,
  ratingRound,
  rectificationBulkResult,
  rectificationTask,
  runSummary,
  unitRating,
} from '@jixiao/contracts';
import { z } from 'zod';
import { api, type Query } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

export type TaskFilter = {
  status?: string;
  sourceKind?: string;
  unitId?: number;
  overdue?: 'true' | 'false';
};

export const rectificationKeys = { all: ['rectifications'] as const, ratings: ['rating-rounds'] as const };

export const useTasks = (f: TaskFilter) =>
  useGet([...rectificationKeys.all, 'list', f], '/api/rectifications', z.array(rectificationTask), {
    query: f as Query,
  });

/** The released runs of a plan (the bulk dialog's choices). */
export const useReleasedRuns = (planId: number | undefined) =>
  useGet(['results', planId, 'runs', 'all'], `/api/plans/${planId}/runs`, z.array(runSummary), {
    enabled: planId !== undefined,
  });

export const rectificationApi = {
  create: (body: RectificationCreate) => api.post('/api/rectifications', rectificationTask, body),
  fromRun: (body: { runId: number; minLostShare: number; deadline: string; measures?: string }) =>
    api.post('/api/rectifications/from-run', rectificationBulkResult, body),
  step: (t: RectificationTask, body: RectificationStepBody) =>
    api.post(`/api/rectifications/${t.id}/steps`, rectificationTask, body),
  evidence: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload(`/api/rectifications/${id}/evidence`, evidenceFile, form);
  },
  remindOverdue: () => api.post('/api/rectifications/remind-overdue', z.object({ reminded: z.number() })),
};

export const useRounds = () =>
  useGet([...rectificationKeys.ratings, 'list'], '/api/rating-rounds', z.array(ratingRound));
export const useRound = (id: number) =>
  useGet([...rectificationKeys.ratings, 'one', id], `/api/rating-rounds/${id}`, ratingRound);
export const useUnitRatings = (id: number, enabled: boolean) =>
  useGet(
    [...rectificationKeys.ratings, 'ratings', id],
    `/api/rating-rounds/${id}/ratings`,
    z.array(unitRating),
    {
      enabled,
    },
  );
export const useLeadDepartments = (systemId: number | undefined) =>
  useGet(
    [...rectificationKeys.ratings, 'leads', systemId],
    '/api/lead-departments',
    z.array(leadDepartment),
    {
      query: { systemId },
      enabled: systemId !== undefined,
    },
  );

export const ratingApi = {
  open: (body: { systemId: number; year: number; threshold: number; rectifyDeadline?: string }) =>
    api.post('/api/rating-rounds', ratingRound, body),
  close: (id: number, version: number) =>
    api.post(`/api/rating-rounds/${id}/close`, ratingRound, { version }),
  rate: (id: number, departmentId: number, body: RatingScores & { comment?: string }) =>
    api.put(`/api/rating-rounds/${id}/ratings/${departmentId}`, ratingRound, body),
};
