import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout, type RouteHandle } from './shared/AppLayout.js';
import { RequireAuth, RequirePermission } from './shared/RequireAuth.js';

const LoginPage = lazy(() => import('./features/auth/LoginPage.js'));
const ChangePasswordPage = lazy(() => import('./features/auth/ChangePasswordPage.js'));
const HomePage = lazy(() => import('./features/home/HomePage.js'));
const OrgPage = lazy(() => import('./features/org/OrgPage.js'));
const UsersPage = lazy(() => import('./features/users/UsersPage.js'));
const AuditPage = lazy(() => import('./features/audit/AuditPage.js'));
const NotFoundPage = lazy(() => import('./shared/NotFoundPage.js'));

const h = (crumb: string): RouteHandle => ({ crumb });

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      { path: '/change-password', element: <ChangePasswordPage /> },
      {
        path: '/',
        element: <AppLayout />,
        handle: h('nav.home'),
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'org',
            handle: h('nav.org'),
            element: (
              <RequirePermission permission="org.read">
                <OrgPage />
              </RequirePermission>
            ),
          },
          {
            path: 'users',
            handle: h('nav.users'),
            element: (
              <RequirePermission permission="users.read">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            handle: h('nav.audit'),
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
