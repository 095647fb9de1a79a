import type { Category, EvaluationSystem, Group, OrgNode, Staff } from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.js';
import { asList } from '../../shared/list.js';

export const orgKeys = {
  nodes: ['org-nodes'] as const,
  systems: ['systems'] as const,
  categories: ['categories'] as const,
  groups: ['groups'] as const,
  staff: (orgNodeId: number) => ['staff', orgNodeId] as const,
};

type ListBody<T> = T[] | { items: T[] };

export function useOrgNodes(enabled = true) {
  return useQuery({
    queryKey: orgKeys.nodes,
    queryFn: async () => asList(await api.get<ListBody<OrgNode>>('/api/org-nodes')),
    enabled,
  });
}

export function useSystems(enabled = true) {
  return useQuery({
    queryKey: orgKeys.systems,
    queryFn: async () => asList(await api.get<ListBody<EvaluationSystem>>('/api/systems')),
    enabled,
  });
}

export function useCategories(enabled = true) {
  return useQuery({
    queryKey: orgKeys.categories,
    queryFn: async () => asList(await api.get<ListBody<Category>>('/api/categories')),
    enabled,
  });
}

export function useGroups(enabled = true) {
  return useQuery({
    queryKey: orgKeys.groups,
    queryFn: async () => asList(await api.get<ListBody<Group>>('/api/groups')),
    enabled,
  });
}

export function useStaff(orgNodeId: number | undefined) {
  return useQuery({
    queryKey: orgKeys.staff(orgNodeId ?? 0),
    queryFn: async () => asList(await api.get<ListBody<Staff>>('/api/staff', { orgNodeId })),
    enabled: orgNodeId !== undefined,
  });
}
