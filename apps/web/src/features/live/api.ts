import { halfYearFreeze, liveScores } from '@jixiao/contracts';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

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
