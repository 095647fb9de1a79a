import type { RunSummary } from '@jixiao/contracts';
import { Button, Drawer, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangeNote, RunStatus, when } from './RunMarks.js';

export function RunsDrawer({
  open,
  onClose,
  period,
  runs,
  shown,
  onPick,
  onCompare,
}: {
  open: boolean;
  onClose: () => void;
  period: string;
  runs: RunSummary[];
  shown: number | undefined;
  onPick: (r: RunSummary) => void;
  /** Compare this run with the one shown. */
  onCompare: (r: RunSummary) => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      data-testid="runs-drawer"
      open={open}
      onClose={onClose}
      title={t('runs.listTitle', { period })}
      size={Math.min(480, typeof window === 'undefined' ? 480 : window.innerWidth)}
    >
      <List
        dataSource={runs}
        locale={{ emptyText: t('runs.noRuns') }}
        renderItem={(r) => (
          <List.Item
            data-testid="runs-item"
            data-run={r.id}
            actions={[
              ...(shown !== undefined && r.id !== shown
                ? [
                    <Button
                      key="compare"
                      size="small"
                      data-testid="runs-compare"
                      onClick={() => onCompare(r)}
                    >
                      {t('runs.compare')}
                    </Button>,
                  ]
                : []),
              <Button
                key="open"
                size="small"
                type={r.id === shown ? 'primary' : 'default'}
                disabled={r.id === shown}
                onClick={() => onPick(r)}
              >
                {t('runs.open')}
              </Button>,
            ]}
          >
            <Space orientation="vertical" size={2}>
              <Space size={4} wrap>
                <RunStatus run={r} />
                {r.latest && <Tag color="blue">{t('runs.latest')}</Tag>}
              </Space>
              <ChangeNote run={r} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('runs.units', { n: r.units })} · {t('runs.revision', { rev: r.planRevision })}
                {r.status === 'released'
                  ? ` · ${t('runs.computedBy', { by: r.computedBy ?? '—', at: when(r.computedAt) })}`
                  : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Drawer>
  );
}
