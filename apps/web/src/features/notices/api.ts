import type { Notice, OrgNode } from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.js';

export const noticeKeys = { all: ['notices'] as const };

export function useNotices(q: { kind?: string; status?: string; page: number }) {
  return useQuery({
    queryKey: [...noticeKeys.all, q],
    queryFn: () => api.get<{ items: Notice[]; total: number }>('/api/notices', { ...q, pageSize: 20 }),
  });
}

/** Evaluated units (nodes with a group), for choosing a notice's or an announcement's units. */
export function useUnits(enabled = true) {
  return useQuery({
    queryKey: ['org-nodes', 'units'],
    queryFn: async () => (await api.get<OrgNode[]>('/api/org-nodes')).filter((n) => n.groupId !== null),
    enabled,
    staleTime: 300_000,
  });
}
