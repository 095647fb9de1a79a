import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../shared/format.js';
import {
  type NotificationFilter as Filter,
  markNotification,
  notificationKeys,
  notificationText,
  useNotifications,
} from '../../shared/notifications.js';
import { queryRows } from '../../shared/QueryState.js';

/** 待办事项: the user's to-dos (until done), unread and all notifications. */
export default function TodoPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<Filter>('todo');
  const [page, setPage] = useState(1);
  const list = useNotifications(filter, page);
  const mark = useMutation({
    mutationFn: ({ id, what }: { id: number; what: 'done' | 'read' }) => markNotification(id, what),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
  return (
    <Card title={t('todo.title')} data-testid="todo-page">
      <Segmented<Filter>
        data-testid="todo-filter"
        value={filter}
        onChange={(v) => {
          setFilter(v);
          setPage(1);
        }}
        options={(['todo', 'unread', 'all'] as const).map((f) => ({
          value: f,
          label: t(`todo.filters.${f}`),
        }))}
        style={{ marginBottom: 12 }}
      />
      <List
        {...queryRows(list, t('todo.empty'), 'todos')}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        renderItem={(n) => (
          <List.Item
            data-testid="todo-item"
            actions={[
              n.link && (
                <Button key="open" size="small" onClick={() => navigate(n.link!)}>
                  {t('todo.open')}
                </Button>
              ),
              n.todo && !n.doneAt && (
                <Button
                  key="done"
                  size="small"
                  type="primary"
                  data-testid="todo-done"
                  onClick={() => mark.mutate({ id: n.id, what: 'done' })}
                >
                  {t('todo.done')}
                </Button>
              ),
              !n.readAt && (
                <Button key="read" size="small" onClick={() => mark.mutate({ id: n.id, what: 'read' })}>
                  {t('todo.read')}
                </Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space>
                  {n.todo && !n.doneAt && <Tag color="red">{t('todo.filters.todo')}</Tag>}
                  <Typography.Text strong={!n.readAt}>{notificationText(t, n).title}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <div>{notificationText(t, n).body}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
