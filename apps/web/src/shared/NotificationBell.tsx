import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  markNotification,
  notificationKeys,
  notificationText,
  useLatestNotifications,
  useNotificationCounts,
} from './notifications.js';

/** Header bell: unread badge (polled every 60 s and on focus), latest notifications, link to the to-do page. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const counts = useNotificationCounts();
  const latest = useLatestNotifications();
  const refresh = () => qc.invalidateQueries({ queryKey: notificationKeys.all });
  const read = useMutation({
    mutationFn: (id: number | null) => markNotification(id),
    onSuccess: refresh,
  });
  const open = (n: Notification) => {
    if (!n.readAt) read.mutate(n.id);
    if (n.link) navigate(n.link);
  };
  const panel = (
    <div
      data-testid="bell-panel"
      style={{
        width: 340,
        background: '#fff',
        boxShadow: '0 6px 16px rgba(0,0,0,.12)',
        borderRadius: 8,
        padding: 8,
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', padding: '4px 8px' }}>
        <Typography.Text strong>{t('bell.title')}</Typography.Text>
        <Button size="small" type="link" onClick={() => read.mutate(null)} data-testid="bell-read-all">
          {t('bell.readAll')}
        </Button>
      </div>
      {(latest.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} />
      ) : (
        <List
          size="small"
          dataSource={latest.data?.items ?? []}
          renderItem={(n) => (
            <List.Item
              data-testid="bell-item"
              style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }}
              onClick={() => open(n)}
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!n.readAt} ellipsis>
                    {notificationText(t, n).title}
                  </Typography.Text>
                }
                description={
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {notificationText(t, n).body}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Button block type="link" onClick={() => navigate('/todos')} data-testid="bell-view-all">
        {t('bell.viewAll')}
      </Button>
    </div>
  );
  return (
    <Dropdown trigger={['click']} popupRender={() => panel} onOpenChange={(o) => o && void latest.refetch()}>
      <Button type="text" aria-label={t('bell.title')} data-testid="bell">
        <Badge count={counts.data?.unread ?? 0} size="small" data-testid="bell-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
