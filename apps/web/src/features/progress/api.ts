import { bulletin, progressMatrix } from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.js';

/** Progress of every unit on every indicator of a plan in a month. */
export const useProgress = (planId: number | undefined, month: string | undefined) =>
  useQuery({
    queryKey: ['progress', planId, month],
    queryFn: () => api.get(`/api/progress/${planId}`, progressMatrix, { period: month }),
    enabled: planId !== undefined && !!month,
  });

/** The quarterly bulletin of a plan; asks only for a well-formed quarter (2026-Q1). */
export const useBulletin = (planId: string | undefined, quarter: string) =>
  useQuery({
    queryKey: ['bulletin', planId, quarter],
    queryFn: () => api.get(`/api/bulletins/${planId}`, bulletin, { quarter }),
    enabled: /^\d{4}-Q[1-4]$/.test(quarter),
  });
