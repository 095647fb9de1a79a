import type { Me } from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from './api.js';

export const ME_KEY = ['me'] as const;

export function fetchMe() {
  return api.get<Me>('/api/auth/me', undefined, { skipAuthRedirect: true });
}

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: fetchMe,
    retry: false,
    staleTime: 60_000,
    meta: { silent: true },
  });
}

export function hasPermission(me: Pick<Me, 'permissions'> | undefined, permission: string): boolean {
  return !!me?.permissions.includes(permission);
}

/** The signed-in user; only call below <RequireAuth>, which guarantees it is loaded. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data;
}

export function useCan(permission: string): boolean {
  return hasPermission(useMe().data, permission);
}
