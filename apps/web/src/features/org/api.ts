import {
  category,
  evaluationSystem,
  group,
  importResult,
  orgNode,
  type orgNodeCreate,
  staff,
  type staffCreate,
} from '@jixiao/contracts';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

export const orgKeys = {
  nodes: ['org-nodes'] as const,
  systems: ['systems'] as const,
  categories: ['categories'] as const,
  groups: ['groups'] as const,
  staff: (orgNodeId: number) => ['staff', orgNodeId] as const,
};

export function useOrgNodes(enabled = true) {
  return useGet(orgKeys.nodes, '/api/org-nodes', z.array(orgNode), { enabled });
}

export function useSystems(enabled = true) {
  return useGet(orgKeys.systems, '/api/systems', z.array(evaluationSystem), { enabled });
}

export function useCategories(enabled = true) {
  return useGet(orgKeys.categories, '/api/categories', z.array(category), { enabled });
}

export function useGroups(enabled = true) {
  return useGet(orgKeys.groups, '/api/groups', z.array(group), { enabled });
}

export function useStaff(orgNodeId: number | undefined) {
  return useGet(orgKeys.staff(orgNodeId ?? 0), '/api/staff', z.array(staff), {
    query: { orgNodeId },
    enabled: orgNodeId !== undefined,
  });
}

/** Where each level of the evaluation hierarchy (system → category → group) is written. */
const HIERARCHY = { system: '/api/systems', category: '/api/categories', group: '/api/groups' } as const;
export type HierarchyLevel = keyof typeof HIERARCHY;

/**
 * The org writes. Updates send only the fields that changed, with the version they were read at
 * (a stale one answers VERSION_CONFLICT).
 */
export const orgApi = {
  createNode: (body: z.input<typeof orgNodeCreate>) => api.post('/api/org-nodes', orgNode, body),
  updateNode: (id: number, patch: Record<string, unknown> & { version: number }) =>
    api.patch(`/api/org-nodes/${id}`, orgNode, patch),
  deleteNode: (id: number) => api.del(`/api/org-nodes/${id}`),
  /** The org tree from a workbook; IMPORT_REJECTED lists the rows that failed. */
  importNodes: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload('/api/org-nodes/import', importResult, form);
  },
  createStaff: (body: z.input<typeof staffCreate>) => api.post('/api/staff', staff, body),
  updateStaff: (id: number, patch: Record<string, unknown> & { version: number }) =>
    api.patch(`/api/staff/${id}`, staff, patch),
  deleteStaff: (id: number) => api.del(`/api/staff/${id}`),
  createLevel: (level: HierarchyLevel, body: object) => api.post(HIERARCHY[level], undefined, body),
  updateLevel: (level: HierarchyLevel, id: number, patch: Record<string, unknown> & { version: number }) =>
    api.patch(`${HIERARCHY[level]}/${id}`, undefined, patch),
};
