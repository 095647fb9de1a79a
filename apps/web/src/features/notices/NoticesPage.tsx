import type { Notice } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../shared/auth.js';
import { CodeSelect } from '../../shared/CodeSelect.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { notificationKeys, notificationText } from '../../shared/notifications.js';
import { queryRows } from '../../shared/QueryState.js';
import { usePlans } from '../plans/api.js';
import { defaultMonth } from '../progress/matrix.js';
import { defaultPlan } from '../results/ranking.js';
import { actionsFor, statusColor, type UiAction } from './actions.js';
import { noticeApi, noticeKeys, useNotices } from './api.js';
import { type FormKind, type FormValues, NoticeFormModal } from './NoticeForms.js';

/** Notices per role: the unit answers its own, the office issues and follows all, observers their own. */
export default function NoticesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message, showError, queryClient: qc } = useFeedback();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const kind = params.get('kind') ?? undefined;
  const status = params.get('status') ?? undefined;
  const list = useNotices({ kind, status, page });
  const [form, setForm] = useState<{ kind: FormKind; notice?: Notice } | null>(null);
  const office = me.permissions.includes('notices.issue');
  const plans = usePlans({}, office);
  const plan = defaultPlan(plans.data ?? []);
  const selected = list.data?.items.find((n) => n.id === Number(id)) ?? null;

  const done = () => {
    void qc.invalidateQueries({ queryKey: noticeKeys.all });
    void qc.invalidateQueries({ queryKey: notificationKeys.all });
    message.success(t('notice.saved'));
    setForm(null);
  };
  const run = useMutation({
    mutationFn: async ({
      action,
      n,
      v,
    }: {
      action: UiAction | 'urging' | 'observation';
      n?: Notice;
      v?: FormValues;
    }) => {
      if (action === 'urging')
        return noticeApi.issueUrging({
          ...v,
          planId: plan?.id,
          dueDate: v?.dueDate?.format('YYYY-MM-DD'),
        });
      if (action === 'observation') return noticeApi.fileObservation(v ?? {});
      return noticeApi.act(n!.id, action, { version: n!.version, ...v });
    },
    onSuccess: done,
    onError: showError,
  });
  const reminders = useMutation({
    mutationFn: () =>
      noticeApi.runReminders({
        planId: plan?.id,
        period: defaultMonth(plan!.year, new Date()),
      }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: noticeKeys.all });
      message.success(t('notice.remindersDone', r));
    },
    onError: showError,
  });

  const act = (n: Notice, a: UiAction) =>
    a === 'answer' || a === 'escalate' ? setForm({ kind: a, notice: n }) : run.mutate({ action: a, n });
  const buttons = (n: Notice) =>
    actionsFor(n.status, me.permissions).map((a) => (
      <Button
        key={a}
        size="small"
        data-testid={`notice-${a}`}
        danger={a === 'escalate'}
        onClick={() => act(n, a)}
      >
        {t(`notice.actions.${a}`)}
      </Button>
    ));
  const setFilter = (k: string, v?: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
    setPage(1);
  };

  return (
    <Card
      title={t('notice.title')}
      data-testid="notices-page"
      extra={
        <Space wrap>
          {office && (
            <Button
              data-testid="notice-run-reminders"
              loading={reminders.isPending}
              disabled={!plan}
              onClick={() => reminders.mutate()}
            >
              {t('notice.runReminders')}
            </Button>
          )}
          {office && (
            <Button
              type="primary"
              data-testid="notice-issue"
              disabled={!plan}
              onClick={() => setForm({ kind: 'urging' })}
            >
              {t('notice.issue')}
            </Button>
          )}
          {me.permissions.includes('observations.file') && (
            <Button type="primary" data-testid="notice-file" onClick={() => setForm({ kind: 'observation' })}>
              {t('notice.file')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <CodeSelect
          allowClear
          placeholder={t('notice.kind')}
          style={{ width: 160 }}
          value={kind}
          data-testid="notice-kind-filter"
          onChange={(v) => setFilter('kind', v)}
          codes={['reminder', 'urging', 'observation']}
          labels="notice.kinds"
        />
        <Select
          allowClear
          placeholder={t('notice.status')}
          style={{ width: 160 }}
          value={status}
          onChange={(v) => setFilter('status', v)}
          options={Object.keys(statusColor).map((s) => ({ value: s, label: t(`notice.statuses.${s}`) }))}
        />
      </Space>
      <CompactTable<Notice>
        rowKey="id"
        {...queryRows(list, undefined, 'notices')}
        scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        onRow={(n) => ({ 'data-testid': `notice-row-${n.id}` }) as object}
        columns={[
          {
            title: t('notice.cols.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: string) => <Tag>{t(`notice.kinds.${k}`)}</Tag>,
          },
          { title: t('notice.cols.unit'), dataIndex: 'unitName', width: 180 },
          { title: t('notice.cols.indicator'), dataIndex: 'indicator', width: 90 },
          {
            title: t('notice.cols.title'),
            dataIndex: 'title',
            render: (_: string, n) => (
              <Link to={`/notices/${n.id}?${params}`}>{notificationText(t, n).title}</Link>
            ),
          },
          {
            title: t('notice.cols.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: Notice['status']) => (
              <Tag color={statusColor[s]} data-testid="notice-status">
                {t(`notice.statuses.${s}`)}
              </Tag>
            ),
          },
          { title: t('notice.cols.due'), dataIndex: 'dueDate', width: 110 },
          {
            title: t('notice.cols.actions'),
            key: 'a',
            width: 260,
            render: (_, n) => <Space wrap>{buttons(n)}</Space>,
          },
        ]}
      />
      <Drawer
        open={!!selected}
        width={520}
        title={selected && notificationText(t, selected).title}
        onClose={() => navigate(`/notices?${params}`)}
        data-testid="notice-drawer"
      >
        {selected && (
          <>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('notice.cols.kind')}>
                {t(`notice.kinds.${selected.kind}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('notice.cols.unit')}>{selected.unitName}</Descriptions.Item>
              <Descriptions.Item label={t('notice.cols.status')}>
                {t(`notice.statuses.${selected.status}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('notice.body')}>
                {notificationText(t, selected).body}
              </Descriptions.Item>
              <Descriptions.Item label={t('notice.issuedBy')}>
                {selected.issuedBy} · {formatDateTime(selected.issuedAt)}
              </Descriptions.Item>
              {selected.dueDate && (
                <Descriptions.Item label={t('notice.dueDate')}>{selected.dueDate}</Descriptions.Item>
              )}
              {selected.answer && (
                <Descriptions.Item label={t('notice.answer')}>{selected.answer}</Descriptions.Item>
              )}
              {selected.proposal && (
                <Descriptions.Item label={t('notice.proposal')}>{selected.proposal.reason}</Descriptions.Item>
              )}
            </Descriptions>
            <Space style={{ marginTop: 12 }}>{buttons(selected)}</Space>
          </>
        )}
      </Drawer>
      <NoticeFormModal
        kind={form?.kind ?? null}
        notice={form?.notice}
        busy={run.isPending}
        onCancel={() => setForm(null)}
        onSubmit={(v) => run.mutate({ action: form!.kind, n: form?.notice, v })}
      />
    </Card>
  );
}
