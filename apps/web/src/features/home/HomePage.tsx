import {
  AuditOutlined,
  BarChartOutlined,
  PartitionOutlined,
  ProfileOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Row, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { readsResults as canReadResults, hasPermission, useCurrentUser } from '../../shared/auth.js';
import { roleLabel, scopeLabel } from '../../shared/grants.js';
import { AnnouncementsCard } from '../announcements/AnnouncementsPage.js';
import { ResultsCard } from './ResultsCard.js';

const LINKS: { path: string; label: string; desc: string; icon: ReactNode; permission: string }[] = [
  {
    path: '/org',
    label: 'nav.org',
    desc: 'home.linkOrg',
    icon: <PartitionOutlined />,
    permission: 'org.read',
  },
  {
    path: '/plans',
    label: 'nav.plans',
    desc: 'home.linkPlans',
    icon: <ProfileOutlined />,
    permission: 'plans.read',
  },
  {
    path: '/results',
    label: 'nav.results',
    desc: 'home.linkResults',
    icon: <BarChartOutlined />,
    permission: 'results.read',
  },
  {
    path: '/users',
    label: 'nav.users',
    desc: 'home.linkUsers',
    icon: <TeamOutlined />,
    permission: 'users.read',
  },
  {
    path: '/audit',
    label: 'nav.audit',
    desc: 'home.linkAudit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
  },
];

export default function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const readsResults = canReadResults(me);
  const links = LINKS.filter((l) => hasPermission(me, l.permission));
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        {!readsResults && (
          <Typography.Paragraph type="secondary">{t('home.placeholder')}</Typography.Paragraph>
        )}
      </Col>
      {readsResults && (
        <Col span={24}>
          <ResultsCard />
        </Col>
      )}
      <Col span={24}>
        <AnnouncementsCard />
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('home.myAccount')} size="small">
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'u', label: t('users.username'), children: me.username },
              { key: 'd', label: t('users.displayName'), children: me.displayName },
            ]}
          />
          <Table
            data-testid="home-grants"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={me.grants}
            locale={{ emptyText: <Empty description={t('home.noGrants')} /> }}
            columns={[
              {
                title: t('users.role'),
                dataIndex: 'role',
                render: (r: string) => <Tag color="blue">{roleLabel(t, r)}</Tag>,
              },
              { title: t('users.scope'), key: 'scope', render: (_, g) => scopeLabel(t, g) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('home.quickLinks')} size="small">
          {links.length === 0 ? (
            <Empty description={t('home.noLinks')} />
          ) : (
            <Row gutter={[12, 12]}>
              {links.map((l) => (
                <Col xs={24} sm={12} key={l.path}>
                  <Link to={l.path}>
                    <Card hoverable size="small">
                      <Card.Meta
                        avatar={<span style={{ fontSize: 24 }}>{l.icon}</span>}
                        title={t(l.label)}
                        description={t(l.desc)}
                      />
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          )}
        </Card>
      </Col>
    </Row>
  );
}
