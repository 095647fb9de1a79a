import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { issueText, type RowIssue } from './tree.js';

/** Every issue at once, each naming its indicator (or the whole plan). */
export function IssueList({
  issues,
  onPick,
  testId = 'plan-issues',
  compact = false,
}: {
  compact?: boolean;
  issues: readonly RowIssue[];
  onPick?: (issue: RowIssue) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<RowIssue & { key: number }>
      data-testid={testId}
      size="small"
      dataSource={issues.map((i, key) => ({ ...i, key }))}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      onRow={onPick ? (r) => ({ onClick: () => onPick(r), style: { cursor: 'pointer' } }) : undefined}
      columns={[
        {
          title: t('plans.indicatorCode'),
          dataIndex: 'ref',
          width: 120,
          render: (ref: string | null, r) => (
            <Tag color={r.severity === 'warning' ? 'gold' : 'red'}>{ref ?? t('planEditor.general')}</Tag>
          ),
        },
        { title: t('plans.problem'), key: 'problem', render: (_, r) => issueText(r, t) },
        ...(compact
          ? []
          : [
              {
                title: t('plans.location'),
                dataIndex: 'path',
                render: (p: string) => (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p}
                  </Typography.Text>
                ),
              },
            ]),
      ]}
    />
  );
}
