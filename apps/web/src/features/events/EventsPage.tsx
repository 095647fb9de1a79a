import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Empty, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../shared/auth.js';
import { CodeFilter, type CodeFilterSpec } from '../../shared/CodeFilter.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { PickerPage } from '../../shared/PickerPage.js';
import { QueryState } from '../../shared/QueryState.js';
import { useOrgNodes } from '../org/api.js';
import { usePlan } from '../plans/api.js';
import { PlanPeriodPickers, usePlanPeriodChoice } from '../plans/PlanPeriodPickers.js';
import { usePeriods } from '../submissions/api.js';
import { startedPeriods } from '../submissions/model.js';
import { type EventFilter, eventKeys, useEvents } from './api.js';
import { CapTable } from './CapTable.js';
import { DecisionModal, type Dialog, EvidenceDrawer } from './EventDialogs.js';
import { EventForm } from './EventForm.js';
import { EventTable } from './EventTable.js';
import {
  bonusRules,
  EVENT_KINDS,
  EVENT_STATUSES,
  type EventDraft,
  eventRights,
  leafIndicators,
  PREFILL_KEYS,
  prefillFromQuery,
  unitIdOf,
} from './model.js';
import { type UnitOption, unitsOf } from './units.js';

const FILTERS: CodeFilterSpec<'kind' | 'status'>[] = [
  { key: 'kind', codes: EVENT_KINDS, labels: 'events.kind', placeholder: 'events.allKinds', width: 120 },
  {
    key: 'status',
    codes: EVENT_STATUSES,
    labels: 'events.status',
    placeholder: 'events.allStatuses',
    width: 120,
  },
];

export default function EventsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const rights = eventRights(me);
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [pre] = useState(() => prefillFromQuery(params));
  const choice = usePlanPeriodChoice();
  const { plans, offered, plan, planId, period, periods: periodChoices } = choice;
  const [filter, setFilter] = useState<Partial<Pick<EventFilter, 'kind' | 'status'>>>({});
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
  const events = useEvents({ planId, period, ...filter, unitId });
  const bonuses = useEvents({ planId, kind: 'bonus' });
  const rules = useMemo(() => bonusRules(detail.data?.document), [detail.data]);
  const indicators = useMemo(() => leafIndicators(detail.data?.document), [detail.data]);
  const indicatorName = useMemo(() => new Map(indicators.map((i) => [i.code, i.name])), [indicators]);
  const sourceName = useMemo(() => new Map(rules.sources.map((s) => [s.code, s.name])), [rules]);
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

  if (!plans.data) return <QueryState query={plans} testId="ev-plans" />;
  if (!offered.length || !planId) return <Empty description={t('events.noPlans')} />;

  return (
    <PickerPage
      pickers={
        <>
          <PlanPeriodPickers choice={choice} value={period} testId="ev-filter" all={t('events.allPeriods')} />
          {FILTERS.map((f) => (
            <CodeFilter key={f.key} spec={f} state={[filter, setFilter]} testId="ev-filter" />
          ))}
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
            <CreateButton
              testId="ev-record"
              onClick={() => {
                setPrefilled(false);
                setFormOpen(true);
              }}
            >
              {t('events.record')}
            </CreateButton>
          )}
        </>
      }
    >
      {!rights.record && <Alert type="info" showIcon title={t('events.unitBonusVisible')} />}
      <CapTable events={bonuses.data ?? []} rules={rules} unitId={unitId} />
      <Card size="small">
        <EventTable
          events={events}
          rights={rights}
          sourceName={sourceName}
          indicatorName={indicatorName}
          linkedId={pre.eventId}
          onDialog={setDialog}
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
    </PickerPage>
  );
}
