import { ExperimentOutlined } from '@ant-design/icons';
import type { EvaluationRun } from '@jixiao/contracts';
import {
  compilePlan,
  createEvaluator,
  type EvaluationInput,
  type EvaluationResult,
  type Plan,
} from '@jixiao/engine';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan, useCurrentUser } from '../../shared/auth.js';
import { QueryState } from '../../shared/QueryState.js';
import { usePlan } from '../plans/api.js';
import { useRunInput } from './api.js';
import { GradeTag } from './GradeTag.js';
import { fmtScore } from './ranking.js';
import {
  applyChanges,
  computeDeltas,
  currentValue,
  deductionProblems,
  eventDraftLink,
  keepSimulation,
  loadSimulation,
  movedOnly,
  placesMoved,
  type SimulationScope,
  type Standing,
  type StandingDelta,
  VALUE_FIELDS,
  type ValueField,
  type WhatIfChange,
} from './whatif.js';

const num = { fontVariantNumeric: 'tabular-nums' as const, whiteSpace: 'nowrap' as const };

function standings(r: EvaluationResult): Standing[] {
  return r.units.map((u) => ({
    unit: u.unit,
    name: u.name ?? u.unit,
    group: u.group,
    total: u.total,
    rank: u.rank,
    grade: u.grade ? { code: u.grade.code, name: u.grade.name, color: u.grade.color } : null,
  }));
}

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
export default function WhatIfPanel({
  planId,
  period,
  run,
}: {
  planId: number;
  period: string;
  run: EvaluationRun;
}) {
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

type EventAsk = { type: 'deduction' | 'bonus' } | null;

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
      <div data-testid="whatif-changes">
        <Typography.Text strong>{t('whatif.changes')}：</Typography.Text>
        {changes.length === 0 ? (
          <Typography.Text type="secondary">{t('whatif.noChanges')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space size={[4, 4]} wrap>
              {changes.map((c, i) => (
                <Tag
                  // biome-ignore lint/suspicious/noArrayIndexKey: changes are a list in order; equal changes may repeat
                  key={i}
                  color="purple"
                  data-testid="whatif-change"
                  closable
                  style={{ whiteSpace: 'normal', maxWidth: '100%' }}
                  onClose={() => setChanges((cs) => cs.filter((_, j) => j !== i))}
                >
                  {describe(c)}
                  {c.type !== 'value' && canRecord && (
                    <Link
                      to={eventDraftLink(c, {
                        planId: scope.planId,
                        period: scope.period,
                        unitId: unitIds.get(c.unit),
                      })}
                      data-testid="whatif-to-event"
                      title={t('sim.toEventHint')}
                      style={{ marginInlineStart: 6 }}
                    >
                      {t('sim.toEvent')}
                    </Link>
                  )}
                </Tag>
              ))}
              <Button size="small" data-testid="whatif-clear" onClick={() => setChanges([])}>
                {t('sim.clear')}
              </Button>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="whatif-kept">
              {t('sim.kept', { user: scope.user, n: changes.length })}
            </Typography.Text>
          </Space>
        )}
      </div>
      {scenario.error && (
        <Alert type="error" showIcon title={t('whatif.engineError', { message: scenario.error.message })} />
      )}
      {mine?.before && mine.after && (
        <Descriptions
          data-testid="whatif-outcome"
          size="small"
          bordered
          column={{ xs: 1, sm: 3 }}
          title={`${t('sim.label')} · ${t('whatif.result')}：${unitLabel(mine.unit)}`}
          items={[
            {
              key: 't',
              label: t('whatif.newTotal'),
              children: (
                <span style={num} data-testid="whatif-new-total">
                  {fmtScore(mine.before.total)} → <b>{fmtScore(mine.after.total)}</b>{' '}
                  <Delta v={mine.dTotal} />
                </span>
              ),
            },
            {
              key: 'r',
              label: t('whatif.newRank'),
              children: (
                <span style={num}>
                  {mine.before.rank} → <b>{mine.after.rank}</b> <Places v={mine.dRank} />
                </span>
              ),
            },
            {
              key: 'g',
              label: t('whatif.newGrade'),
              children: (
                <Space size={4}>
                  <GradeTag grade={mine.before.grade ? { ...mine.before.grade, downgraded: false } : null} />→
                  <GradeTag grade={mine.after.grade ? { ...mine.after.grade, downgraded: false } : null} />
                </Space>
              ),
            },
          ]}
        />
      )}
      <Space>
        <Switch size="small" checked={onlyMoved} onChange={setOnlyMoved} />
        {t('whatif.movedOnly')}
      </Space>
      <Table<StandingDelta>
        data-testid="whatif-deltas"
        size="small"
        rowKey="unit"
        dataSource={shown}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('whatif.noChanges')} /> }}
        rowClassName={(d) => (d.unit === unit ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('results.unit'), key: 'unit', render: (_, d) => d.name },
          {
            title: t('results.total'),
            key: 'total',
            align: 'right',
            render: (_, d) => (
              <span style={num}>
                {fmtScore(d.before?.total)} → {fmtScore(d.after?.total)}
              </span>
            ),
          },
          { title: t('whatif.dTotal'), key: 'dt', align: 'right', render: (_, d) => <Delta v={d.dTotal} /> },
          {
            title: t('runs.rank'),
            key: 'rank',
            align: 'right',
            render: (_, d) => (
              <span style={num}>
                {d.before?.rank ?? '—'} → {d.after?.rank ?? '—'}
              </span>
            ),
          },
          { title: t('whatif.dRank'), key: 'dr', align: 'right', render: (_, d) => <Places v={d.dRank} /> },
          {
            title: t('results.grade'),
            key: 'grade',
            render: (_, d) =>
              d.gradeChanged ? (
                <Space size={4}>
                  <GradeTag grade={d.before?.grade ? { ...d.before.grade, downgraded: false } : null} />→
                  <GradeTag grade={d.after?.grade ? { ...d.after.grade, downgraded: false } : null} />
                </Space>
              ) : (
                <GradeTag grade={d.after?.grade ? { ...d.after.grade, downgraded: false } : null} />
              ),
          },
        ]}
      />
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

/** A change before the unit it applies to is added. */
type NoUnit<T> = T extends unknown ? Omit<T, 'unit'> : never;

interface EventForm {
  points: number | null;
  reason: string;
  source?: string;
  indicator?: string;
}

/** Asks for the amount and the reason of a simulated bonus or deduction (never −1 by default). */
function EventModal({
  ask,
  plan,
  leaves,
  leafName,
  unitLabel,
  onCancel,
  onOk,
}: {
  ask: EventAsk;
  plan: Plan;
  leaves: readonly string[];
  leafName: Map<string, string>;
  unitLabel: string;
  onCancel: () => void;
  onOk: (c: NoUnit<Extract<WhatIfChange, { type: 'bonus' | 'deduction' }>>) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EventForm>();
  const bonus = ask?.type === 'bonus';
  const rule = (which: 'points' | 'reason') => ({
    validator: (_: unknown, v: unknown) => {
      const p = deductionProblems(
        which === 'points' ? { points: v as number, reason: 'x' } : { points: 1, reason: v as string },
      );
      const key = p[which];
      return key ? Promise.reject(new Error(t(key))) : Promise.resolve();
    },
  });
  return (
    <Modal
      open={ask !== null}
      title={`${t(bonus ? 'sim.bonusTitle' : 'sim.deductionTitle')} · ${unitLabel}`}
      okText={t(bonus ? 'whatif.addBonus' : 'whatif.addDeduction')}
      okButtonProps={{ 'data-testid': 'whatif-event-ok' }}
      onCancel={onCancel}
      // Each ask starts from the initial values: the form's fields go with the hidden modal
      // (preserve={false}). Not a reset after the opening animation: on a slow machine that came
      // after the user had typed and wiped the amount and the reason.
      destroyOnHidden
      onOk={async () => {
        // Checked on the values themselves (the form's own check may still be running on the
        // last keystroke); when invalid, the form shows why and the modal stays open.
        const v = form.getFieldsValue(true) as EventForm;
        const bad = Object.keys(deductionProblems(v)).length > 0 || (bonus && !v.source);
        if (bad) {
          await form.validateFields().catch(() => undefined);
          return;
        }
        const reason = v.reason.trim();
        if (bonus) onOk({ type: 'bonus', source: v.source!, points: v.points!, reason });
        else
          onOk({
            type: 'deduction',
            points: v.points!,
            reason,
            ...(v.indicator ? { indicator: v.indicator } : {}),
          });
      }}
    >
      <Alert type="warning" showIcon title={t('sim.banner')} style={{ marginBottom: 12 }} />
      <Form<EventForm>
        form={form}
        preserve={false}
        layout="vertical"
        data-testid="whatif-event-form"
        initialValues={{ points: null, reason: '', source: plan.bonus?.sources[0]?.code }}
      >
        {bonus && (
          <Form.Item
            name="source"
            label={t('whatif.source')}
            rules={[{ required: true, message: t('whatif.source') }]}
          >
            <Select options={(plan.bonus?.sources ?? []).map((s) => ({ value: s.code, label: s.name }))} />
          </Form.Item>
        )}
        <Form.Item name="points" label={t('sim.points')} rules={[rule('points')]}>
          <InputNumber data-testid="whatif-event-points" min={0} step={0.5} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('sim.reason')} rules={[rule('reason')]}>
          <Input.TextArea
            data-testid="whatif-event-reason"
            rows={2}
            maxLength={2000}
            placeholder={t('sim.reasonPlaceholder')}
          />
        </Form.Item>
        {!bonus && (
          <Form.Item name="indicator" label={t('sim.indicatorOptional')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={leaves.map((c) => ({ value: c, label: `${c} ${leafName.get(c) ?? ''}` }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function Delta({ v }: { v: number }) {
  if (!v) return <span style={{ ...num, color: '#8c8c8c' }}>0.00</span>;
  return (
    <span style={{ ...num, color: v > 0 ? '#389e0d' : '#cf1322' }}>
      {v > 0 ? '+' : '−'}
      {Math.abs(v).toFixed(2)}
    </span>
  );
}

/** Δ名次 with its direction: ↑2 rose, ↓1 fell, — unchanged. */
function Places({ v }: { v: number }) {
  const { t } = useTranslation();
  const m = placesMoved(v);
  const color = m.dir === 'up' ? '#389e0d' : m.dir === 'down' ? '#cf1322' : '#8c8c8c';
  return (
    <span
      data-testid="whatif-drank"
      data-dir={m.dir}
      title={t(`sim.${m.dir}`, { n: m.n })}
      style={{ ...num, color }}
    >
      {m.text}
    </span>
  );
}
