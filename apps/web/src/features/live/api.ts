import { halfYearFreeze, liveScores } from '@jixiao/contracts';
import { useMemo } from 'react';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';
import { usePeriods } from '../submissions/api.js';
import { grain, startedPeriods } from '../submissions/model.js';

export const liveKeys = {
  all: ['live'] as const,
  scores: (planId: number, period: string) => ['live', planId, period] as const,
};

/** Live scores of a plan and period, computed from what is submitted and verified so far. */
export function useLiveScores(planId: number | undefined, period: string | undefined, enabled: boolean) {
  return useGet(liveKeys.scores(planId ?? 0, period ?? ''), `/api/live/${planId}`, liveScores, {
    query: { period },
    enabled: planId !== undefined && !!period && enabled,
  });
}

/** Freezes the half-year result (office); 409 when it is frozen already. */
export const freezeHalfYear = (planId: number) => api.post(`/api/live/${planId}/half-year`, halfYearFreeze);

/**
 * The period a live view opens on when the address names none: the latest month past its due date
 * (its reports are in), else the latest started month, else the plan's year end. `periods` is the
 * plan's calendar query (the page waits for it).
 */
export function useLivePeriod(
  planId: number | undefined,
  plan: { year: number } | undefined,
  chosen?: string,
) {
  const periods = usePeriods(planId);
  const fallback = useMemo(() => {
    const months = startedPeriods(periods.data ?? []).filter((w) => grain(w.period) === 0);
    return (months.find((w) => w.state !== 'open') ?? months[0])?.period;
  }, [periods.data]);
  return { period: chosen ?? fallback ?? (plan ? `${plan.year}-Y` : undefined), periods };
}
