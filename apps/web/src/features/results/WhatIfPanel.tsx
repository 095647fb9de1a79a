import { ExperimentOutlined } from '@ant-design/icons';
import { type EvaluationRun, standingOf } from '@jixiao/contracts';
import {
  compilePlan,
  createEvaluator,
  type EvaluationInput,
  type EvaluationResult,
  type Plan,
} from '@jixiao/engine';
import { Alert, Button, Card, Col, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useCurrentUser } from '../../shared/auth.js';
import { QueryState } from '../../shared/QueryState.js';
import { usePlan } from '../plans/api.js';
import { useRunInput } from './api.js';
import type { RunRef } from './runs.js';
import { type EventAsk, EventModal } from './WhatIfEventModal.js';
import { ChangeList, DeltaTable, UnitOutcome } from './WhatIfResults.js';
import {
  applyChanges,
  computeDeltas,
  currentValue,
  eventDraftLink,
  keepSimulation,
  loadSimulation,
  movedOnly,
  type SimulationScope,
  type Standing,
  VALUE_FIELDS,
  type ValueField,
  type WhatIfChange,
} from './whatif.js';

const standings = (r: EvaluationResult): Standing[] => r.units.map(standingOf);

const browserStore = () => {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
};

/**
 * What-if (模拟测算, issue 8 point 14): the run's own input, changed and re-scored in the browser
 * with @jixiao/engine. Nothing is ever written to the server; the simulation is kept per user in
 * this browser, and a simulated bonus or deduction becomes real only through the events page.
 */
export default function WhatIfPanel({ planId, period, run }: RunRef) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Card
      size="small"
      data-testid="whatif-panel"
      title={
        <Space wrap>
          <ExperimentOutlined />
          <span data-testid="whatif-label">{t('sim.label')}</span>
        </Space>
      }
      extra={
        !open && (
          <Button data-testid="whatif-load" size="small" onClick={() => setOpen(true)}>
            {t('whatif.load')}
          </Button>
        )
      }
    >
      <Alert
        data-testid="whatif-banner"
        type="warning"
        showIcon
        title={t('sim.banner')}
        description={t('sim.hint', { id: run.id })}
        style={{ marginBottom: open ? 12 : 0 }}
      />
      {open && <WhatIfBody planId={planId} period={period} run={run} />}
    </Card>
  );
}

function WhatIfBody({ planId, period, run }: { planId: number; period: string; run: EvaluationRun }) {
  const me = useCurrentUser();
  const plan = usePlan(planId);
  const data = useRunInput(planId, run.id);
  if (!plan.data || !data.data) return <QueryState query={plan} also={[data]} inline testId="whatif" />;
  return (
    <Scenario
      key={`${me.username}|${run.id}`}
      scope={{ user: me.username, planId, period, runId: run.id }}
      plan={plan.data.document as unknown as Plan}
      input={withUnits(data.data.input, period, run)}
      run={run}
    />
  );
}

/** The run's input names its units; an older stored input may not: then use the run's. */
function withUnits(input: EvaluationInput, period: string, run: EvaluationRun): EvaluationInput {
  const units =
    Array.isArray(input.units) && input.units.length > 0
      ? input.units
      : run.units.map((u) => ({ code: u.unit, name: u.name, group: u.group }));
  return { ...input, period: input.period ?? period, units, values: input.values ?? [] };
}

function Scenario({
  scope,
  plan,
  input,
  run,
}: {
  scope: SimulationScope;
  plan: Plan;
  input: EvaluationInput;
  run: EvaluationRun;
}) {
  const { t } = useTranslation();
  const canRecord = useCan('events.record');
  const names = useMemo(() => new Map(run.units.map((u) => [u.unit, u.name])), [run]);
  const unitIds = useMemo(() => new Map(run.units.map((u) => [u.unit, u.unitId])), [run]);
  const [changes, setChanges] = useState<WhatIfChange[]>(() => loadSimulation(browserStore(), scope));
  useEffect(() => keepSimulation(browserStore(), scope, changes), [scope, changes]);
  const push = (c: WhatIfChange) => setChanges((cs) => [...cs, c]);
  const [unit, setUnit] = useState<string | undefined>(input.units[0]?.code);
  const [indicator, setIndicator] = useState<string | undefined>();
  const [field, setField] = useState<ValueField>('value');
  const [newValue, setNewValue] = useState<number | null>(null);
  const [ask, setAsk] = useState<EventAsk>(null);
  const [onlyMoved, setOnlyMoved] = useState(true);

  // Compile once; each scenario is a fresh evaluator over the changed input (milliseconds for a city).
  const base = useMemo(() => {
    try {
      const compiled = compilePlan(plan);
      const ev = createEvaluator(compiled, input);
      return { compiled, leaves: ev.leafCodes, result: standings(ev.result()), error: null };
    } catch (e) {
      return { compiled: null, leaves: [] as readonly string[], result: [] as Standing[], error: e as Error };
    }
  }, [plan, input]);
  const changedInput = useMemo(() => applyChanges(input, changes), [input, changes]);
  const scenario = useMemo(() => {
    if (!base.compiled || changes.length === 0) return { result: base.result, error: null as Error | null };
    try {
      return { result: standings(createEvaluator(base.compiled, changedInput).result()), error: null };
    } catch (e) {
      return { result: base.result, error: e as Error };
    }
  }, [base, changedInput, changes.length]);

  const leafName = useMemo(() => {
    const m = new Map<string, string>();
    for (const ind of plan.indicators ?? []) {
      m.set(ind.code, ind.name);
      for (const s of ind.subItems ?? []) m.set(`${ind.code}.${s.code}`, `${ind.name} · ${s.name}`);
    }
    return m;
  }, [plan]);

  const group = input.units.find((u) => u.code === unit)?.group;
  const deltas = useMemo(() => computeDeltas(base.result, scenario.result, group), [base, scenario, group]);
  const shown = onlyMoved ? movedOnly(deltas) : deltas;
  const mine = deltas.find((d) => d.unit === unit);

  if (base.error)
    return <Alert type="error" showIcon title={t('whatif.engineError', { message: base.error.message })} />;

  const unitLabel = (code: string) => `${names.get(code) ?? code} (${code})`;
  const describe = (c: WhatIfChange) =>
    c.type === 'value'
      ? `${unitLabel(c.unit)} · ${c.indicator} · ${t(`whatif.fields.${c.field}`)} → ${c.value ?? '—'}`
      : c.type === 'bonus'
        ? `${unitLabel(c.unit)} · ${t('whatif.addBonus')} ${c.source} +${c.points}${c.reason ? ` ${c.reason}` : ''}`
        : `${unitLabel(c.unit)} · ${t('whatif.addDeduction')} −${c.points} ${c.reason}`;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Row gutter={[8, 8]}>
        <Col xs={24} md={8}>
          <Select
            data-testid="whatif-unit"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            placeholder={t('whatif.unit')}
            value={unit}
            onChange={setUnit}
            options={input.units.map((u) => ({ value: u.code, label: `${u.group} · ${unitLabel(u.code)}` }))}
          />
        </Col>
        <Col xs={24} md={8}>
          <Select
            data-testid="whatif-indicator"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            placeholder={t('whatif.indicator')}
            value={indicator}
            onChange={setIndicator}
            options={base.leaves.map((c) => ({ value: c, label: `${c} ${leafName.get(c) ?? ''}` }))}
          />
        </Col>
        <Col xs={12} md={4}>
          <Select
            style={{ width: '100%' }}
            value={field}
            onChange={setField}
            options={VALUE_FIELDS.map((f) => ({ value: f, label: t(`whatif.fields.${f}`) }))}
          />
        </Col>
        <Col xs={12} md={4}>
          <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
            {unit && indicator
              ? t('whatif.current', { v: currentValue(changedInput, unit, indicator, field) ?? '—' })
              : ''}
          </Typography.Text>
        </Col>
        <Col xs={24}>
          <Space wrap>
            <InputNumber
              data-testid="whatif-value"
              placeholder={t('whatif.newValue')}
              value={newValue}
              onChange={(v) => setNewValue(v)}
              style={{ width: 140 }}
            />
            <Button
              data-testid="whatif-apply"
              type="primary"
              disabled={!unit || !indicator}
              onClick={() =>
                push({ type: 'value', unit: unit!, indicator: indicator!, field, value: newValue })
              }
            >
              {t('whatif.change')}
            </Button>
            {plan.bonus?.sources.length ? (
              <Button
                data-testid="whatif-add-bonus"
                disabled={!unit}
                onClick={() => setAsk({ type: 'bonus' })}
              >
                {t('whatif.addBonus')}
              </Button>
            ) : null}
            <Button
              data-testid="whatif-add-deduction"
              disabled={!unit}
              onClick={() => setAsk({ type: 'deduction' })}
            >
              {t('whatif.addDeduction')}
            </Button>
          </Space>
        </Col>
      </Row>
      <ChangeList
        changes={changes}
        describe={describe}
        user={scope.user}
        eventLink={
          canRecord
            ? (c) =>
                eventDraftLink(c, { planId: scope.planId, period: scope.period, unitId: unitIds.get(c.unit) })
            : undefined
        }
        onRemove={(i) => setChanges((cs) => cs.filter((_, j) => j !== i))}
        onClear={() => setChanges([])}
      />
      {scenario.error && (
        <Alert type="error" showIcon title={t('whatif.engineError', { message: scenario.error.message })} />
      )}
      {mine?.before && mine.after && <UnitOutcome delta={mine} unitLabel={unitLabel(mine.unit)} />}
      <Space>
        <Switch size="small" checked={onlyMoved} onChange={setOnlyMoved} />
        {t('whatif.movedOnly')}
      </Space>
      <DeltaTable deltas={shown} selected={unit} />
      <EventModal
        ask={ask}
        plan={plan}
        leaves={base.leaves}
        leafName={leafName}
        unitLabel={unit ? unitLabel(unit) : ''}
        onCancel={() => setAsk(null)}
        onOk={(c) => {
          if (unit) push({ ...c, unit } as WhatIfChange);
          setAsk(null);
        }}
      />
    </Space>
  );
}
