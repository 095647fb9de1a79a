import type {
  ChangeRequest,
  DecompositionPartInput,
  DecompositionTree,
  PeriodWindow,
  PlanSummary,
  TaskBookDetail,
  TaskBookSummary,
  TaskTargetInput,
} from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, request } from '../../shared/api.js';
import { asList } from '../../shared/list.js';

export interface TaskBookListBody {
  items: TaskBookSummary[];
  unitsWithout: { id: number; code: string; name: string }[];
}

export interface TaskBookRevision {
  revision: number;
  targets: TaskTargetInput[];
  reason: string | null;
  savedAt: string;
  savedBy: string | null;
}

export const tbKeys = {
  all: ['task-books'] as const,
  list: (planId: number) => ['task-books', 'list', planId] as const,
  detail: (id: number) => ['task-books', 'detail', id] as const,
  revisions: (id: number) => ['task-books', 'revisions', id] as const,
  changes: (status: string) => ['task-books', 'changes', status] as const,
  decomposition: (id: number, indicator: string) => ['task-books', 'decomposition', id, indicator] as const,
  periods: (planId: number) => ['periods', planId] as const,
};

/** Plans the user may read, newest year first, active before the rest. */
export function usePlanChoices() {
  return useQuery({
    queryKey: ['plans', 'list', {}],
    queryFn: async () => asList(await api.get<PlanSummary[] | { items: PlanSummary[] }>('/api/plans', {})),
    select: (plans: PlanSummary[]) =>
      plans
        .filter((p) => p.status !== 'draft')
        .sort(
          (a, b) => b.year - a.year || (a.status === 'active' ? -1 : 1) - (b.status === 'active' ? -1 : 1),
        ),
  });
}

export function useTaskBooks(planId: number | undefined) {
  return useQuery({
    queryKey: tbKeys.list(planId ?? 0),
    queryFn: () => api.get<TaskBookListBody>(`/api/plans/${planId}/task-books`),
    enabled: planId !== undefined,
  });
}

export function useTaskBook(id: number | undefined) {
  return useQuery({
    queryKey: tbKeys.detail(id ?? 0),
    queryFn: () => api.get<TaskBookDetail>(`/api/task-books/${id}`),
    enabled: id !== undefined,
  });
}

export function useRevisions(id: number, enabled: boolean) {
  return useQuery({
    queryKey: tbKeys.revisions(id),
    queryFn: () => api.get<TaskBookRevision[]>(`/api/task-books/${id}/revisions`),
    enabled,
  });
}

export function useChangeRequests(status: 'pending' | 'approved' | 'rejected' | 'all') {
  return useQuery({
    queryKey: tbKeys.changes(status),
    queryFn: () => api.get<ChangeRequest[]>('/api/task-change-requests', { status }),
  });
}

export function useDecomposition(id: number, indicator: string | undefined) {
  return useQuery({
    queryKey: tbKeys.decomposition(id, indicator ?? ''),
    queryFn: () =>
      api.get<DecompositionTree>(`/api/task-books/${id}/decomposition/${encodeURIComponent(indicator!)}`),
    enabled: indicator !== undefined,
  });
}

export function usePeriods(planId: number | undefined) {
  return useQuery({
    queryKey: tbKeys.periods(planId ?? 0),
    queryFn: () => api.get<PeriodWindow[]>(`/api/plans/${planId}/periods`),
    enabled: planId !== undefined,
  });
}

export const tbApi = {
  create: (planId: number, unitId: number) =>
    api.post<TaskBookDetail>(`/api/plans/${planId}/task-books`, { unitId }),
  saveTargets: (id: number, version: number, targets: TaskTargetInput[]) =>
    request<TaskBookDetail>(`/api/task-books/${id}/targets`, { method: 'PUT', body: { version, targets } }),
  transition: (
    id: number,
    body: { action: 'submit' | 'confirm' | 'return' | 'review' | 'issue'; version: number; reason?: string },
  ) => api.post<TaskBookDetail>(`/api/task-books/${id}/transitions`, body),
  requestChange: (id: number, reason: string, targets: TaskTargetInput[]) =>
    api.post<TaskBookDetail>(`/api/task-books/${id}/change-requests`, { reason, targets }),
  decide: (id: number, body: { approve: boolean; note?: string; version: number }) =>
    api.post<TaskBookDetail>(`/api/task-change-requests/${id}/decision`, body),
  saveDecomposition: (id: number, indicator: string, stamp: string, parts: DecompositionPartInput[]) =>
    request<DecompositionTree>(`/api/task-books/${id}/decomposition/${encodeURIComponent(indicator)}`, {
      method: 'PUT',
      body: { stamp, parts },
    }),
  generate: (planId: number) => api.post<PeriodWindow[]>(`/api/plans/${planId}/periods/generate`, {}),
  updateWindow: (id: number, body: { opensAt?: string; dueAt?: string; closed?: boolean; version: number }) =>
    api.patch<PeriodWindow>(`/api/period-windows/${id}`, body),
  reopen: (id: number, body: { unitId: number; reason: string; until: string }) =>
    api.post<PeriodWindow>(`/api/period-windows/${id}/reopenings`, body),
};
