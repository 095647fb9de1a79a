import type { ChangeRequest, TaskTarget } from '@jixiao/contracts';
import { Drawer, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.js';
import { QueryState } from '../../shared/QueryState.js';
import { useRevisions } from './api.js';
import { changeLine } from './status.js';
import { fmt } from './targets.js';

export function ChangeRequestList({ items, targets }: { items: ChangeRequest[]; targets: TaskTarget[] }) {
  const { t } = useTranslation();
  const name = new Map(targets.map((x) => [x.indicator, x]));
  return (
    <List
      data-testid="tb-change-requests"
      size="small"
      header={<Typography.Text strong>{t('taskbooks.changeRequests')}</Typography.Text>}
      dataSource={items}
      renderItem={(c) => (
        <List.Item>
          <Space orientation="vertical" size={2}>
            <Space wrap>
              <Tag color={c.status === 'pending' ? 'orange' : c.status === 'approved' ? 'green' : 'red'}>
                {t(`taskbooks.changeStatus.${c.status}`)}
              </Tag>
              <span>{c.reason}</span>
              <Typography.Text type="secondary">
                {formatDateTime(c.requestedAt)} {c.requestedBy ?? ''}
              </Typography.Text>
            </Space>
            <Typography.Text type="secondary">
              {c.proposed.map((p) => changeLine(p, name.get(p.indicator), c.status)).join('；')}
            </Typography.Text>
            {c.decisionNote && <Typography.Text>{c.decisionNote}</Typography.Text>}
          </Space>
        </List.Item>
      )}
    />
  );
}

export function RevisionsDrawer({
  bookId,
  open,
  onClose,
}: {
  bookId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const revisions = useRevisions(bookId, open);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('taskbooks.revisions')}
      size="large"
      data-testid="tb-revisions-drawer"
    >
      {!revisions.data ? (
        <QueryState query={revisions} inline testId="tb-revisions" />
      ) : revisions.data.length === 0 ? (
        <Empty description={t('taskbooks.noRevisions')} />
      ) : (
        <List
          dataSource={[...(revisions.data ?? [])].sort((a, b) => b.revision - a.revision)}
          renderItem={(r) => (
            <List.Item data-testid="tb-revision" style={{ display: 'block' }}>
              <Space wrap style={{ marginBottom: 6 }}>
                <Typography.Text strong>{t('taskbooks.revisionN', { n: r.revision })}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('taskbooks.savedBy', { at: formatDateTime(r.savedAt), by: r.savedBy ?? '—' })}
                </Typography.Text>
                {r.reason && <Tag>{r.reason}</Tag>}
              </Space>
              <Table
                size="small"
                rowKey="indicator"
                dataSource={r.targets}
                pagination={false}
                columns={[
                  { title: t('taskbooks.col.code'), dataIndex: 'indicator' },
                  { title: t('taskbooks.col.target'), dataIndex: 'target', render: fmt },
                  { title: t('taskbooks.col.baseline'), dataIndex: 'baseline', render: fmt },
                  { title: t('taskbooks.col.measureUnit'), dataIndex: 'measureUnit' },
                ]}
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
