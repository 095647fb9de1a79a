import type { Objection } from '@jixiao/contracts';
import { objectionStatuses } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { CompactTable } from '../../shared/CompactTable.js';
import { ExportButton } from '../../shared/export/ExportButton.js';
import type { ExportColumns } from '../../shared/export/tableSheet.js';
import { FilePicker } from '../../shared/FilePicker.js';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { QueryState } from '../../shared/QueryState.js';
import { type ObjectionFilter, objectionKeys, objectionsApi, useObjections } from './api.js';
import { type Dialog, ObjectionDialog } from './ObjectionDialogs.js';
import { effectLines, verdictText } from './view.js';

const COLOR: Record<Objection['status'], string> = {
  filed: 'processing',
  answered: 'warning',
  escalated: 'error',
  closed: 'success',
  withdrawn: 'default',
};

/**
 * 结果异议 (issue 11 point 3): every objection the caller may see — its unit's, those to its
 * indicators (lead departments), or all (office, leaders) — with what it may do now.
 */
export default function ObjectionsPage() {
  const { t } = useFeedback();
  const [filter, setFilter] = useState<ObjectionFilter>({});
  // A notification links to `/objections?id=N`: that objection opens.
  const [params] = useSearchParams();
  const [open, setOpen] = useState<number | null>(Number(params.get('id')) || null);
  const list = useObjections(filter);
  const shown = list.data?.find((o) => o.id === open) ?? null;
  const columns: ExportColumns<Objection> = [
    { title: '#', dataIndex: 'id', width: 56 },
    { title: t('objections.unit'), render: (_, o) => o.unitName },
    { title: t('objections.target'), dataIndex: 'targetLabel' },
    {
      title: t('objections.status.label'),
      render: (_, o) => (
        <Tag color={COLOR[o.status]} data-testid={`objection-status-${o.id}`} data-status={o.status}>
          {t(`objections.status.${o.status}`)}
        </Tag>
      ),
      exportValue: (o) => t(`objections.status.${o.status}`),
    },
    {
      title: t('objections.due'),
      render: (_, o) => (o.status === 'filed' ? o.answerDue : o.status === 'answered' ? o.respondDue : '—'),
      exportValue: (o) =>
        o.status === 'filed' ? o.answerDue : o.status === 'answered' ? o.respondDue : null,
    },
    {
      title: t('objections.outcome.label'),
      render: (_, o) => (o.outcome ? t(`objections.outcome.${o.outcome}`) : '—'),
      exportValue: (o) => (o.outcome ? t(`objections.outcome.${o.outcome}`) : null),
    },
    {
      title: t('objections.filedAt'),
      render: (_, o) => formatDateTime(o.filedAt),
      exportValue: (o) => o.filedAt,
    },
  ];
  return (
    <Card
      title={t('objections.title')}
      extra={
        <Space wrap>
          <Checkbox
            data-testid="objections-todo"
            checked={filter.todo === '1'}
            onChange={(e) => setFilter({ ...filter, todo: e.target.checked ? '1' : undefined })}
          >
            {t('objections.todoOnly')}
          </Checkbox>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('objections.anyStatus')}
            value={filter.status}
            onChange={(status) => setFilter({ ...filter, status })}
            options={objectionStatuses.map((s) => ({ value: s, label: t(`objections.status.${s}`) }))}
          />
          <ExportButton
            columns={columns}
            rows={list.data}
            title={t('objections.title')}
            testId="objections-export"
          />
        </Space>
      }
    >
      <QueryState query={list} inline testId="objections" />
      <CompactTable<Objection>
        data-testid="objections-table"
        rowKey="id"
        dataSource={list.data ?? []}
        onRow={(o) => ({ onClick: () => setOpen(o.id), style: { cursor: 'pointer' } })}
        columns={columns}
      />
      <Drawer
        data-testid="objection-drawer"
        open={shown !== null}
        onClose={() => setOpen(null)}
        size={Math.min(640, typeof window === 'undefined' ? 640 : window.innerWidth)}
        title={shown ? t('objections.drawerTitle', { id: shown.id, unit: shown.unitName }) : ''}
        destroyOnHidden
      >
        {shown && <ObjectionDetail o={shown} />}
      </Drawer>
    </Card>
  );
}

/**
 * The answer or the decision of an objection as an item of its details: the verdict in words, who
 * gave it and when (none before it is given).
 */
function verdictItem(t: TFunction, o: Objection, of: 'answer' | 'decision') {
  const [verdict, by, at] =
    of === 'answer' ? [o.answer, o.answeredBy, o.answeredAt] : [o.decision, o.decidedBy, o.decidedAt];
  return (
    verdict && (
      <Descriptions.Item label={t(`objections.${of}`)}>
        <span data-testid={`objection-${of}`}>{verdictText(t, o.target, verdict)}</span>
        <br />
        <Typography.Text type="secondary">
          {by} · {formatDateTime(at)}
        </Typography.Text>
      </Descriptions.Item>
    )
  );
}

function ObjectionDetail({ o }: { o: Objection }) {
  const { t, message, showError, queryClient } = useFeedback();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: objectionKeys.all });
    await queryClient.invalidateQueries({ queryKey: ['results'] });
  };
  const accept = useMutation({
    mutationFn: () => objectionsApi.respond(o, 'accept'),
    onSuccess: async () => {
      message.success(t('objections.done.accept'));
      await refresh();
    },
    onError: showError,
  });
  const withdraw = useMutation({
    mutationFn: () => objectionsApi.withdraw(o),
    onSuccess: refresh,
    onError: showError,
  });
  const upload = useMutation({
    mutationFn: (f: File) => objectionsApi.evidence(o.id, f),
    onSuccess: async () => {
      message.success(t('objections.done.evidence'));
      await refresh();
    },
    onError: showError,
  });
  const open = o.status === 'filed' || o.status === 'answered' || o.status === 'escalated';
  /** A button opening the dialog of `kind` on this objection. */
  const opens = (kind: 'answer' | 'escalate' | 'decide', testId: string, type?: 'primary') => (
    <Button type={type} data-testid={testId} onClick={() => setDialog({ kind, objection: o })}>
      {t(`objections.act.${kind}`)}
    </Button>
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('objections.target')}>
          {o.targetLabel}
          {o.targetScore !== null && (
            <Typography.Text type="secondary">
              {' '}
              （{t('objections.scoreShown', { score: o.targetScore })}）
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('objections.reason')}>{o.reason}</Descriptions.Item>
        <Descriptions.Item label={t('objections.filedBy')}>
          {o.filedBy} · {formatDateTime(o.filedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('objections.lead')}>{o.lead ?? t('objections.office')}</Descriptions.Item>
        <Descriptions.Item label={t('objections.evidence')}>
          {o.evidence.length === 0
            ? '—'
            : o.evidence.map((f) => (
                <div key={f.id}>
                  <a href={`/api/evidence/${f.id}`}>{f.fileName}</a>
                </div>
              ))}
        </Descriptions.Item>
        {verdictItem(t, o, 'answer')}
        {o.escalation && (
          <Descriptions.Item label={t('objections.escalation')}>{o.escalation}</Descriptions.Item>
        )}
        {verdictItem(t, o, 'decision')}
        {o.effect && (
          <Descriptions.Item label={t('objections.effect')}>
            <div data-testid="objection-effect">
              {effectLines(t, o.effect).map((l) => (
                <div key={l}>{l}</div>
              ))}
            </div>
            {o.resultRunId && (
              <Typography.Text type="secondary">
                {t('objections.newRun', { id: o.resultRunId })}
              </Typography.Text>
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space wrap>
        {o.can.answer && opens('answer', 'objection-answer-btn', 'primary')}
        {o.can.respond && (
          <>
            <Popconfirm
              title={t('objections.confirmAccept')}
              onConfirm={() => accept.mutate()}
              okButtonProps={{ 'data-testid': 'objection-accept-ok' }}
            >
              <Button type="primary" data-testid="objection-accept" loading={accept.isPending}>
                {t('objections.act.accept')}
              </Button>
            </Popconfirm>
            {opens('escalate', 'objection-escalate')}
          </>
        )}
        {o.can.decide && opens('decide', 'objection-decide', 'primary')}
        {o.can.withdraw && open && (
          <>
            <FilePicker onFile={(f) => upload.mutate(f)} accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx">
              <Button loading={upload.isPending} data-testid="objection-upload">
                {t('objections.act.evidence')}
              </Button>
            </FilePicker>
            <Popconfirm title={t('objections.confirmWithdraw')} onConfirm={() => withdraw.mutate()}>
              <Button danger data-testid="objection-withdraw">
                {t('objections.act.withdraw')}
              </Button>
            </Popconfirm>
          </>
        )}
      </Space>
      {dialog && <ObjectionDialog dialog={dialog} onClose={() => setDialog(null)} />}
    </Space>
  );
}
