import type { RectificationTask } from '@jixiao/contracts';
import { rectificationSourceKinds, rectificationStatuses } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useCan } from '../../shared/auth.js';
import { CodeFilter, type CodeFilterSpec, type FilterState, OptionFilter } from '../../shared/CodeFilter.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { ExportButton } from '../../shared/export/ExportButton.js';
import { type ExportColumns, percent } from '../../shared/export/tableSheet.js';
import { FilePicker } from '../../shared/FilePicker.js';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { unitColumn } from '../../shared/unitColumn.js';
import { useSearchParam } from '../../shared/useSearchParam.js';
import { useUnits } from '../notices/api.js';
import { rectificationApi, rectificationKeys, type TaskFilter, useTasks } from './api.js';
import { type Dialog, RectificationDialog } from './RectificationDialogs.js';
import { STATUS_COLOR, weaknessText } from './view.js';

const STATUS_FILTER: CodeFilterSpec<'status'> = {
  key: 'status',
  codes: rectificationStatuses,
  labels: 'rectification.statuses',
  placeholder: 'rectification.status',
  width: 120,
};
const SOURCE_FILTER: CodeFilterSpec<'sourceKind'> = {
  key: 'sourceKind',
  codes: rectificationSourceKinds,
  labels: 'rectification.sources',
  placeholder: 'rectification.source',
  width: 130,
};
const OVERDUE_FILTER: CodeFilterSpec<'overdue'> = {
  key: 'overdue',
  codes: ['true', 'false'],
  labels: 'rectification.overdueFilter',
  placeholder: 'rectification.overdue',
  width: 120,
};

const Weakness = ({ t, task }: { t: TFunction; task: RectificationTask }) => {
  const w = weaknessText(task.weakness);
  return (
    <span style={{ whiteSpace: 'pre-wrap' }}>
      {t(w.key, w.params)}
      {task.weakness.note && (
        <>
          <br />
          {task.weakness.note}
        </>
      )}
    </span>
  );
};

const Deadline = ({ t, task }: { t: TFunction; task: RectificationTask }) => (
  <Typography.Text
    type={task.overdue ? 'danger' : undefined}
    data-testid={`rectification-deadline-${task.id}`}
  >
    {task.deadline}
    {task.overdue && (
      <Tag color="red" style={{ marginLeft: 6 }}>
        {t('rectification.overdue')}
      </Tag>
    )}
  </Typography.Text>
);

/** The reports, evidence and office's words of a task. */
function History({ t, task }: { t: TFunction; task: RectificationTask }) {
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {task.measures && <div>{t('rectification.measuresIs', { text: task.measures })}</div>}
      {task.returnReason && (
        <Typography.Text type="danger">
          {t('rectification.returnedBecause', { reason: task.returnReason })}
        </Typography.Text>
      )}
      {task.reports.map((r) => (
        <div key={r.id} data-testid={`rectification-report-${r.id}`}>
          <Tag>{r.percent}%</Tag>
          <span style={{ whiteSpace: 'pre-wrap' }}>{r.text}</span>
          <Typography.Text type="secondary"> · {formatDateTime(r.reportedAt)}</Typography.Text>
        </div>
      ))}
      {task.evidence.map((f) => (
        <a key={f.id} href={`/api/evidence/${f.id}`}>
          {f.fileName}
        </a>
      ))}
      {task.closeNote && <div>{t('rectification.closeNoteIs', { text: task.closeNote })}</div>}
    </Space>
  );
}

/**
 * Rectification (整改, issue 11 point 8). The office's board: every unit's tasks, filtered by
 * status, source, unit and overdue (in red); create one, or many from a released run's weaknesses;
 * close or send back what units reported. A unit's "my rectifications": its own tasks as cards (a
 * phone's width), with a progress report and evidence. Leaders read the board.
 */
export default function RectificationsPage() {
  const { t, message, showError, queryClient } = useFeedback();
  const office = useCan('rectification.manage');
  const unit = useCan('rectification.report');
  const [idParam, setIdParam] = useSearchParam('id');
  const [overdueParam] = useSearchParam('overdue');
  const [filter, setFilter] = useState<TaskFilter>(overdueParam === 'true' ? { overdue: 'true' } : {});
  const filterState: FilterState<TaskFilter> = [filter, setFilter];
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const tasks = useTasks(filter);
  const units = useUnits(office);
  const remind = useMutation({
    mutationFn: rectificationApi.remindOverdue,
    onSuccess: (r) => {
      message.success(t('rectification.reminded', r));
      void queryClient.invalidateQueries({ queryKey: rectificationKeys.all });
    },
    onError: showError,
  });
  const upload = useMutation({
    mutationFn: ({ id, file }: { id: number; file: File }) => rectificationApi.evidence(id, file),
    onSuccess: () => {
      message.success(t('rectification.uploaded'));
      void queryClient.invalidateQueries({ queryKey: rectificationKeys.all });
    },
    onError: showError,
  });
  const list = (tasks.data ?? []).filter((x) => !idParam || String(x.id) === idParam);
  const button = (kind: 'report' | 'return' | 'close', task: RectificationTask, primary = false) => (
    <Button
      key={kind}
      size="small"
      type={primary ? 'primary' : 'default'}
      onClick={() => setDialog({ kind, task })}
      data-testid={`rectification-${kind}-${task.id}`}
    >
      {t(`rectification.act.${kind}`)}
    </Button>
  );

  const rectColumns: ExportColumns<RectificationTask> = [
    { title: t('rectification.title'), dataIndex: 'title' },
    unitColumn<RectificationTask>(t('rectification.unit')),
    {
      title: t('rectification.source'),
      render: (_, x) => t(`rectification.sources.${x.source.kind}`),
    },
    {
      title: t('rectification.weakness'),
      render: (_, x) => <Weakness t={t} task={x} />,
      exportValue: (x) => {
        const w = weaknessText(x.weakness);
        return [t(w.key, w.params), x.weakness.note].filter(Boolean).join('\n');
      },
    },
    {
      title: t('rectification.deadline'),
      render: (_, x) => <Deadline t={t} task={x} />,
      exportValue: (x) => x.deadline,
    },
    {
      title: t('rectification.status'),
      render: (_, x) => (
        <Tag color={STATUS_COLOR[x.status]} data-testid={`rectification-status-${x.id}`}>
          {t(`rectification.statuses.${x.status}`)}
        </Tag>
      ),
      exportValue: (x) => t(`rectification.statuses.${x.status}`),
    },
    {
      title: t('rectification.progress'),
      render: (_, x) => `${x.progress}%`,
      exportValue: (x) => percent(x.progress / 100),
    },
    {
      title: '',
      exportValue: false,
      render: (_, x) => (
        <Space wrap size={4}>
          {x.can.close && button('close', x, true)}
          {x.can.return && button('return', x)}
        </Space>
      ),
    },
  ];

  const filters = (
    <Space wrap>
      <CodeFilter spec={STATUS_FILTER} state={filterState} testId="rectification-filter" />
      {!unit && <CodeFilter spec={SOURCE_FILTER} state={filterState} testId="rectification-filter" />}
      {office && (
        <OptionFilter
          field="unitId"
          options={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
          placeholder="rectification.unit"
          width={180}
          state={filterState}
          testId="rectification-filter"
        />
      )}
      <CodeFilter spec={OVERDUE_FILTER} state={filterState} testId="rectification-filter" />
      {idParam && (
        <Button type="link" onClick={() => setIdParam(undefined)}>
          {t('rectification.showAll')}
        </Button>
      )}
    </Space>
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="rectification-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {unit ? t('rectificationNav.mine') : t('rectificationNav.board')}
      </Typography.Title>
      {unit ? (
        <Card size="small" title={filters}>
          <List
            loading={tasks.isLoading}
            dataSource={list}
            locale={{ emptyText: <Empty description={t('rectification.none')} /> }}
            data-testid="rectification-list"
            renderItem={(task) => (
              <List.Item
                key={task.id}
                data-testid={`rectification-task-${task.id}`}
                style={{ display: 'block' }}
              >
                <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{task.title}</Typography.Text>
                    <Tag color={STATUS_COLOR[task.status]}>{t(`rectification.statuses.${task.status}`)}</Tag>
                    <Tag>{t(`rectification.sources.${task.source.kind}`)}</Tag>
                  </Space>
                  <Weakness t={t} task={task} />
                  <Space wrap>
                    {t('rectification.deadline')}：<Deadline t={t} task={task} />
                  </Space>
                  <Progress percent={task.progress} size="small" />
                  <History t={t} task={task} />
                  {task.can.report && (
                    <Space wrap>
                      {button('report', task, true)}
                      <FilePicker
                        onFile={(file) => upload.mutate({ id: task.id, file })}
                        accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
                      >
                        <Button
                          size="small"
                          loading={upload.isPending}
                          data-testid={`rectification-upload-${task.id}`}
                        >
                          {t('rectification.upload')}
                        </Button>
                      </FilePicker>
                    </Space>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : (
        <Card
          size="small"
          title={filters}
          extra={
            <Space wrap>
              <ExportButton
                columns={rectColumns}
                rows={list}
                title={t('rectificationNav.rectifications')}
                testId="rectification-export"
              />
              {office && (
                <>
                  <CreateButton testId="rectification-create" onClick={() => setDialog({ kind: 'create' })}>
                    {t('rectification.create')}
                  </CreateButton>
                  <Button onClick={() => setDialog({ kind: 'bulk' })} data-testid="rectification-bulk">
                    {t('rectification.bulk')}
                  </Button>
                  <Button
                    loading={remind.isPending}
                    onClick={() => remind.mutate()}
                    data-testid="rectification-remind"
                  >
                    {t('rectification.remind')}
                  </Button>
                </>
              )}
            </Space>
          }
        >
          <CompactTable<RectificationTask>
            rowKey="id"
            loading={tasks.isLoading}
            dataSource={list}
            pagination={{ pageSize: 20 }}
            data-testid="rectification-table"
            onRow={(task) => ({ 'data-testid': `rectification-row-${task.id}` }) as never}
            expandable={{ expandedRowRender: (task) => <History t={t} task={task} /> }}
            columns={rectColumns}
          />
        </Card>
      )}
      {dialog && <RectificationDialog dialog={dialog} onClose={() => setDialog(null)} />}
    </Space>
  );
}
