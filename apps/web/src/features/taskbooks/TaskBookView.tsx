import { ApartmentOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import type { TaskBookDetail, TaskTarget, TaskTargetInput } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Input, InputNumber, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.js';
import { useCan } from '../../shared/auth.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { useFeedback } from '../../shared/feedback.js';
import { QueryState } from '../../shared/QueryState.js';
import { ReasonModal } from '../../shared/ReasonModal.js';
import { tbApi, tbKeys, useTaskBook } from './api.js';
import { ChangeRequestModal } from './ChangeModals.js';
import { DecompositionDrawer } from './DecompositionDrawer.js';
import { STATUS_COLORS } from './status.js';
import { ChangeRequestList, RevisionsDrawer } from './TaskBookRevisions.js';
import { TaskBookSummary } from './TaskBookSummary.js';
import { fmt, inputOf, same } from './targets.js';

type Action = 'submit' | 'confirm' | 'return' | 'review' | 'issue';

export function StatusTag({ status }: { status: TaskBookDetail['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag data-testid="tb-status" data-status={status} color={STATUS_COLORS[status]}>
      {t(`taskbooks.statusTag.${status}`)}
    </Tag>
  );
}

/** One task book: steps, targets (editable while a draft), workflow buttons, history, changes, split. */
export function TaskBookView({ bookId, mode }: { bookId: number; mode: 'unit' | 'review' }) {
  const { t, message, showError, queryClient: qc } = useFeedback();
  const book = useTaskBook(bookId);
  const canEditPerm = useCan('taskbooks.edit');
  const [edits, setEdits] = useState<Map<string, TaskTargetInput>>(new Map());
  const [returning, setReturning] = useState(false);
  const [changing, setChanging] = useState(false);
  const [history, setHistory] = useState(false);
  const [splitting, setSplitting] = useState<TaskTarget | null>(null);
  const d = book.data;

  // A new version from the server replaces local edits.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a new version only
  useEffect(() => setEdits(new Map()), [d?.id, d?.version]);

  const refresh = (next?: TaskBookDetail) => {
    if (next) qc.setQueryData(tbKeys.detail(next.id), next);
    void qc.invalidateQueries({ queryKey: tbKeys.all });
  };
  const onError = (err: unknown) => {
    showError(err);
    if (isApiError(err) && (err.status === 409 || err.code === 'VERSION_CONFLICT')) {
      setEdits(new Map());
      void book.refetch();
    }
  };

  const editable = !!d?.actions.includes('edit');
  const rows = useMemo(
    () => (d?.targets ?? []).map((x) => ({ ...x, ...(edits.get(x.indicator) ?? {}) }) as TaskTarget),
    [d, edits],
  );
  const dirty = edits.size > 0;

  const setField = (x: TaskTarget, patch: Partial<TaskTargetInput>) =>
    setEdits((m) => {
      const next = new Map(m);
      const merged = { ...inputOf(x), ...(m.get(x.indicator) ?? {}), ...patch };
      const orig = d?.targets.find((o) => o.indicator === x.indicator);
      if (orig && same(merged, inputOf(orig))) next.delete(x.indicator);
      else next.set(x.indicator, merged);
      return next;
    });

  const save = useMutation({
    mutationFn: () => tbApi.saveTargets(bookId, d!.version, [...edits.values()]),
    onSuccess: (next) => {
      message.success(t('taskbooks.saved'));
      refresh(next);
    },
    onError,
  });
  const act = useMutation({
    mutationFn: (v: { action: Action; reason?: string }) =>
      tbApi.transition(bookId, { action: v.action, version: d!.version, reason: v.reason }),
    onSuccess: (next, v) => {
      message.success(t(`taskbooks.done.${v.action}`));
      setReturning(false);
      refresh(next);
    },
    onError,
  });

  if (!d) return <QueryState query={book} testId="tb" />;
  const can = (a: TaskBookDetail['actions'][number]) => d.actions.includes(a);

  const actionButton = (a: Exclude<Action, 'return'>, primary = true) =>
    can(a) && (
      <Popconfirm
        key={a}
        title={t('taskbooks.confirmAction', { action: t(`taskbooks.actions.${a}`) })}
        onConfirm={() => (dirty ? message.warning(t('taskbooks.saveFirst')) : act.mutate({ action: a }))}
      >
        <Button data-testid={`tb-${a}`} type={primary ? 'primary' : 'default'} loading={act.isPending}>
          {t(`taskbooks.actions.${a}`)}
        </Button>
      </Popconfirm>
    );

  const numberCell = (field: 'target' | 'baseline') => (v: number | null, x: TaskTarget) =>
    editable ? (
      <InputNumber
        data-testid={`tb-input-${field}`}
        size="small"
        style={{ width: 130 }}
        value={v}
        onChange={(n) => setField(x, { [field]: typeof n === 'number' ? n : null })}
      />
    ) : (
      <span data-testid={`tb-${field}`}>{fmt(v)}</span>
    );
  const textCell = (field: 'measureUnit' | 'note') => (v: string | null, x: TaskTarget) =>
    editable ? (
      <Input
        data-testid={`tb-input-${field}`}
        size="small"
        style={{ width: field === 'note' ? 200 : 100 }}
        value={v ?? ''}
        onChange={(e) => setField(x, { [field]: e.target.value || null })}
      />
    ) : (
      <span data-testid={`tb-${field}`}>{v ?? ''}</span>
    );

  return (
    <div data-testid="tb-view" data-book={d.id} data-status={d.status}>
      <Card
        size="small"
        title={
          <Space wrap>
            <span data-testid="tb-unit">{d.unitName}</span>
            <StatusTag status={d.status} />
            <Typography.Text type="secondary">{t('taskbooks.revision', { n: d.revision })}</Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            <Button data-testid="tb-revisions" icon={<HistoryOutlined />} onClick={() => setHistory(true)}>
              {t('taskbooks.revisions')}
            </Button>
          </Space>
        }
      >
        <TaskBookSummary book={d} />
        <Space wrap style={{ marginBottom: 12 }}>
          {editable && (
            <Button
              data-testid="tb-save"
              type="primary"
              icon={<SaveOutlined />}
              disabled={!dirty}
              loading={save.isPending}
              onClick={() => save.mutate()}
            >
              {t('taskbooks.save')}
            </Button>
          )}
          {dirty && <Tag color="orange">{t('taskbooks.unsaved')}</Tag>}
          {actionButton('submit', !editable)}
          {actionButton('confirm')}
          {actionButton('review')}
          {actionButton('issue')}
          {can('return') && (
            <Button data-testid="tb-return" danger onClick={() => setReturning(true)}>
              {t('taskbooks.actions.return')}
            </Button>
          )}
          {can('request_change') && (
            <Button data-testid="tb-request-change" onClick={() => setChanging(true)}>
              {t('taskbooks.actions.request_change')}
            </Button>
          )}
        </Space>
        <CompactTable<TaskTarget>
          data-testid="tb-targets"
          rowKey="indicator"
          dataSource={rows}
          onRow={(x) => ({ 'data-indicator': x.indicator }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('taskbooks.col.code'),
              dataIndex: 'indicator',
              render: (v: string, x) => (
                <span data-testid="tb-code" title={x.path}>
                  {v}
                </span>
              ),
            },
            { title: t('taskbooks.col.name'), dataIndex: 'name' },
            { title: t('taskbooks.col.target'), dataIndex: 'target', render: numberCell('target') },
            { title: t('taskbooks.col.baseline'), dataIndex: 'baseline', render: numberCell('baseline') },
            {
              title: t('taskbooks.col.measureUnit'),
              dataIndex: 'measureUnit',
              render: textCell('measureUnit'),
            },
            { title: t('taskbooks.col.note'), dataIndex: 'note', render: textCell('note') },
            ...(mode === 'review'
              ? [
                  {
                    title: t('taskbooks.col.leadDept'),
                    dataIndex: 'leadDept',
                    render: (v: string | null, x: TaskTarget) => (
                      <Space size={4}>
                        {v ?? '—'}
                        {x.reviewable && <Tag color="gold">✓</Tag>}
                      </Space>
                    ),
                  },
                ]
              : []),
            {
              title: t('taskbooks.col.rule'),
              dataIndex: 'decomposition',
              render: (v: TaskTarget['decomposition']) => t(`taskbooks.rules.${v}`),
            },
            {
              title: t('taskbooks.col.actions'),
              key: 'actions',
              render: (_, x) => (
                <Button
                  data-testid="tb-decompose"
                  icon={<ApartmentOutlined />}
                  onClick={() => setSplitting(x)}
                >
                  {t('taskbooks.decompose')}
                </Button>
              ),
            },
          ]}
        />
        {d.changeRequests.length > 0 && <ChangeRequestList items={d.changeRequests} targets={d.targets} />}
      </Card>
      {returning && (
        <ReasonModal
          title={t('taskbooks.returnTitle')}
          label={t('taskbooks.returnReason')}
          testId="tb-return-reason-input"
          okTestId="tb-return-ok"
          okText={t('taskbooks.actions.return')}
          danger
          mutation={{
            isPending: act.isPending,
            mutate: (reason) => act.mutate({ action: 'return', reason }),
          }}
          onClose={() => setReturning(false)}
        />
      )}
      {changing && (
        <ChangeRequestModal
          book={d}
          onClose={() => setChanging(false)}
          onDone={(next) => {
            setChanging(false);
            refresh(next);
          }}
        />
      )}
      <RevisionsDrawer bookId={d.id} open={history} onClose={() => setHistory(false)} />
      {splitting && (
        <DecompositionDrawer
          bookId={d.id}
          line={splitting}
          canEdit={mode === 'unit' && canEditPerm}
          onClose={() => setSplitting(null)}
        />
      )}
    </div>
  );
}
