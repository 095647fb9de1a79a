import type { ChangeRequest, TaskBookSummary } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Drawer, Grid, Modal, Popconfirm, Segmented, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/auth.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { queryRows, queryTable } from '../../shared/QueryState.js';
import { ReasonInput } from '../../shared/ReasonInput.js';
import { unitColumn } from '../../shared/unitColumn.js';
import { usePlanParam } from '../../shared/usePlanParam.js';
import { tbApi, tbKeys, useChangeRequests, useTaskBooks } from './api.js';
import { PlanPicker } from './PlanPicker.js';
import { awaitingAction } from './status.js';
import { StatusTag, TaskBookView } from './TaskBookView.js';

type ChangeFilter = 'pending' | 'approved' | 'rejected' | 'all';

/** Review queue (assessor, office): task books awaiting review or issue, and change requests. */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const [planId, setPlan] = usePlanParam();
  const review = useCan('taskbooks.review');
  const issue = useCan('taskbooks.issue');
  const books = useTaskBooks(planId);
  const [only, setOnly] = useState<'awaiting' | 'all'>('awaiting');
  const [open, setOpen] = useState<number | null>(null);
  const narrow = !Grid.useBreakpoint().md;
  const items = (books.data?.items ?? []).filter(
    (b) => only === 'all' || awaitingAction(b.status, { review, issue }) !== null,
  );

  return (
    <Card title={t('taskbooks.queue.title')} data-testid="tb-queue">
      <Space wrap style={{ marginBottom: 12 }}>
        <PlanPicker value={planId} onChange={setPlan} />
      </Space>
      <Tabs
        items={[
          {
            key: 'books',
            label: t('taskbooks.queue.books'),
            children: (
              <>
                <Segmented
                  data-testid="tb-queue-filter"
                  style={{ marginBottom: 12 }}
                  value={only}
                  onChange={(v) => setOnly(v as 'awaiting' | 'all')}
                  options={[
                    { value: 'awaiting', label: t('taskbooks.queue.awaiting') },
                    { value: 'all', label: t('taskbooks.queue.all') },
                  ]}
                />
                <CompactTable<TaskBookSummary>
                  data-testid="tb-queue-table"
                  rowKey="id"
                  dataSource={items}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  {...queryTable(books, t('taskbooks.queue.empty'), 'tb-queue')}
                  columns={[
                    unitColumn(t('taskbooks.queue.unit')),
                    {
                      title: t('taskbooks.queue.status'),
                      dataIndex: 'status',
                      render: (s: TaskBookSummary['status'], b) => (
                        <Space size={4}>
                          <StatusTag status={s} />
                          {b.pendingChange && <Tag color="orange">{t('taskbooks.changeStatus.pending')}</Tag>}
                        </Space>
                      ),
                    },
                    {
                      title: t('taskbooks.queue.targets'),
                      key: 'targets',
                      render: (_, b) => `${b.targetsSet} / ${b.targetsTotal}`,
                    },
                    {
                      title: t('taskbooks.queue.updatedAt'),
                      dataIndex: 'updatedAt',
                      render: (v: string) => formatDateTime(v),
                    },
                    {
                      title: t('taskbooks.col.actions'),
                      key: 'open',
                      render: (_, b) => (
                        <Button data-testid="tb-queue-open" type="link" onClick={() => setOpen(b.id)}>
                          {t('taskbooks.queue.open')}
                        </Button>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'changes',
            label: t('taskbooks.queue.changes'),
            children: <ChangeRequests canDecide={issue} />,
          },
        ]}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size={narrow ? '100%' : 1100}
        destroyOnHidden
        data-testid="tb-queue-drawer"
      >
        {open !== null && <TaskBookView bookId={open} mode="review" />}
      </Drawer>
    </Card>
  );
}

function ChangeRequests({ canDecide }: { canDecide: boolean }) {
  const { t, message, showError, queryClient: qc } = useFeedback();
  const [status, setStatus] = useState<ChangeFilter>('pending');
  const list = useChangeRequests(status);
  const [rejecting, setRejecting] = useState<ChangeRequest | null>(null);
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (v: { c: ChangeRequest; approve: boolean; note?: string }) =>
      tbApi.decide(v.c.id, { approve: v.approve, note: v.note, version: v.c.version }),
    onSuccess: (_, v) => {
      message.success(t(v.approve ? 'taskbooks.queue.approved' : 'taskbooks.queue.rejected'));
      setRejecting(null);
      setNote('');
      void qc.invalidateQueries({ queryKey: tbKeys.all });
    },
    onError: (err) => {
      showError(err);
      void list.refetch();
    },
  });
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
  return (
    <>
      <Segmented
        data-testid="tb-change-filter"
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setStatus(v as ChangeFilter)}
        options={(['pending', 'approved', 'rejected', 'all'] as const).map((s) => ({
          value: s,
          label: t(`taskbooks.queue.filter.${s}`),
        }))}
      />
      <CompactTable<ChangeRequest>
        data-testid="tb-change-table"
        rowKey="id"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        {...queryRows(list, t('taskbooks.queue.noChanges'), 'tb-changes')}
        columns={[
          { title: t('taskbooks.queue.unit'), dataIndex: 'unitName' },
          { title: t('taskbooks.queue.reason'), dataIndex: 'reason' },
          {
            title: t('taskbooks.queue.proposed'),
            key: 'proposed',
            render: (_, c) => c.proposed.map((p) => `${p.indicator} → ${fmt(p.target)}`).join('；'),
          },
          {
            title: t('taskbooks.queue.requestedAt'),
            key: 'at',
            render: (_, c) => `${formatDateTime(c.requestedAt)} ${c.requestedBy ?? ''}`,
          },
          {
            title: t('taskbooks.queue.status'),
            key: 'status',
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <Tag color={c.status === 'pending' ? 'orange' : c.status === 'approved' ? 'green' : 'red'}>
                  {t(`taskbooks.changeStatus.${c.status}`)}
                </Tag>
                {c.decidedAt && (
                  <span style={{ fontSize: 12 }}>
                    {t('taskbooks.queue.decidedBy', {
                      by: c.decidedBy ?? '—',
                      at: formatDateTime(c.decidedAt),
                    })}
                    {c.decisionNote ? ` · ${c.decisionNote}` : ''}
                  </span>
                )}
              </Space>
            ),
          },
          ...(canDecide
            ? [
                {
                  title: t('taskbooks.col.actions'),
                  key: 'decide',
                  render: (_: unknown, c: ChangeRequest) =>
                    c.status === 'pending' && (
                      <Space>
                        <Popconfirm
                          title={t('taskbooks.queue.approve')}
                          onConfirm={() => decide.mutate({ c, approve: true })}
                        >
                          <Button data-testid="tb-change-approve" size="small" type="primary">
                            {t('taskbooks.queue.approve')}
                          </Button>
                        </Popconfirm>
                        <Button data-testid="tb-change-reject" danger onClick={() => setRejecting(c)}>
                          {t('taskbooks.queue.reject')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={rejecting !== null}
        title={t('taskbooks.queue.rejectTitle')}
        onCancel={() => setRejecting(null)}
        confirmLoading={decide.isPending}
        okButtonProps={{ danger: true, disabled: !note.trim(), 'data-testid': 'tb-change-reject-ok' }}
        okText={t('taskbooks.queue.reject')}
        onOk={() => rejecting && decide.mutate({ c: rejecting, approve: false, note: note.trim() })}
      >
        <ReasonInput
          testId="tb-change-note"
          max={1000}
          value={note}
          onChange={setNote}
          placeholder={t('taskbooks.decisionNote')}
        />
      </Modal>
    </>
  );
}
