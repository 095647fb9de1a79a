import type { EvaluationRun, PlanDetail, PlanDiffEntry, PlanSummary } from '@jixiao/contracts';
import type { UnitTrace } from '@jixiao/engine';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.js';
import { asList } from '../../shared/list.js';

type ListBody<T> = T[] | { items: T[] };

export interface PlanTemplateInfo {
  id: string;
  name: string;
  description: string;
  year: number | null;
}

export interface PlanRevisionInfo {
  revision: number;
  savedAt: string;
  savedBy: string | null;
  note: string | null;
}

export interface AhpResponse {
  weights: number[];
  lambdaMax: number;
  ci: number;
  cr: number;
  ri: number;
  riTable: string;
  consistent: boolean;
  message: string;
}

export const planKeys = {
  all: ['plans'] as const,
  list: (q: { systemId?: number; year?: number }) => ['plans', 'list', q] as const,
  detail: (id: number) => ['plans', 'detail', id] as const,
  revisions: (id: number) => ['plans', 'revisions', id] as const,
  diff: (id: number, q: { againstPlanId?: number; revision?: number }) => ['plans', 'diff', id, q] as const,
  templates: ['plan-templates'] as const,
  results: (id: number, period: string) => ['results', id, period] as const,
  trace: (id: number, unit: string, period: string) => ['results', id, period, 'trace', unit] as const,
};

export function usePlans(q: { systemId?: number; year?: number } = {}, enabled = true) {
  return useQuery({
    queryKey: planKeys.list(q),
    queryFn: async () => asList(await api.get<ListBody<PlanSummary>>('/api/plans', q)),
    enabled,
  });
}

export function usePlan(id: number | undefined) {
  return useQuery({
    queryKey: planKeys.detail(id ?? 0),
    queryFn: () => api.get<PlanDetail>(`/api/plans/${id}`),
    enabled: id !== undefined,
  });
}

export function usePlanTemplates(enabled = true) {
  return useQuery({
    queryKey: planKeys.templates,
    queryFn: async () => asList(await api.get<ListBody<PlanTemplateInfo>>('/api/plan-templates')),
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useRevisions(id: number, enabled = true) {
  return useQuery({
    queryKey: planKeys.revisions(id),
    queryFn: async () => asList(await api.get<ListBody<PlanRevisionInfo>>(`/api/plans/${id}/revisions`)),
    enabled,
  });
}

export function usePlanDiff(id: number, q: { againstPlanId?: number; revision?: number } | null) {
  return useQuery({
    queryKey: planKeys.diff(id, q ?? {}),
    queryFn: async () => diffEntries(await api.get<unknown>(`/api/plans/${id}/diff`, q ?? {})),
    enabled: q !== null,
  });
}

/** The results of a plan and period; null when nothing was computed yet (404). */
export function useResults(id: number | undefined, period: string | undefined) {
  return useQuery({
    queryKey: planKeys.results(id ?? 0, period ?? ''),
    queryFn: async () => {
      try {
        return await api.get<EvaluationRun>(`/api/plans/${id}/results`, { period });
      } catch (e) {
        if ((e as { status?: number }).status === 404) return null;
        throw e;
      }
    },
    enabled: id !== undefined && !!period,
  });
}

export function useTrace(id: number | undefined, unit: string | null, period: string | undefined) {
  return useQuery({
    queryKey: planKeys.trace(id ?? 0, unit ?? '', period ?? ''),
    queryFn: () =>
      api.get<UnitTrace>(`/api/plans/${id}/results/${encodeURIComponent(unit!)}/trace`, { period }),
    enabled: id !== undefined && !!unit && !!period,
  });
}

/** The diff endpoint may answer a bare array or `{ entries }`. */
export function diffEntries(body: unknown): PlanDiffEntry[] {
  if (Array.isArray(body)) return body as PlanDiffEntry[];
  if (body && typeof body === 'object') {
    const b = body as { entries?: unknown; items?: unknown };
    if (Array.isArray(b.entries)) return b.entries as PlanDiffEntry[];
    if (Array.isArray(b.items)) return b.items as PlanDiffEntry[];
  }
  return [];
}
