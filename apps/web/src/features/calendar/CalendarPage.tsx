import { CalendarOutlined } from '@ant-design/icons';
import type { PeriodStateName, PeriodWindow } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Badge, Button, Calendar, Card, Empty, Popconfirm, Segmented, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../shared/auth.js';
import { CodeFilter, type CodeFilterSpec } from '../../shared/CodeFilter.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { useFeedback } from '../../shared/feedback.js';
import { QueryState } from '../../shared/QueryState.js';
import { usePlanParam } from '../../shared/usePlanParam.js';
import { tbApi, tbKeys, usePeriods } from '../taskbooks/api.js';
import { PlanPicker } from '../taskbooks/PlanPicker.js';
import {
  cstDay,
  groupByDueDay,
  initialMonth,
  type PeriodKind,
  STATE_COLORS,
  sortedWindows,
  type WindowFilter,
} from './calendar.js';
import { StateTag } from './StateTag.js';
import { WindowModal } from './WindowModal.js';

const KINDS: PeriodKind[] = ['M', 'Q', 'H', 'Y'];
const STATES: PeriodStateName[] = ['not_open', 'open', 'late', 'closed', 'reopened'];
const FILTERS: CodeFilterSpec<keyof WindowFilter>[] = [
  { key: 'kinds', codes: KINDS, labels: 'calendar.kinds', placeholder: 'calendar.filterKinds', width: 200 },
  {
    key: 'states',
    codes: STATES,
    labels: 'calendar.states',
    placeholder: 'calendar.filterStates',
    width: 240,
  },
];

/** Deadline calendar (S9, G7): every period's due day, coloured by state; the office manages it. */
export default function CalendarPage() {
  const { t, message, showError, queryClient: qc } = useFeedback();
  const manage = useCan('periods.manage');
  const [planId, setPlan] = usePlanParam();
  const [params] = useSearchParams();
  const periods = usePeriods(planId);
  const windows = periods.data ?? [];
  const byDay = useMemo(() => groupByDueDay(windows), [windows]);
  const [view, setView] = useState<'calendar' | 'list'>('calendar');
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [filter, setFilter] = useState<WindowFilter>({ kinds: [], states: [] });
  const [selected, setSelected] = useState<number | null>(null);

  // `?month=2026-11` opens that month (a link to a deadline); else the month of today's work.
  const monthParam = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month') : null;
  useEffect(() => {
    if (month === null && periods.data) {
      const m = monthParam ?? initialMonth(periods.data, new Date().toISOString());
      if (m) setMonth(dayjs(`${m}-01`));
    }
  }, [periods.data, month, monthParam]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new plan opens on its own month
  useEffect(() => setMonth(null), [planId]);

  const generate = useMutation({
    mutationFn: () => tbApi.generate(planId!),
    onSuccess: (list) => {
      message.success(t('calendar.generated', { n: list.length }));
      qc.setQueryData(tbKeys.periods(planId!), list);
    },
    onError: showError,
  });

  const current = windows.find((w) => w.id === selected) ?? null;

  return (
    <Card
      title={
        <Space>
          <CalendarOutlined />
          {t('calendar.title')}
        </Space>
      }
      data-testid="cal-page"
      extra={
        manage &&
        planId !== undefined && (
          <Popconfirm title={t('calendar.generate')} onConfirm={() => generate.mutate()}>
            <Button data-testid="cal-generate" loading={generate.isPending}>
              {t('calendar.generate')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <PlanPicker value={planId} onChange={setPlan} testId="cal-plan" />
        <Segmented
          data-testid="cal-view"
          value={view}
          onChange={(v) => setView(v as 'calendar' | 'list')}
          options={[
            { value: 'calendar', label: t('calendar.calendarView') },
            { value: 'list', label: t('calendar.listView') },
          ]}
        />
        <Space size={4} wrap>
          {STATES.map((s) => (
            <Badge
              key={s}
              color={STATE_COLORS[s] === 'default' ? '#bfbfbf' : STATE_COLORS[s]}
              text={t(`calendar.states.${s}`)}
            />
          ))}
        </Space>
      </Space>
      {!periods.data ? (
        <QueryState query={periods} testId="cal-periods" />
      ) : windows.length === 0 ? (
        <Empty data-testid="cal-empty" description={t('calendar.empty')} />
      ) : view === 'calendar' ? (
        <div data-testid="cal-calendar">
          <Calendar
            value={month ?? dayjs()}
            onPanelChange={(d) => setMonth(d)}
            onSelect={(d, info) => {
              if (info.source !== 'date') setMonth(d);
            }}
            cellRender={(d, info) => {
              if (info.type !== 'date') return info.originNode;
              const list = byDay.get(d.format('YYYY-MM-DD'));
              if (!list) return null;
              return (
                <div data-testid="cal-day" data-day={d.format('YYYY-MM-DD')}>
                  {list.map((w) => (
                    <StateTag key={w.id} w={w} short onClick={() => setSelected(w.id)} />
                  ))}
                </div>
              );
            }}
          />
        </div>
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            {FILTERS.map((f) => (
              <CodeFilter key={f.key} spec={f} state={[filter, setFilter]} testId="cal-filter" multiple />
            ))}
          </Space>
          <CompactTable<PeriodWindow>
            data-testid="cal-list"
            rowKey="id"
            loading={periods.isFetching}
            dataSource={sortedWindows(windows, filter)}
            onRow={(w) => ({ 'data-period': w.period }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('calendar.period'), dataIndex: 'period' },
              { title: t('calendar.opensAt'), dataIndex: 'opensAt', render: (v: string) => cstDay(v) },
              {
                title: t('calendar.dueAt'),
                dataIndex: 'dueAt',
                render: (v: string) => <span data-testid="cal-due">{cstDay(v)}</span>,
              },
              { title: t('calendar.state'), key: 'state', render: (_, w) => <StateTag w={w} /> },
              {
                title: t('calendar.reopenings'),
                key: 'reopenings',
                render: (_, w) =>
                  w.reopenings.map((r) => (
                    <div key={r.id} style={{ fontSize: 12 }}>
                      {t('calendar.reopeningItem', {
                        unit: r.unitName,
                        until: cstDay(r.until),
                        reason: r.reason,
                      })}
                    </div>
                  )),
              },
              {
                title: t('calendar.actions'),
                key: 'actions',
                render: (_, w) => (
                  <Button size="small" type="link" data-testid="cal-open" onClick={() => setSelected(w.id)}>
                    {manage ? t('calendar.edit') : t('taskbooks.queue.open')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      {current && planId !== undefined && (
        <WindowModal w={current} planId={planId} manage={manage} onClose={() => setSelected(null)} />
      )}
    </Card>
  );
}
