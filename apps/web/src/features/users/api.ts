import { type GrantInput, okBody, user, type userCreate, userList } from '@jixiao/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api.js';

export const userKeys = {
  all: ['users'] as const,
  list: (q: { q?: string; page: number; pageSize: number }) => ['users', q] as const,
};

/** One page of users matching `q`; the last page stays while the next loads. */
export function useUsers(q: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: userKeys.list(q),
    queryFn: () => api.get('/api/users', userList, q),
    placeholderData: keepPreviousData,
  });
}

/** The user writes; the grant calls answer the user with the grants as they now are. */
export const userApi = {
  create: (body: z.input<typeof userCreate>) => api.post('/api/users', user, body),
  update: (id: number, patch: Record<string, unknown> & { version: number }) =>
    api.patch(`/api/users/${id}`, user, patch),
  resetPassword: (id: number, password: string) =>
    api.post(`/api/users/${id}/reset-password`, okBody, { password }),
  unlock: (id: number) => api.post(`/api/users/${id}/unlock`, okBody),
  addGrant: (id: number, grant: GrantInput) => api.post(`/api/users/${id}/grants`, user, grant),
  removeGrant: (id: number, grantId: number) => api.del(`/api/users/${id}/grants/${grantId}`, user),
};
