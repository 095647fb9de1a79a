import { bulletin, progressMatrix } from '@jixiao/contracts';
import { useGet } from '../../shared/useGet.js';

/** Progress of every unit on every indicator of a plan in a month. */
export const useProgress = (planId: number | undefined, month: string | undefined) =>
  useGet(['progress', planId, month], `/api/progress/${planId}`, progressMatrix, {
    query: { period: month },
    enabled: planId !== undefined && !!month,
  });

/** The quarterly bulletin of a plan; asks only for a well-formed quarter (2026-Q1). */
export const useBulletin = (planId: string | undefined, quarter: string) =>
  useGet(['bulletin', planId, quarter], `/api/bulletins/${planId}`, bulletin, {
    query: { quarter },
    enabled: /^\d{4}-Q[1-4]$/.test(quarter),
  });
