import {
  type changePasswordBody,
  type loginBody,
  loginResponse,
  type Me,
  sessionResponse,
} from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api } from './api.js';

export const ME_KEY = ['me'] as const;

/**
 * The signed-in user. The probe answers 200 also when signed out (no failed request in the
 * console on every visit); "not signed in" becomes the same 401 error the API gives, locally.
 */
export async function fetchMe(): Promise<Me> {
  const { user, expired } = await api.get('/api/auth/session', sessionResponse, undefined, {
    skipAuthRedirect: true,
  });
  if (user) return user;
  throw expired
    ? new ApiError(401, 'SESSION_EXPIRED', 'Your session has expired; please sign in again')
    : new ApiError(401, 'UNAUTHENTICATED', 'Please sign in');
}

/** Signs in (a wrong password is the caller's to show: no redirect to the sign-in page). */
export const signIn = (body: z.input<typeof loginBody>) =>
  api.post('/api/auth/login', loginResponse, body, { skipAuthRedirect: true });

/** Ends this session, or every session of the user. */
export const signOut = (everywhere: boolean) =>
  api.post(everywhere ? '/api/auth/logout-all' : '/api/auth/logout', undefined, undefined, {
    skipAuthRedirect: true,
  });

export const changePassword = (body: z.input<typeof changePasswordBody>) =>
  api.post('/api/auth/change-password', undefined, body);

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

/** An expert assigned indicators reads their values, not any unit's results (the server says 403). */
export function readsResults(me: Pick<Me, 'permissions' | 'grants'>): boolean {
  return (
    hasPermission(me, 'results.read') &&
    me.grants.some((g) => !(g.role === 'expert' && g.scopeType === 'indicators'))
  );
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
