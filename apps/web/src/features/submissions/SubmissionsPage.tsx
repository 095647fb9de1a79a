import {
  CheckOutlined,
  DownloadOutlined,
  HistoryOutlined,
  PaperClipOutlined,
  SaveOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { ImportRowError } from '@jixiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api.js';
import { formatError, useShowError } from '../../shared/feedback.js';
import { QueryState } from '../../shared/QueryState.js';
import { importErrors } from '../org/ImportControls.js';
import {
  createSubmission,
  type SubmissionSlot,
  subKeys,
  templateUrl,
  updateSubmission,
  uploadValues,
  usePeriods,
  useSlots,
  useSlotsOf,
} from './api.js';
import {
  computeTodos,
  defaultPeriod,
  initialDraft,
  isDirty,
  type PeriodTodos,
  type RowDraft,
  rowState,
  STATUS_COLOR,
  slotKey,
  startedPeriods,
  stateFor,
} from './model.js';
import { PlanSelect, usePlanPeriodParams } from './PlanSelect.js';
import { type DrawerTab, SubmissionDrawer } from './SubmissionDrawer.js';

const rowId = (s: Pick<SubmissionSlot, 'unitCode' | 'indicator'>) => `${s.unitCode}-${s.indicator}`;

/** Periods open or late with missing values, and returned values with their reasons. */
function TodoStrip({ todos, onPick }: { todos: PeriodTodos[]; onPick: (period: string) => void }) {
  const { t } = useTranslation();
  if (!todos.length)
    return <Alert data-testid="sub-todos" type="success" showIcon title={t('submissions.todo.none')} />;
  return (
    <Card size="small" title={t('submissions.todo.title')} data-testid="sub-todos">
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        {todos.map((p) => (
          <div key={p.period}>
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onPick(p.period)}>
              {p.period}
            </Button>{' '}
            <Tag color={p.state === 'late' ? 'orange' : 'blue'}>
              {t(`submissions.periodState.${p.state}`)}
            </Tag>
            {p.missing.length > 0 && (
              <Tag color="red" data-testid={`sub-todo-missing-${p.period}`}>
                {t('submissions.todo.missing', { n: p.missing.length })}
              </Tag>
            )}
            {p.missing.length > 0 && (
              <Typography.Text type="secondary">
                {p.missing.map((m) => `${m.indicator} ${m.indicatorName}`).join('、')}
              </Typography.Text>
            )}
            {p.returned.map((r) => (
              <div
                key={`${r.unitId}|${r.indicator}`}
                style={{ marginLeft: 16 }}
                data-testid="sub-todo-returned"
              >
                <Tag color="error">{t('submissions.status.returned')}</Tag>
                {r.unitName} · {r.indicator} {r.indicatorName}
                {r.reason ? (
                  <Typography.Text type="danger">
                    {' '}
                    — {t('submissions.returnReason')}：{r.reason}
                  </Typography.Text>
                ) : null}
              </div>
            ))}
          </div>
        ))}
      </Space>
    </Card>
  );
}

interface ReasonAsk {
  slots: SubmissionSlot[];
  submit: boolean;
}

export default function SubmissionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const { plans, usable, planId, period: periodParam, setPlan, setPeriod } = usePlanPeriodParams();
  const periods = usePeriods(planId);
  const started = useMemo(() => startedPeriods(periods.data ?? []), [periods.data]);
  const todoQueries = useSlotsOf(
    planId,
    started.map((w) => w.period),
  );
  const todosReady = periods.isSuccess && todoQueries.every((q) => !q.isPending);
  const stamp = todoQueries.map((q) => q.dataUpdatedAt).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stamp` says when any period's data changed
  const todos = useMemo(() => {
    const byPeriod = new Map(
      todoQueries.flatMap((q) => (q.data ? [[q.data.period, q.data.items] as const] : [])),
    );
    return computeTodos(periods.data ?? [], (p) => byPeriod.get(p), Date.now());
  }, [periods.data, stamp]);
  const period = periodParam ?? (todosReady ? defaultPeriod(periods.data ?? [], todos) : undefined);
  const slots = useSlots(planId, period);
  // Pin the default into the URL so the form stays on it when its to-dos are done.
  useEffect(() => {
    if (!periodParam && period) setPeriod(period);
  }, [periodParam, period, setPeriod]);

  const [drafts, setDrafts] = useState<Record<string, RowDraft>>({});
  const [busy, setBusy] = useState<Record<string, boolean>>({});
  const [unitFilter, setUnitFilter] = useState<number | undefined>(undefined);
  const [drawer, setDrawer] = useState<{ id: number; tab: DrawerTab; canUpload: boolean } | null>(null);
  const [reasonAsk, setReasonAsk] = useState<ReasonAsk | null>(null);
  const [reason, setReason] = useState('');
  const [rejected, setRejected] = useState<ImportRowError[] | null>(null);
  const [uploading, setUploading] = useState(false);

  const items = slots.data?.items ?? [];
  // A link from a trace (`?submission=ID`) opens that value's history once its form has loaded.
  const [searchParams] = useSearchParams();
  const linked = Number(searchParams.get('submission')) || null;
  const [linkOpened, setLinkOpened] = useState(false);
  useEffect(() => {
    if (!linked || linkOpened || !slots.data) return;
    const slot = slots.data.items.find((s) => s.submission?.id === linked);
    if (slot) setDrawer({ id: linked, tab: 'history', canUpload: slot.canWrite });
    setLinkOpened(true);
  }, [linked, linkOpened, slots.data]);
  const serverState = slots.data?.periodState ?? null;
  const win = periods.data?.find((w) => w.period === period);
  const now = Date.now();
  /** The period's state for a row's unit (a closed period may be reopened for one unit). */
  const stateOf = (s: Pick<SubmissionSlot, 'unitId'>) => (win ? stateFor(win, s.unitId, now) : serverState);
  const units = useMemo(() => {
    const m = new Map<number, string>();
    for (const s of items) m.set(s.unitId, `${s.unitCode} ${s.unitName}`);
    return [...m.entries()];
  }, [items]);
  const multiUnit = units.length > 1;
  const periodState = !multiUnit && items[0] ? stateOf(items[0]) : serverState;
  const pickerUnit = !multiUnit ? items[0]?.unitId : undefined;
  const shown = unitFilter ? items.filter((s) => s.unitId === unitFilter) : items;
  const draftOf = (s: SubmissionSlot) => drafts[slotKey(s)] ?? initialDraft(s);
  const setDraft = (s: SubmissionSlot, patch: Partial<RowDraft>) =>
    setDrafts((d) => ({ ...d, [slotKey(s)]: { ...(d[slotKey(s)] ?? initialDraft(s)), ...patch } }));
  const clearDraft = (s: SubmissionSlot) =>
    setDrafts((d) => {
      const { [slotKey(s)]: _, ...rest } = d;
      return rest;
    });

  const reload = () => queryClient.invalidateQueries({ queryKey: subKeys.all });

  /** Saves one row; false when it failed (the message is shown here). */
  async function saveOne(s: SubmissionSlot, submit: boolean, why?: string): Promise<boolean> {
    if (!planId || !period) return false;
    const d = draftOf(s);
    if (d.value === null) {
      message.error(t('submissions.valueRequired', { indicator: `${s.indicator} ${s.indicatorName}` }));
      return false;
    }
    const body = {
      value: d.value,
      measureUnit: d.measureUnit?.trim() || null,
      note: d.note.trim() || null,
      submit,
    };
    const k = slotKey(s);
    setBusy((b) => ({ ...b, [k]: true }));
    try {
      if (s.submission)
        await updateSubmission(s.submission.id, {
          ...body,
          version: s.submission.version,
          ...(why ? { reason: why } : {}),
        });
      else await createSubmission({ ...body, planId, unitId: s.unitId, indicator: s.indicator, period });
      clearDraft(s);
      return true;
    } catch (e) {
      if (isApiError(e) && (e.code === 'VERSION_CONFLICT' || e.status === 409)) {
        message.error({
          content: `${formatError(t, e)} ${t('submissions.conflictReloaded', { indicator: s.indicator })}`,
          duration: 6,
        });
        clearDraft(s);
      } else showError(e);
      return false;
    } finally {
      setBusy((b) => ({ ...b, [k]: false }));
    }
  }

  async function save(list: SubmissionSlot[], submit: boolean, why?: string) {
    let ok = 0;
    for (const s of list) if (await saveOne(s, submit, why)) ok++;
    await reload();
    if (ok)
      message.success(
        list.length === 1
          ? t(submit ? 'submissions.submitted' : 'submissions.saved')
          : t(submit ? 'submissions.submittedN' : 'submissions.savedN', { n: ok }),
      );
  }

  /** Save or submit rows, asking for a reason first when one of them corrects a verified value. */
  function request(list: SubmissionSlot[], submit: boolean) {
    if (list.some((s) => rowState(s, stateOf(s)).needsReason)) {
      setReason('');
      setReasonAsk({ slots: list, submit });
    } else void save(list, submit);
  }

  const editableRows = shown.filter((s) => rowState(s, stateOf(s)).editable);
  const dirtyRows = editableRows.filter((s) => isDirty(s, draftOf(s)) && draftOf(s).value !== null);
  const submittableRows = editableRows.filter(
    (s) =>
      draftOf(s).value !== null &&
      (isDirty(s, draftOf(s)) || s.submission?.status === 'draft' || s.submission?.status === 'returned'),
  );

  async function uploadXlsx(file: File) {
    if (!planId || !period) return;
    setUploading(true);
    try {
      const r = await uploadValues(planId, period, file);
      message.success(t('submissions.bulk.done', { created: r.created, updated: r.updated }));
      setDrafts({});
      await reload();
    } catch (e) {
      if (isApiError(e) && e.code === 'IMPORT_REJECTED') {
        const rows = importErrors(e.details);
        setRejected(rows.length ? rows : [{ line: 0, message: e.message }]);
      } else showError(e);
    } finally {
      setUploading(false);
    }
  }

  const columns: ColumnsType<SubmissionSlot> = [
    ...(multiUnit
      ? [
          {
            title: t('submissions.col.unit'),
            key: 'unit',
            width: 160,
            render: (_: unknown, s: SubmissionSlot) => `${s.unitCode} ${s.unitName}`,
          },
        ]
      : []),
    {
      title: t('submissions.col.indicator'),
      key: 'indicator',
      render: (_, s) => (
        <span>
          <Typography.Text code>{s.indicator}</Typography.Text> {s.indicatorName}
          {s.providerOwned && (
            <div>
              <Tag color="purple" data-testid={`sub-provider-${rowId(s)}`}>
                {t('submissions.providedBy', { owner: s.owner ?? t('submissions.provider') })}
              </Tag>
            </div>
          )}
        </span>
      ),
    },
    {
      title: t('submissions.col.value'),
      key: 'value',
      width: 150,
      render: (_, s) => {
        const st = rowState(s, stateOf(s));
        if (!st.editable)
          return (
            <span data-testid={`sub-value-ro-${rowId(s)}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {s.submission?.value ?? '—'}
            </span>
          );
        return (
          <InputNumber
            data-testid={`sub-value-${rowId(s)}`}
            aria-label={`${s.indicator} ${t('submissions.col.value')}`}
            style={{ width: '100%' }}
            value={draftOf(s).value}
            onChange={(v) => setDraft(s, { value: typeof v === 'number' && Number.isFinite(v) ? v : null })}
          />
        );
      },
    },
    {
      title: t('submissions.col.measureUnit'),
      key: 'mu',
      width: 96,
      render: (_, s) =>
        s.measureUnit || !rowState(s, stateOf(s)).editable ? (
          (s.submission?.measureUnit ?? s.measureUnit ?? '—')
        ) : (
          <Input
            size="small"
            maxLength={32}
            value={draftOf(s).measureUnit ?? ''}
            onChange={(e) => setDraft(s, { measureUnit: e.target.value })}
          />
        ),
    },
    {
      title: t('submissions.col.note'),
      key: 'note',
      render: (_, s) =>
        rowState(s, stateOf(s)).editable ? (
          <Input
            data-testid={`sub-note-${rowId(s)}`}
            maxLength={1000}
            value={draftOf(s).note}
            onChange={(e) => setDraft(s, { note: e.target.value })}
          />
        ) : (
          (s.submission?.note ?? '')
        ),
    },
    {
      title: t('submissions.col.status'),
      key: 'status',
      width: 140,
      render: (_, s) => {
        const st = rowState(s, stateOf(s));
        const tag = (
          <Tag color={STATUS_COLOR[st.status]} data-testid={`sub-status-${rowId(s)}`} data-status={st.status}>
            {t(`submissions.status.${st.status}`)}
          </Tag>
        );
        return (
          <Space size={2} wrap>
            {s.submission?.returnReason ? <Tooltip title={s.submission.returnReason}>{tag}</Tooltip> : tag}
            {st.late && <Tag color="orange">{t('submissions.late')}</Tag>}
            {isDirty(s, draftOf(s)) && <Tag>{t('submissions.unsaved')}</Tag>}
          </Space>
        );
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      render: (_, s) => {
        const st = rowState(s, stateOf(s));
        const k = slotKey(s);
        return (
          <Space size={0} wrap>
            {st.editable && (
              <>
                <Tooltip title={st.needsReason ? t('submissions.correctHint') : undefined}>
                  <Button
                    size="small"
                    type="link"
                    icon={<SaveOutlined />}
                    disabled={busy[k] || draftOf(s).value === null || st.needsReason}
                    onClick={() => request([s], false)}
                    data-testid={`sub-save-${rowId(s)}`}
                  >
                    {t('submissions.saveDraft')}
                  </Button>
                </Tooltip>
                <Button
                  size="small"
                  type="link"
                  icon={st.needsReason ? <CheckOutlined /> : <SendOutlined />}
                  loading={busy[k]}
                  disabled={
                    draftOf(s).value === null ||
                    (s.submission?.status === 'submitted' && !isDirty(s, draftOf(s))) ||
                    (st.needsReason && !isDirty(s, draftOf(s)))
                  }
                  onClick={() => request([s], true)}
                  data-testid={`sub-submit-${rowId(s)}`}
                >
                  {st.needsReason ? t('submissions.correct') : t('submissions.submit')}
                </Button>
              </>
            )}
            <Tooltip title={s.submission ? undefined : t('submissions.evidence.saveFirst')}>
              <Button
                size="small"
                type="link"
                icon={<PaperClipOutlined />}
                disabled={!s.submission}
                data-testid={`sub-evidence-${rowId(s)}`}
                onClick={() =>
                  s.submission && setDrawer({ id: s.submission.id, tab: 'evidence', canUpload: s.canWrite })
                }
              >
                {s.submission?.evidenceCount ?? 0}
              </Button>
            </Tooltip>
            <Button
              size="small"
              type="link"
              icon={<HistoryOutlined />}
              disabled={!s.submission}
              aria-label={t('submissions.history.title')}
              data-testid={`sub-history-${rowId(s)}`}
              onClick={() =>
                s.submission && setDrawer({ id: s.submission.id, tab: 'history', canUpload: s.canWrite })
              }
            />
          </Space>
        );
      },
    },
  ];

  if (!plans.data) return <QueryState query={plans} testId="sub-plans" />;
  if (!usable.length) return <Empty description={t('submissions.noPlans')} />;

  const windowOptions = [...(periods.data ?? [])]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((w) => ({
      value: w.period,
      label: `${w.period} · ${t(`submissions.periodState.${pickerUnit ? stateFor(w, pickerUnit, now) : w.state}`)}`,
    }));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <PlanSelect plans={usable} value={planId} onChange={setPlan} testId="sub-plan" />
          <Select
            data-testid="sub-period"
            style={{ width: 200 }}
            value={period}
            loading={periods.isPending || !todosReady}
            onChange={(v: string) => {
              setDrafts({});
              setPeriod(v);
            }}
            options={windowOptions}
            placeholder={t('submissions.pickPeriod')}
          />
          {multiUnit && (
            <Select
              data-testid="sub-unit"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 240 }}
              placeholder={t('submissions.allUnits')}
              value={unitFilter}
              onChange={(v) => setUnitFilter(v)}
              options={units.map(([id, label]) => ({ value: id, label }))}
            />
          )}
          {periodState && (
            <Tag
              data-testid="sub-period-state"
              color={periodState === 'late' ? 'orange' : periodState === 'closed' ? 'default' : 'blue'}
            >
              {t(`submissions.periodState.${periodState}`)}
            </Tag>
          )}
        </Space>
      </Card>
      {todosReady && <TodoStrip todos={todos} onPick={(p) => setPeriod(p)} />}
      <Card
        size="small"
        title={period ? t('submissions.formTitle', { period }) : t('submissions.title')}
        extra={
          planId &&
          period && (
            <Space wrap>
              <Button
                size="small"
                icon={<DownloadOutlined />}
                href={templateUrl(planId, period)}
                data-testid="sub-template"
              >
                {t('submissions.bulk.template')}
              </Button>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                disabled={periodState === 'closed' || periodState === 'not_open'}
                beforeUpload={(file) => {
                  void uploadXlsx(file);
                  return false;
                }}
              >
                <Button
                  size="small"
                  icon={<UploadOutlined />}
                  loading={uploading}
                  data-testid="sub-upload"
                  disabled={periodState === 'closed' || periodState === 'not_open'}
                >
                  {t('submissions.bulk.upload')}
                </Button>
              </Upload>
              <Button
                size="small"
                icon={<SaveOutlined />}
                disabled={!dirtyRows.some((s) => !rowState(s, stateOf(s)).needsReason)}
                onClick={() =>
                  void save(
                    dirtyRows.filter((s) => !rowState(s, stateOf(s)).needsReason),
                    false,
                  )
                }
                data-testid="sub-save-all"
              >
                {t('submissions.saveAll')}
              </Button>
              <Button
                size="small"
                type="primary"
                icon={<SendOutlined />}
                disabled={!submittableRows.length}
                onClick={() => request(submittableRows, true)}
                data-testid="sub-submit-all"
              >
                {t('submissions.submitAll', { n: submittableRows.length })}
              </Button>
            </Space>
          )
        }
      >
        {periodState === 'closed' && (
          <Alert type="warning" showIcon title={t('submissions.closedHint')} style={{ marginBottom: 8 }} />
        )}
        <QueryState query={slots} also={[periods]} inline testId="sub-slots">
          <Table<SubmissionSlot>
            data-testid="sub-table"
            size="small"
            rowKey={slotKey}
            loading={slots.isFetching}
            dataSource={shown}
            columns={columns}
            pagination={shown.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 1000 }}
            onRow={(s) => ({ 'data-row': rowId(s) }) as React.HTMLAttributes<HTMLElement>}
          />
        </QueryState>
      </Card>
      <SubmissionDrawer
        submissionId={drawer?.id}
        tab={drawer?.tab ?? 'evidence'}
        canUpload={!!drawer?.canUpload}
        onClose={() => setDrawer(null)}
      />
      <Modal
        open={reasonAsk !== null}
        title={t('submissions.reasonTitle')}
        okText={t('submissions.correct')}
        okButtonProps={{ disabled: !reason.trim(), 'data-testid': 'sub-reason-ok' }}
        onCancel={() => setReasonAsk(null)}
        onOk={() => {
          const ask = reasonAsk;
          setReasonAsk(null);
          if (ask) void save(ask.slots, ask.submit, reason.trim());
        }}
      >
        <Typography.Paragraph type="secondary">{t('submissions.reasonHint')}</Typography.Paragraph>
        <Input.TextArea
          data-testid="sub-reason"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
      <Modal
        open={rejected !== null}
        title={t('submissions.bulk.rejectedTitle')}
        onCancel={() => setRejected(null)}
        footer={<Button onClick={() => setRejected(null)}>{t('common.close')}</Button>}
        width={720}
      >
        <Alert
          type="error"
          showIcon
          title={t('submissions.bulk.nothingImported', { n: rejected?.length ?? 0 })}
          style={{ marginBottom: 12 }}
        />
        <Table<ImportRowError & { key: number }>
          data-testid="sub-import-errors"
          size="small"
          dataSource={(rejected ?? []).map((r, i) => ({ ...r, key: i }))}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('submissions.bulk.line'), dataIndex: 'line', width: 90 },
            { title: t('submissions.bulk.field'), dataIndex: 'field', width: 130, render: (v) => v ?? '—' },
            { title: t('submissions.bulk.message'), dataIndex: 'message' },
          ]}
        />
      </Modal>
    </Space>
  );
}
