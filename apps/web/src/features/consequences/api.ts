/**
 * Typed queries of 结果运用 (issue 11 points 5 and 7): the consequence lines of a year-end run, its
 * .xlsx export, and a unit's archive across released years. Types come from @jixiao/contracts.
 */
import { runConsequences, unitArchive } from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.js';

export const consequenceKeys = {
  run: (planId: number, runId: number) => ['consequences', planId, runId] as const,
  archive: (code: string, system?: number) => ['archive', code, system ?? 'own'] as const,
};

export function useConsequences(planId: number | undefined, runId: number | undefined) {
  return useQuery({
    queryKey: consequenceKeys.run(planId ?? 0, runId ?? 0),
    queryFn: () => api.get(`/api/plans/${planId}/runs/${runId}/consequences`, runConsequences),
    enabled: planId !== undefined && runId !== undefined,
  });
}

export const consequencesExportUrl = (planId: number, runId: number) =>
  `/api/plans/${planId}/runs/${runId}/consequences.xlsx`;

export function useUnitArchive(code: string | undefined, system?: number) {
  return useQuery({
    queryKey: consequenceKeys.archive(code ?? '', system),
    queryFn: () => api.get(`/api/archive/units/${encodeURIComponent(code!)}`, unitArchive, { system }),
    enabled: !!code,
  });
}
