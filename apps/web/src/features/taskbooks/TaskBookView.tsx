import { ApartmentOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import type { ChangeRequest, TaskBookDetail, TaskTarget, TaskTargetInput } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.js';
import { useCan } from '../../shared/auth.js';
import { useShowError } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { QueryState } from '../../shared/QueryState.js';
import { tbApi, tbKeys, useRevisions, useTaskBook } from './api.js';
import { DecompositionDrawer } from './DecompositionDrawer.js';
import { changeLine, STATUS_COLORS, STATUS_ORDER, statusStep } from './status.js';

type Action = 'submit' | 'confirm' | 'return' | 'review' | 'issue';

const inputOf = (t: TaskTarget): TaskTargetInput => ({
  indicator: t.indicator,
  target: t.target,
  baseline: t.baseline,
  measureUnit: t.measureUnit,
  note: t.note,
});

const same = (a: TaskTargetInput, b: TaskTargetInput) =>
  a.target === b.target &&
  (a.baseline ?? null) === (b.baseline ?? null) &&
  (a.measureUnit ?? '') === (b.measureUnit ?? '') &&
  (a.note ?? '') === (b.note ?? '');

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

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
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
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
  const step = statusStep(d.status, d.returnReason);
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
        <Steps
          data-testid="tb-steps"
          size="small"
          current={step.current}
          status={step.status}
          items={STATUS_ORDER.map((s) => ({ title: t(`taskbooks.statuses.${s}`) }))}
          style={{ marginBottom: 16 }}
        />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('taskbooks.plan')}>{d.planName}</Descriptions.Item>
          <Descriptions.Item label={t('taskbooks.unit')}>
            {d.unitCode} {d.unitName}
          </Descriptions.Item>
          <Descriptions.Item label={t('taskbooks.col.target')}>
            {t('taskbooks.progress', { set: d.targetsSet, total: d.targetsTotal })}
          </Descriptions.Item>
          {d.issuedAt && (
            <Descriptions.Item label={t('taskbooks.statuses.issued')}>
              {formatDateTime(d.issuedAt)} {d.issuedBy ?? ''}
            </Descriptions.Item>
          )}
        </Descriptions>
        {d.status === 'draft' && d.returnReason && (
          <Alert
            data-testid="tb-return-reason"
            type="error"
            showIcon
            title={t('taskbooks.returnedTitle')}
            description={d.returnReason}
            style={{ marginBottom: 12 }}
          />
        )}
        {d.status === 'issued' && (
          <Alert
            data-testid="tb-readonly"
            type="info"
            showIcon
            title={t('taskbooks.readOnlyIssued')}
            style={{ marginBottom: 12 }}
          />
        )}
        {d.pendingChange && (
          <Alert type="warning" showIcon title={t('taskbooks.pendingChange')} style={{ marginBottom: 12 }} />
        )}
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
        <Table<TaskTarget>
          data-testid="tb-targets"
          size="small"
          rowKey="indicator"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
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
                  size="small"
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
      <ReturnModal
        open={returning}
        loading={act.isPending}
        onCancel={() => setReturning(false)}
        onOk={(reason) => act.mutate({ action: 'return', reason })}
      />
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

function ReturnModal({
  open,
  loading,
  onCancel,
  onOk,
}: {
  open: boolean;
  loading: boolean;
  onCancel: () => void;
  onOk: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t('taskbooks.returnTitle')}
      onCancel={onCancel}
      confirmLoading={loading}
      okButtonProps={{ danger: true, 'data-testid': 'tb-return-ok' }}
      okText={t('taskbooks.actions.return')}
      onOk={() => form.validateFields().then((v) => onOk(v.reason.trim()))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('taskbooks.returnReason')}
          rules={[{ required: true, whitespace: true, message: t('taskbooks.reasonRequired') }]}
        >
          <Input.TextArea data-testid="tb-return-reason-input" rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ChangeRequestModal({
  book,
  onClose,
  onDone,
}: {
  book: TaskBookDetail;
  onClose: () => void;
  onDone: (next: TaskBookDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [reason, setReason] = useState('');
  const [proposed, setProposed] = useState<Map<string, number | null>>(new Map());
  const send = useMutation({
    mutationFn: () => {
      const targets = book.targets
        .filter((x) => proposed.has(x.indicator) && proposed.get(x.indicator) !== x.target)
        .map((x) => ({ ...inputOf(x), target: proposed.get(x.indicator) ?? null }));
      return tbApi.requestChange(book.id, reason.trim(), targets);
    },
    onSuccess: (next) => {
      message.success(t('taskbooks.changeSent'));
      onDone(next);
    },
    onError: showError,
  });
  const changed = book.targets.filter(
    (x) => proposed.has(x.indicator) && proposed.get(x.indicator) !== x.target,
  ).length;
  return (
    <Modal
      open
      width={820}
      title={t('taskbooks.changeTitle')}
      onCancel={onClose}
      confirmLoading={send.isPending}
      okButtonProps={{ disabled: !reason.trim() || changed === 0, 'data-testid': 'tb-change-ok' }}
      onOk={() => send.mutate()}
    >
      <Form layout="vertical">
        <Form.Item label={t('taskbooks.changeReason')} required>
          <Input.TextArea
            data-testid="tb-change-reason"
            rows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
        <Form.Item
          label={t('taskbooks.changeProposed')}
          help={changed === 0 ? t('taskbooks.changeNone') : undefined}
        >
          <Table<TaskTarget>
            size="small"
            rowKey="indicator"
            dataSource={book.targets}
            pagination={false}
            scroll={{ y: 360 }}
            columns={[
              { title: t('taskbooks.col.code'), dataIndex: 'indicator', width: 110 },
              { title: t('taskbooks.col.name'), dataIndex: 'name' },
              { title: t('taskbooks.col.target'), dataIndex: 'target', width: 110, render: fmt },
              {
                title: t('taskbooks.changeProposed'),
                key: 'proposed',
                width: 150,
                render: (_, x) => (
                  <InputNumber
                    data-testid="tb-change-target"
                    size="small"
                    value={proposed.has(x.indicator) ? proposed.get(x.indicator) : x.target}
                    onChange={(n) =>
                      setProposed((m) => new Map(m).set(x.indicator, typeof n === 'number' ? n : null))
                    }
                  />
                ),
              },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

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

function RevisionsDrawer({ bookId, open, onClose }: { bookId: number; open: boolean; onClose: () => void }) {
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
