import type { Me, SessionResponse } from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from './api.js';

export const ME_KEY = ['me'] as const;

/**
 * The signed-in user. The probe answers 200 also when signed out (no failed request in the
 * console on every visit); "not signed in" becomes the same 401 error the API gives, locally.
 */
export async function fetchMe(): Promise<Me> {
  const { user, expired } = await api.get<SessionResponse>('/api/auth/session', undefined, {
    skipAuthRedirect: true,
  });
  if (user) return user;
  throw expired
    ? new ApiError(401, 'SESSION_EXPIRED', 'Your session has expired; please sign in again')
    : new ApiError(401, 'UNAUTHENTICATED', 'Please sign in');
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
