import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import type { CycleEvent, EventKind, EventStatus, OrgNode } from '@jixiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Empty,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../shared/auth.js';
import { formatDateTime } from '../../shared/format.js';
import { QueryState, queryTable } from '../../shared/QueryState.js';
import { useOrgNodes } from '../org/api.js';
import { usePlan } from '../plans/api.js';
import { PlanPicker, usePlanChoice } from '../plans/PlanPicker.js';
import { periodOptions } from '../results/ranking.js';
import { usePeriods } from '../submissions/api.js';
import { startedPeriods } from '../submissions/model.js';
import { eventKeys, useEvents } from './api.js';
import { DecisionModal, type Dialog, EvidenceDrawer } from './EventDialogs.js';
import { EventForm, type UnitOption } from './EventForm.js';
import {
  bonusRules,
  capUsage,
  EVENT_KINDS,
  EVENT_STATUSES,
  type EventDraft,
  eventActions,
  eventRights,
  KIND_COLOR,
  leafIndicators,
  PREFILL_KEYS,
  prefillFromQuery,
  STATUS_COLOR,
  unitIdOf,
  VETO_CODES,
} from './model.js';

const when = formatDateTime;

/** The evaluated units of a plan's system (any system's when it has none), by code. */
function unitsOf(nodes: readonly OrgNode[], systemId: number | undefined): UnitOption[] {
  const all = nodes.filter((n) => n.groupId !== null && n.kind !== 'section');
  const mine = all.filter((n) => n.systemId === systemId);
  return (mine.length ? mine : all)
    .map((n) => ({ id: n.id, code: n.code, name: n.name }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

function CapTable({
  events,
  rules,
  unitId,
}: {
  events: CycleEvent[];
  rules: ReturnType<typeof bonusRules>;
  unitId?: number;
}) {
  const { t } = useTranslation();
  const rows = capUsage(events, rules).filter((r) => unitId === undefined || r.unitId === unitId);
  return (
    <Card size="small" title={t('events.cap.title')} data-testid="ev-cap">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('events.cap.hint')}
      </Typography.Paragraph>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('events.cap.none')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={4}>
          {rows.map((r) => (
            <div
              key={r.unitId}
              data-testid={`ev-cap-${r.unitCode}`}
              style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}
            >
              <span style={{ minWidth: 180 }}>
                {r.unitCode} {r.unitName}
              </span>
              <span data-testid={`ev-cap-usage-${r.unitCode}`}>
                {r.cap !== null
                  ? t('events.cap.usage', { approved: r.approved, cap: r.cap })
                  : t('events.cap.usageNoCap', { approved: r.approved })}
              </span>
              {r.cap !== null && (
                <Progress
                  style={{ width: 120, margin: 0 }}
                  size="small"
                  percent={Math.min(100, (r.shared / r.cap) * 100)}
                  status={r.over ? 'exception' : 'normal'}
                  showInfo={false}
                />
              )}
              {r.counted !== r.approved && <Tag>{t('events.cap.counted', { counted: r.counted })}</Tag>}
              {r.pending > 0 && <Tag color="processing">{`${t('events.cap.pending')} ${r.pending}`}</Tag>}
              {r.over && <Tag color="error">{t('events.cap.over')}</Tag>}
              {!r.over && r.pendingOver && <Tag color="warning">{t('events.cap.pendingOver')}</Tag>}
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}

export default function EventsPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const me = useCurrentUser();
  const rights = eventRights(me);
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [pre] = useState(() => prefillFromQuery(params));
  const { plans, offered, plan, planId, setPlan } = usePlanChoice({ resets: ['period'] });
  const period = params.get('period') ?? undefined;
  const [kind, setKind] = useState<EventKind | undefined>(undefined);
  const [status, setStatus] = useState<EventStatus | undefined>(undefined);
  const [unitFilter, setUnitId] = useState<number | undefined>(undefined);
  /** The unit a trace link names by code filters the list until the user picks another. */
  const [linkedUnit, setLinkedUnit] = useState(pre.draft ? undefined : pre.unitCode);
  const [formOpen, setFormOpen] = useState(!!pre.draft && rights.record);
  const [prefilled, setPrefilled] = useState(!!pre.draft);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  // The what-if link names the plan as planId=: take it, then drop the form's keys from the URL.
  useEffect(() => {
    if (!PREFILL_KEYS.some((k) => params.has(k))) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (pre.planId && !next.get('plan')) next.set('plan', String(pre.planId));
        if (pre.period && !next.get('period')) next.set('period', pre.period);
        for (const k of PREFILL_KEYS) next.delete(k);
        return next;
      },
      { replace: true },
    );
  }, [params, setParams, pre]);

  const detail = usePlan(planId);
  const periods = usePeriods(planId);
  const nodes = useOrgNodes();
  const units: UnitOption[] = useMemo(() => unitsOf(nodes.data ?? [], plan?.systemId), [nodes.data, plan]);
  const unitId = unitFilter ?? unitIdOf(units, linkedUnit);
  const events = useEvents({ planId, period, kind, status, unitId });
  const bonuses = useEvents({ planId, kind: 'bonus' });
  const rules = useMemo(() => bonusRules(detail.data?.document), [detail.data]);
  const indicators = useMemo(() => leafIndicators(detail.data?.document), [detail.data]);
  const indicatorName = useMemo(() => new Map(indicators.map((i) => [i.code, i.name])), [indicators]);
  const sourceName = useMemo(() => new Map(rules.sources.map((s) => [s.code, s.name])), [rules]);
  const periodChoices = useMemo(() => (plan ? periodOptions(plan.year) : []), [plan]);
  const defaultPeriod =
    pre.period ??
    period ??
    startedPeriods(periods.data ?? [])[0]?.period ??
    (plan ? `${plan.year}-Y` : undefined);
  const initial: EventDraft = useMemo(
    () => ({
      kind: 'deduction',
      reason: '',
      period: defaultPeriod,
      ...(prefilled ? { unitId: unitIdOf(units, pre.unitCode), ...pre.draft } : {}),
    }),
    [defaultPeriod, prefilled, pre.draft, pre.unitCode, units],
  );

  const setPeriod = useCallback(
    (p: string | undefined) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (p) next.set('period', p);
          else next.delete('period');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const itemText = (e: CycleEvent) => {
    if (e.kind === 'bonus') return e.code ? (sourceName.get(e.code) ?? e.code) : '—';
    if (e.kind === 'veto')
      return e.code
        ? (VETO_CODES as readonly string[]).includes(e.code)
          ? t(`events.veto.${e.code}`)
          : e.code
        : '—';
    return '—';
  };

  const columns: ColumnsType<CycleEvent> = [
    {
      title: t('events.col.unit'),
      key: 'unit',
      width: 170,
      render: (_, e) => `${e.unitCode} ${e.unitName}`,
      sorter: (a, b) => a.unitCode.localeCompare(b.unitCode),
    },
    {
      title: t('events.col.kind'),
      key: 'kind',
      width: 96,
      render: (_, e) => <Tag color={KIND_COLOR[e.kind]}>{t(`events.kind.${e.kind}`)}</Tag>,
    },
    { title: t('events.col.item'), key: 'item', width: 160, render: (_, e) => itemText(e) },
    {
      title: t('events.col.indicator'),
      key: 'ind',
      width: 140,
      render: (_, e) =>
        e.indicator ? (
          <span>
            <Typography.Text code>{e.indicator}</Typography.Text> {indicatorName.get(e.indicator) ?? ''}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('events.col.points'),
      key: 'points',
      width: 80,
      align: 'right',
      render: (_, e) => (e.points === null ? '—' : e.kind === 'deduction' ? `−${e.points}` : `+${e.points}`),
    },
    {
      title: t('events.col.reason'),
      key: 'reason',
      width: 260,
      ellipsis: { showTitle: false },
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
      render: (_, e) => (
        <Tooltip
          title={
            e.decidedAt
              ? [
                  t('events.decidedBy', { by: e.decidedBy ?? '—', at: when(e.decidedAt) }),
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
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>
            {e.createdBy ?? '—'} · {when(e.createdAt)}
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
      render: (_, e) => (
        <Button
          size="small"
          type="link"
          icon={<PaperClipOutlined />}
          data-testid={`ev-evidence-${e.id}`}
          onClick={() =>
            setDialog({ kind: 'evidence', event: e, canAttach: eventActions(e, rights).includes('attach') })
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
                onClick={() => setDialog({ kind: a as 'approve' | 'reject' | 'withdraw', event: e })}
              >
                {t(`events.${a}`)}
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  if (!plans.data) return <QueryState query={plans} testId="ev-plans" />;
  if (!offered.length || !planId) return <Empty description={t('events.noPlans')} />;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <PlanPicker offered={offered} value={planId} onChange={setPlan} testId="ev-plan" />
          <Select
            data-testid="ev-filter-period"
            allowClear
            style={{ width: 140 }}
            placeholder={t('events.allPeriods')}
            value={period}
            onChange={(v: string | undefined) => setPeriod(v)}
            options={periodChoices.map((p) => ({ value: p, label: p }))}
          />
          <Select
            data-testid="ev-filter-kind"
            allowClear
            style={{ width: 120 }}
            placeholder={t('events.allKinds')}
            value={kind}
            onChange={setKind}
            options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
          />
          <Select
            data-testid="ev-filter-status"
            allowClear
            style={{ width: 120 }}
            placeholder={t('events.allStatuses')}
            value={status}
            onChange={setStatus}
            options={EVENT_STATUSES.map((s) => ({ value: s, label: t(`events.status.${s}`) }))}
          />
          <Select
            data-testid="ev-filter-unit"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220, maxWidth: '100%' }}
            placeholder={t('events.allUnits')}
            value={unitId}
            onChange={(v: number | undefined) => {
              setLinkedUnit(undefined);
              setUnitId(v);
            }}
            options={units.map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
          />
          {rights.record && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="ev-record"
              onClick={() => {
                setPrefilled(false);
                setFormOpen(true);
              }}
            >
              {t('events.record')}
            </Button>
          )}
        </div>
      </Card>
      {!rights.record && <Alert type="info" showIcon title={t('events.unitBonusVisible')} />}
      <CapTable events={bonuses.data ?? []} rules={rules} unitId={unitId} />
      <Card size="small">
        <Table<CycleEvent>
          data-testid="ev-table"
          size="small"
          rowKey="id"
          {...queryTable(events, t('events.empty'), 'ev-list')}
          dataSource={events.data ?? []}
          columns={columns}
          onRow={(e) =>
            ({
              'data-row': `${e.unitCode}-${e.kind}-${e.id}`,
              ...(e.id === pre.eventId
                ? { 'data-linked': 'true', style: { background: token.colorWarningBg } }
                : {}),
            }) as React.HTMLAttributes<HTMLElement>
          }
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 1560 }}
        />
      </Card>
      {rights.record && (
        <EventForm
          open={formOpen}
          planId={planId}
          initial={initial}
          prefilled={prefilled}
          periods={periodChoices}
          units={units}
          rules={rules}
          indicators={indicators}
          events={bonuses.data ?? []}
          onClose={() => setFormOpen(false)}
          onSaved={() => {
            setFormOpen(false);
            setPrefilled(false);
            void queryClient.invalidateQueries({ queryKey: eventKeys.all });
          }}
        />
      )}
      <DecisionModal dialog={dialog} onClose={() => setDialog(null)} />
      <EvidenceDrawer dialog={dialog} onClose={() => setDialog(null)} />
    </Space>
  );
}
