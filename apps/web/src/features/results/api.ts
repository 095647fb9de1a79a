/**
 * Typed queries of the results page (issue 8 points 1, 5, 9, 14): runs of a plan and period,
 * a run's results, its stored input (what-if), a unit's trace with its sources, and the calls
 * that compute a run and take its steps (publish, submit, approve, return, correct), compare two
 * runs and read a publicity. Types come from @jixiao/contracts.
 */
import {
  evaluationRun,
  publicityView,
  type publishRun,
  runComparison,
  runInput,
  runSummary,
  unitTrace,
  type ValueSource,
} from '@jixiao/contracts';
import type { EvaluationInput, UnitTrace } from '@jixiao/engine';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api, isApiError, withQuery } from '../../shared/api.js';

/** GET …/results/:unit/trace: the engine's trace plus where each input came from. */
export type TracedUnit = UnitTrace & { sources?: ValueSource[] };

export const resultKeys = {
  /** Everything of a plan and period (prefix of all keys below). */
  period: (planId: number, period: string) => ['results', planId, period] as const,
  runs: (planId: number, period: string) => ['results', planId, period, 'runs'] as const,
  run: (planId: number, period: string, run: number | undefined) =>
    ['results', planId, period, 'run', run ?? 'latest'] as const,
  trace: (planId: number, period: string, run: number | undefined, unit: string) =>
    ['results', planId, period, 'trace', run ?? 'latest', unit] as const,
  input: (planId: number, runId: number) => ['results', planId, 'input', runId] as const,
};

/** The runs of a plan and period, newest first (the office sees drafts too). */
export function useRuns(planId: number | undefined, period: string | undefined) {
  return useQuery({
    queryKey: resultKeys.runs(planId ?? 0, period ?? ''),
    queryFn: async () =>
      [...(await api.get(`/api/plans/${planId}/runs`, z.array(runSummary), { period }))].sort(
        (a, b) => b.computedAt.localeCompare(a.computedAt) || b.id - a.id,
      ),
    enabled: planId !== undefined && !!period,
  });
}

/**
 * A run's results: the one named, else the latest the caller may see (office: draft or
 * released; others: released). null when there is none (404).
 */
export function useRun(planId: number | undefined, period: string | undefined, run?: number) {
  return useQuery({
    queryKey: resultKeys.run(planId ?? 0, period ?? '', run),
    queryFn: async () => {
      try {
        return await api.get(`/api/plans/${planId}/results`, evaluationRun, { period, run });
      } catch (e) {
        if (isApiError(e) && e.status === 404) return null;
        throw e;
      }
    },
    enabled: planId !== undefined && !!period,
  });
}

export function useUnitTrace(planId: number, period: string, run: number | undefined, unit: string) {
  return useQuery({
    queryKey: resultKeys.trace(planId, period, run, unit),
    // The contract leaves the trace open (a record); its shape is the engine's UnitTrace.
    queryFn: async () =>
      (await api.get(`/api/plans/${planId}/results/${encodeURIComponent(unit)}/trace`, unitTrace, {
        period,
        run,
      })) as unknown as TracedUnit,
  });
}

/** The engine input a run was computed from (office): what-if starts from it and never writes back. */
export function useRunInput(planId: number, runId: number) {
  return useQuery({
    queryKey: resultKeys.input(planId, runId),
    queryFn: async () => {
      const body = await api.get(`/api/plans/${planId}/runs/${runId}/input`, runInput);
      return { ...body, input: body.input as unknown as EvaluationInput };
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** POST /api/plans/:id/evaluate: a new draft. 409 PERIOD_OPEN unless `whileOpen` is said. */
export const evaluate = (planId: number, period: string, whileOpen?: boolean) =>
  api.post(
    `/api/plans/${planId}/evaluate`,
    evaluationRun,
    whileOpen ? { period, whileOpen: true } : { period },
  );

/** The body of a publication: Beijing days, objection deadlines, the public page. */
export type PublishBody = z.input<typeof publishRun>;

/**
 * The steps of a run (issue 11): publish for publicity, submit to the leaders, approve (the
 * release) or return, correct a release. 409 when the run moved meanwhile.
 */
export const runStepsApi = {
  publish: (planId: number, runId: number, body: PublishBody) =>
    api.post(`/api/plans/${planId}/runs/${runId}/publish`, evaluationRun, body),
  submit: (planId: number, runId: number) =>
    api.post(`/api/plans/${planId}/runs/${runId}/submit`, evaluationRun),
  approve: (planId: number, runId: number) =>
    api.post(`/api/plans/${planId}/runs/${runId}/approve`, evaluationRun),
  return: (planId: number, runId: number, note: string) =>
    api.post(`/api/plans/${planId}/runs/${runId}/return`, evaluationRun, { note }),
  correct: (planId: number, runId: number, reason: string) =>
    api.post(`/api/plans/${planId}/runs/${runId}/correct`, evaluationRun, { reason }),
};

/** Two runs side by side (who moved, by how much, why). */
export function useComparison(planId: number, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: ['results', planId, 'compare', from, to],
    queryFn: () => api.get(`/api/plans/${planId}/runs/compare`, runComparison, { from, to }),
    enabled: from !== undefined && to !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A run's publicity: its days, every unit's bonuses (W9), the caller's deductions, objection counts. */
export function usePublicity(planId: number, run: { id: number; publicity: unknown } | null | undefined) {
  return useQuery({
    queryKey: ['results', planId, 'publicity', run?.id],
    queryFn: () => api.get(`/api/plans/${planId}/runs/${run!.id}/publicity`, publicityView),
    enabled: !!run?.publicity,
  });
}

/** The .xlsx of a run: one sheet per group and the full results (指标得分), Chinese headers. */
export const exportUrl = (planId: number, period: string, run?: number) =>
  withQuery(`/api/plans/${planId}/results/export`, { period, run });

/** A unit's scorecard PDF of a run (效能成绩单). */
export const scorecardUrl = (planId: number, runId: number, unit: string) =>
  `/api/plans/${planId}/runs/${runId}/units/${encodeURIComponent(unit)}/scorecard.pdf`;
