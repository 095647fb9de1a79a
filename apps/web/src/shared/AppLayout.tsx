import {
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  BulbOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DownOutlined,
  ExceptionOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FlagOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  HomeOutlined,
  IssuesCloseOutlined,
  KeyOutlined,
  LineChartOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  MessageOutlined,
  NotificationOutlined,
  PartitionOutlined,
  PhoneOutlined,
  PoweroffOutlined,
  ProfileOutlined,
  QuestionCircleOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SmileOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UsergroupAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { MenuProps } from 'antd';
import { Breadcrumb, Button, Dropdown, Grid, Layout, Menu, Space, Typography, theme } from 'antd';
import { type ComponentType, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { readsResults, signOut, useCurrentUser } from './auth.js';
import { LangSwitch } from './LangSwitch.js';
import { NotificationBell } from './NotificationBell.js';
import { FullPageSpin } from './RequireAuth.js';

export interface RouteHandle {
  /** i18n key of the breadcrumb label */
  crumb?: string;
}

interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  permission?: string;
}

/** The menu: path, label (an i18n key), icon, and the permission it needs (none: everyone's). */
const NAV_ROWS: [path: string, label: string, icon: ComponentType, permission?: string][] = [
  ['/', 'nav.home', HomeOutlined],
  ['/cockpit', 'cockpitNav.cockpit', FundProjectionScreenOutlined, 'cockpit.read'],
  // The unit head's own page: the unit roles are those who fill in their own task book.
  ['/my-score', 'cockpitNav.myScore', TrophyOutlined, 'taskbooks.edit'],
  ['/org', 'nav.org', PartitionOutlined, 'org.read'],
  ['/plans', 'nav.plans', ProfileOutlined, 'plans.read'],
  ['/results', 'nav.results', BarChartOutlined, 'results.read'],
  ['/consequences', 'consequencesNav.consequences', SolutionOutlined, 'results.read'],
  ['/submissions', 'submissionsNav.submissions', FormOutlined, 'submissions.write'],
  ['/verification', 'submissionsNav.verification', SafetyCertificateOutlined, 'submissions.verify'],
  ['/objections', 'objectionsNav.objections', IssuesCloseOutlined, 'results.read'],
  ['/rectifications', 'rectificationNav.rectifications', ToolOutlined, 'rectification.read'],
  ['/ratings', 'rectificationNav.ratings', StarOutlined, 'rating.read'],
  ['/innovation/calls', 'innovationNav.calls', BulbOutlined, 'innovation.read'],
  ['/innovation/experts', 'innovationNav.experts', UsergroupAddOutlined, 'innovation.experts'],
  ['/innovation/defence', 'innovationNav.defence', FieldTimeOutlined, 'innovation.manage'],
  ['/innovation/results', 'innovationNav.results', TrophyOutlined, 'innovation.experts'],
  ['/innovation/judging', 'innovationNav.judging', ReadOutlined, 'innovation.judge'],
  ['/inquiries', 'inquiriesNav.inquiries', QuestionCircleOutlined, 'inquiries.read'],
  ['/live', 'submissionsNav.live', DashboardOutlined, 'results.read'],
  ['/events', 'eventsNav.events', ExceptionOutlined, 'events.read'],
  ['/surveys', 'surveysNav.surveys', SmileOutlined, 'surveys.read'],
  ['/questionnaires', 'questionnairesNav.questionnaires', FileTextOutlined, 'surveys.manage'],
  ['/paper', 'paperNav.paper', ProfileOutlined, 'surveys.enter'],
  ['/comments', 'commentsNav.office', MessageOutlined, 'surveys.manage'],
  ['/my-comments', 'commentsNav.unit', MessageOutlined, 'comments.answer'],
  ['/hotline', 'hotlineNav.hotline', PhoneOutlined, 'data.import'],
  ['/imports', 'eventsNav.imports', CloudUploadOutlined, 'data.import'],
  ['/notices', 'cycleNav.notices', BellOutlined, 'notices.read'],
  ['/progress', 'cycleNav.progress', LineChartOutlined, 'progress.read'],
  ['/supervision', 'cycleNav.supervision', FlagOutlined, 'supervision.manage'],
  ['/announcements', 'cycleNav.announcements', NotificationOutlined],
  ['/task-books', 'tbNav.mine', FileDoneOutlined, 'taskbooks.edit'],
  ['/task-book-review', 'tbNav.review', FileProtectOutlined, 'taskbooks.review'],
  ['/calendar', 'tbNav.calendar', CalendarOutlined, 'plans.read'],
  ['/users', 'nav.users', TeamOutlined, 'users.read'],
  ['/audit', 'nav.audit', AuditOutlined, 'audit.read'],
];

const NAV: NavItem[] = NAV_ROWS.map(([path, label, Icon, permission]) => ({
  path,
  label,
  icon: <Icon />,
  permission,
}));

/** The nav entries a user may see. */
export function visibleNav(permissions: string[]): NavItem[] {
  return NAV.filter((n) => !n.permission || permissions.includes(n.permission));
}

function selectedKey(pathname: string): string {
  const hit = NAV.filter((n) => n.path !== '/' && pathname.startsWith(n.path)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
  return hit?.path ?? '/';
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const matches = useMatches();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const isMobile = !screens.lg;
  const [collapsed, setCollapsed] = useState<boolean | undefined>(undefined);
  const siderCollapsed = collapsed ?? isMobile;
  const { token } = theme.useToken();

  // Results and live scores are not in the menu of someone the server would refuse them to.
  const navPermissions = readsResults(me)
    ? me.permissions
    : me.permissions.filter((p) => p !== 'results.read');
  const menuItems: MenuProps['items'] = visibleNav(navPermissions).map((n) => ({
    key: n.path,
    icon: n.icon,
    label: <Link to={n.path}>{t(n.label)}</Link>,
  }));

  const crumbs = matches
    .filter((m) => (m.handle as RouteHandle | undefined)?.crumb)
    .map((m, i, all) => {
      const label = t((m.handle as RouteHandle).crumb!);
      return { key: m.id, title: i < all.length - 1 ? <Link to={m.pathname}>{label}</Link> : label };
    });

  async function leave(everywhere: boolean) {
    try {
      await signOut(everywhere);
    } finally {
      queryClient.clear();
      navigate('/login', { replace: true });
    }
  }

  const userMenu: MenuProps = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: t('layout.changePassword') },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: t('layout.signOut') },
      { key: 'logoutAll', icon: <PoweroffOutlined />, label: t('layout.signOutEverywhere'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'password') navigate('/change-password');
      else void leave(key === 'logoutAll');
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={isMobile ? 0 : 64}
        collapsible
        trigger={isMobile ? null : undefined}
        collapsed={siderCollapsed}
        onCollapse={(c) => setCollapsed(c)}
        theme="dark"
        width={208}
        style={isMobile ? { position: 'fixed', zIndex: 100, height: '100vh', left: 0, top: 0 } : undefined}
      >
        <div
          style={{
            height: 56,
            color: '#fff',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            fontWeight: 600,
            fontSize: siderCollapsed ? 14 : 16,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          {siderCollapsed ? t('app.shortTitle') : t('app.menuTitle')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedKey(location.pathname)]}
          items={menuItems}
          onClick={() => isMobile && setCollapsed(true)}
        />
      </Layout.Sider>
      {isMobile && !siderCollapsed && (
        <div
          aria-hidden
          onClick={() => setCollapsed(true)}
          style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,0.35)', zIndex: 99 }}
        />
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <div style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0 }}>
            {isMobile && (
              <Button
                type="text"
                icon={siderCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => setCollapsed(!siderCollapsed)}
                aria-label="menu"
                data-testid="nav-toggle"
              />
            )}
            <Typography.Title
              level={isMobile ? 5 : 4}
              style={{ margin: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
            >
              {t('app.title')}
            </Typography.Title>
          </div>
          <Space>
            <NotificationBell />
            <LangSwitch type="text" />
            <Dropdown menu={userMenu} trigger={['click']}>
              <Button data-testid="user-menu" type="text" icon={<UserOutlined />}>
                {!isMobile && me.displayName} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: isMobile ? 8 : 16 }}>
          {crumbs.length > 1 && <Breadcrumb items={crumbs} style={{ marginBottom: 12 }} />}
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', padding: '12px 16px', color: token.colorTextTertiary }}>
          {t('app.footer')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
