import { PaperClipOutlined } from '@ant-design/icons';
import type { CycleEvent } from '@jixiao/contracts';
import { Button, Space, Tag, Tooltip, Typography, theme } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeName } from '../../shared/CodeName.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { ExportButton } from '../../shared/export/ExportButton.js';
import type { ExportColumns } from '../../shared/export/tableSheet.js';
import { formatDateTime } from '../../shared/format.js';
import { queryRows } from '../../shared/QueryState.js';
import { unitColumn } from '../../shared/unitColumn.js';
import type { useEvents } from './api.js';
import type { Dialog } from './EventDialogs.js';
import { eventActions, type eventRights, KIND_COLOR, STATUS_COLOR, VETO_CODES } from './model.js';

/** The events of the filter: who, what, points, reason, status, evidence and the caller's actions on each. */
export function EventTable({
  events,
  rights,
  sourceName,
  indicatorName,
  linkedId,
  onDialog,
}: {
  events: ReturnType<typeof useEvents>;
  rights: ReturnType<typeof eventRights>;
  /** Bonus source names by code (the plan's). */
  sourceName: Map<string, string>;
  indicatorName: Map<string, string>;
  /** The event a link pointed at (`?event=ID`), highlighted. */
  linkedId: number | undefined;
  onDialog: (d: Dialog) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const itemText = (e: CycleEvent) => {
    if (e.kind === 'bonus') return e.code ? (sourceName.get(e.code) ?? e.code) : '—';
    if (e.kind === 'veto')
      return e.code
        ? (VETO_CODES as readonly string[]).includes(e.code)
          ? t(`events.veto.${e.code}`)
          : e.code
        : '—';
    // Deductions of the year-end expert review (S11): the expert's, or an unanswered inquiry's.
    if (e.code === 'inquiry_deduction' || e.code === 'inquiry_unanswered')
      return t(`events.inquiry.${e.code}`);
    return '—';
  };

  const columns: ExportColumns<CycleEvent> = [
    unitColumn(t('events.col.unit'), 170),
    {
      title: t('events.col.kind'),
      key: 'kind',
      width: 96,
      render: (_, e) => <Tag color={KIND_COLOR[e.kind]}>{t(`events.kind.${e.kind}`)}</Tag>,
      exportValue: (e) => t(`events.kind.${e.kind}`),
    },
    { title: t('events.col.item'), key: 'item', width: 160, render: (_, e) => itemText(e) },
    {
      title: t('events.col.indicator'),
      key: 'ind',
      width: 140,
      render: (_, e) =>
        e.indicator ? <CodeName code={e.indicator} name={indicatorName.get(e.indicator) ?? ''} /> : '—',
      exportValue: (e) =>
        e.indicator ? `${e.indicator} ${indicatorName.get(e.indicator) ?? ''}`.trim() : null,
    },
    {
      title: t('events.col.points'),
      key: 'points',
      width: 80,
      align: 'right',
      render: (_, e) => (e.points === null ? '—' : e.kind === 'deduction' ? `−${e.points}` : `+${e.points}`),
      exportValue: (e) => (e.points === null ? null : e.kind === 'deduction' ? -e.points : e.points),
    },
    {
      title: t('events.col.reason'),
      key: 'reason',
      width: 260,
      ellipsis: { showTitle: false },
      exportValue: (e) => e.reason,
      render: (_, e) => (
        <Tooltip title={e.reason} placement="topLeft">
          <span>{e.reason}</span>
        </Tooltip>
      ),
    },
    { title: t('events.col.period'), key: 'period', width: 90, render: (_, e) => e.period },
    {
      title: t('events.col.status'),
      key: 'status',
      width: 110,
      exportValue: (e) => t(`events.status.${e.status}`),
      render: (_, e) => (
        <Tooltip
          title={
            e.decidedAt
              ? [
                  t('events.decidedBy', { by: e.decidedBy ?? '—', at: formatDateTime(e.decidedAt) }),
                  e.decisionNote ? t('events.note', { note: e.decisionNote }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')
              : undefined
          }
        >
          <Tag color={STATUS_COLOR[e.status]} data-testid={`ev-status-${e.id}`} data-status={e.status}>
            {t(`events.status.${e.status}`)}
          </Tag>
        </Tooltip>
      ),
    },
    {
      title: t('events.col.recorded'),
      key: 'rec',
      width: 190,
      exportValue: (e) => e.createdAt,
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>
            {e.createdBy ?? '—'} · {formatDateTime(e.createdAt)}
          </span>
          {e.source === 'import' && e.importBatchId !== null && (
            <Typography.Text type="secondary">
              {t('events.fromImport', { id: e.importBatchId })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('events.col.evidence'),
      key: 'ev',
      width: 80,
      exportValue: (e) => e.evidence.length,
      render: (_, e) => (
        <Button
          size="small"
          type="link"
          icon={<PaperClipOutlined />}
          data-testid={`ev-evidence-${e.id}`}
          onClick={() =>
            onDialog({ kind: 'evidence', event: e, canAttach: eventActions(e, rights).includes('attach') })
          }
        >
          {e.evidence.length}
        </Button>
      ),
    },
    {
      title: t('common.actions'),
      key: 'a',
      width: 170,
      exportValue: false,
      render: (_, e) => (
        <Space size={0} wrap>
          {eventActions(e, rights)
            .filter((a) => a !== 'attach')
            .map((a) => (
              <Button
                key={a}
                size="small"
                type={a === 'approve' ? 'primary' : 'link'}
                danger={a !== 'approve'}
                data-testid={`ev-${a}-${e.id}`}
                onClick={() => onDialog({ kind: a as 'approve' | 'reject' | 'withdraw', event: e })}
              >
                {t(`events.${a}`)}
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginBottom: 8 }}>
        <ExportButton
          columns={columns}
          rows={queryRows(events).dataSource}
          title={t('eventsNav.events')}
          testId="events-export"
          disabled={!events.data}
        />
      </Space>
      <CompactTable<CycleEvent>
        data-testid="ev-table"
        rowKey="id"
        {...queryRows(events, t('events.empty'), 'ev-list')}
        columns={columns}
        onRow={(e) =>
          ({
            'data-row': `${e.unitCode}-${e.kind}-${e.id}`,
            ...(e.id === linkedId
              ? { 'data-linked': 'true', style: { background: token.colorWarningBg } }
              : {}),
          }) as HTMLAttributes<HTMLElement>
        }
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1560 }}
      />
    </>
  );
}
