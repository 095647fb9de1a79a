import {
  type planClone,
  type planCreate,
  planDetail,
  planDiffEntry,
  planRevision,
  type planSave,
  planSummary,
  planTemplate,
} from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

export const planKeys = {
  all: ['plans'] as const,
  list: (q: { systemId?: number; year?: number }) => ['plans', 'list', q] as const,
  detail: (id: number) => ['plans', 'detail', id] as const,
  revisions: (id: number) => ['plans', 'revisions', id] as const,
  diff: (id: number, q: { againstPlanId?: number; revision?: number }) => ['plans', 'diff', id, q] as const,
  templates: ['plan-templates'] as const,
};

export function usePlans(q: { systemId?: number; year?: number } = {}, enabled = true) {
  return useGet(planKeys.list(q), '/api/plans', z.array(planSummary), { query: q, enabled });
}

export function usePlan(id: number | undefined) {
  return useGet(planKeys.detail(id ?? 0), `/api/plans/${id}`, planDetail, { enabled: id !== undefined });
}

export function usePlanTemplates(enabled = true) {
  return useQuery({
    queryKey: planKeys.templates,
    queryFn: () => api.get('/api/plan-templates', z.array(planTemplate)),
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useRevisions(id: number, enabled = true) {
  return useGet(planKeys.revisions(id), `/api/plans/${id}/revisions`, z.array(planRevision), { enabled });
}

export function usePlanDiff(id: number, q: { againstPlanId?: number; revision?: number } | null) {
  return useGet(planKeys.diff(id, q ?? {}), `/api/plans/${id}/diff`, z.array(planDiffEntry), {
    query: q ?? {},
    enabled: q !== null,
  });
}

/** The plan writes; each answers the plan as stored (a stale version answers VERSION_CONFLICT). */
export const planApi = {
  create: (body: z.input<typeof planCreate>) => api.post('/api/plans', planDetail, body),
  /** Saves a draft's document (the engine's Plan, which the contract keeps as an open record). */
  save: (id: number, body: Omit<z.input<typeof planSave>, 'document'> & { document: object }) =>
    api.put(`/api/plans/${id}`, planDetail, body),
  /** 422 with the plan's issues when the draft is not valid. */
  activate: (id: number, version: number) => api.post(`/api/plans/${id}/activate`, planDetail, { version }),
  clone: (id: number, body: z.input<typeof planClone>) =>
    api.post(`/api/plans/${id}/clone`, planDetail, body),
  /** Replaces a draft's document with a YAML or JSON file. */
  importFile: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload(`/api/plans/${id}/import`, planDetail, form);
  },
};
