import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isApiError } from './api.js';
import { hasPermission, useMe } from './auth.js';
import { QueryState } from './QueryState.js';

export function FullPageSpin() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}

/** Loads the signed-in user; sends visitors to /login and users with a temporary password to /change-password. */
export function RequireAuth() {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    const err = me.error;
    if (isApiError(err) && err.status === 401) {
      const next = encodeURIComponent(location.pathname + location.search);
      // A first visit (no session) gets a clean sign-in page; an expired session says so.
      const reason = err.code === 'SESSION_EXPIRED' ? 'reason=SESSION_EXPIRED&' : '';
      return <Navigate to={`/login?${reason}next=${next}`} replace />;
    }
  }
  // Any other failure of the probe: the error with 重试 (a failed refetch keeps the user it had).
  if (!me.data) return <QueryState query={me} testId="me" />;
  if (me.data.mustChangePassword && location.pathname !== '/change-password')
    return <Navigate to="/change-password" replace />;
  return <Outlet />;
}

/** The page, or 403 when the user has none of `permission` (one, or a list of which any will do). */
export function RequirePermission({
  permission,
  children,
}: {
  permission: string | readonly string[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const any = typeof permission === 'string' ? [permission] : permission;
  if (!any.some((p) => hasPermission(me.data, p)))
    return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return <>{children}</>;
}
