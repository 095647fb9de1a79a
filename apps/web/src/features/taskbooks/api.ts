import {
  type changeRequestDecision,
  changeRequestList,
  type DecompositionPartInput,
  decompositionTree,
  periodWindow,
  periodWindowList,
  type periodWindowUpdate,
  planSummary,
  type reopenRequest,
  type TaskTargetInput,
  taskBookDetail,
  taskBookList,
  taskBookRevisionList,
  type taskBookTransition,
} from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

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
    queryFn: () => api.get('/api/plans', z.array(planSummary), {}),
    select: (plans) =>
      plans
        .filter((p) => p.status !== 'draft')
        .sort(
          (a, b) => b.year - a.year || (a.status === 'active' ? -1 : 1) - (b.status === 'active' ? -1 : 1),
        ),
  });
}

export function useTaskBooks(planId: number | undefined) {
  return useGet(tbKeys.list(planId ?? 0), `/api/plans/${planId}/task-books`, taskBookList, {
    enabled: planId !== undefined,
  });
}

export function useTaskBook(id: number | undefined) {
  return useGet(tbKeys.detail(id ?? 0), `/api/task-books/${id}`, taskBookDetail, {
    enabled: id !== undefined,
  });
}

export function useRevisions(id: number, enabled: boolean) {
  return useGet(tbKeys.revisions(id), `/api/task-books/${id}/revisions`, taskBookRevisionList, { enabled });
}

export function useChangeRequests(status: 'pending' | 'approved' | 'rejected' | 'all') {
  return useGet(tbKeys.changes(status), '/api/task-change-requests', changeRequestList, {
    query: { status },
  });
}

export function useDecomposition(id: number, indicator: string | undefined) {
  return useQuery({
    queryKey: tbKeys.decomposition(id, indicator ?? ''),
    queryFn: () =>
      api.get(`/api/task-books/${id}/decomposition/${encodeURIComponent(indicator!)}`, decompositionTree),
    enabled: indicator !== undefined,
  });
}

export function usePeriods(planId: number | undefined) {
  return useGet(tbKeys.periods(planId ?? 0), `/api/plans/${planId}/periods`, periodWindowList, {
    enabled: planId !== undefined,
  });
}

export const tbApi = {
  create: (planId: number, unitId: number) =>
    api.post(`/api/plans/${planId}/task-books`, taskBookDetail, { unitId }),
  saveTargets: (id: number, version: number, targets: TaskTargetInput[]) =>
    api.put(`/api/task-books/${id}/targets`, taskBookDetail, { version, targets }),
  transition: (id: number, body: z.input<typeof taskBookTransition>) =>
    api.post(`/api/task-books/${id}/transitions`, taskBookDetail, body),
  requestChange: (id: number, reason: string, targets: TaskTargetInput[]) =>
    api.post(`/api/task-books/${id}/change-requests`, taskBookDetail, { reason, targets }),
  decide: (id: number, body: z.input<typeof changeRequestDecision>) =>
    api.post(`/api/task-change-requests/${id}/decision`, taskBookDetail, body),
  saveDecomposition: (id: number, indicator: string, stamp: string, parts: DecompositionPartInput[]) =>
    api.put(`/api/task-books/${id}/decomposition/${encodeURIComponent(indicator)}`, decompositionTree, {
      stamp,
      parts,
    }),
  generate: (planId: number) => api.post(`/api/plans/${planId}/periods/generate`, periodWindowList, {}),
  updateWindow: (id: number, body: z.input<typeof periodWindowUpdate>) =>
    api.patch(`/api/period-windows/${id}`, periodWindow, body),
  reopen: (id: number, body: z.input<typeof reopenRequest>) =>
    api.post(`/api/period-windows/${id}/reopenings`, periodWindow, body),
};
