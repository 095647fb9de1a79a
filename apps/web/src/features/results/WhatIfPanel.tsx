import { ArrowDownOutlined, ArrowUpOutlined, ExperimentOutlined } from '@ant-design/icons';
import type { EvaluationRun } from '@jixiao/contracts';
import {
  compilePlan,
  createEvaluator,
  type EvaluationInput,
  type EvaluationResult,
  type Plan,
} from '@jixiao/engine';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, request } from '../../shared/api.js';
import { formatError } from '../../shared/feedback.js';
import { planKeys, usePlan, usePlanData } from '../plans/api.js';
import { GradeTag } from './GradeTag.js';
import { fmtScore } from './ranking.js';
import {
  applyChanges,
  computeDeltas,
  currentValue,
  movedOnly,
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
        <Space>
          <ExperimentOutlined />
          {t('whatif.title')}
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
      <Typography.Paragraph type="secondary" style={{ marginBottom: open ? 12 : 0 }}>
        {t('whatif.hint')}
      </Typography.Paragraph>
      {open && <WhatIfBody planId={planId} period={period} run={run} />}
    </Card>
  );
}

function WhatIfBody({ planId, period, run }: { planId: number; period: string; run: EvaluationRun }) {
  const { t } = useTranslation();
  const plan = usePlan(planId);
  const data = usePlanData(planId, period);
  if (plan.isPending || data.isPending) return <Spin />;
  if (plan.isError) return <Alert type="error" showIcon title={formatError(t, plan.error)} />;
  if (data.isError) return <Alert type="error" showIcon title={formatError(t, data.error)} />;
  return (
    <Scenario
      key={`${data.data.version}`}
      planId={planId}
      period={period}
      plan={plan.data.document as unknown as Plan}
      input={withUnits(data.data.input, period, run)}
      version={data.data.version}
      run={run}
    />
  );
}

/** The stored dataset holds no unit list (the server takes units from the organisation): use the run's. */
function withUnits(input: EvaluationInput, period: string, run: EvaluationRun): EvaluationInput {
  const units =
    Array.isArray(input.units) && input.units.length > 0
      ? input.units
      : run.units.map((u) => ({ code: u.unit, name: u.name, group: u.group }));
  return { ...input, period: input.period ?? period, units, values: input.values ?? [] };
}

function Scenario({
  planId,
  period,
  plan,
  input,
  version,
  run,
}: {
  planId: number;
  period: string;
  plan: Plan;
  input: EvaluationInput;
  version: number;
  run: EvaluationRun;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const names = useMemo(() => new Map(run.units.map((u) => [u.unit, u.name])), [run]);
  const [changes, setChanges] = useState<(WhatIfChange & { id: number })[]>([]);
  const [seq, setSeq] = useState(1);
  const push = (c: WhatIfChange) => {
    setChanges((cs) => [...cs, { ...c, id: seq }]);
    setSeq((n) => n + 1);
  };
  const [unit, setUnit] = useState<string | undefined>(input.units[0]?.code);
  const [indicator, setIndicator] = useState<string | undefined>();
  const [field, setField] = useState<ValueField>('value');
  const [newValue, setNewValue] = useState<number | null>(null);
  const [bonusSource, setBonusSource] = useState<string | undefined>(plan.bonus?.sources[0]?.code);
  const [points, setPoints] = useState<number | null>(1);
  const [reason, setReason] = useState('');
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

  const save = useMutation({
    mutationFn: () =>
      request(`/api/plans/${planId}/data`, {
        method: 'PUT',
        query: { period },
        // `units` is not part of the stored inputs.
        body: { input: { ...changedInput, units: undefined }, version },
      }),
    onSuccess: async () => {
      message.success(t('whatif.saved'));
      setChanges([]);
      await queryClient.invalidateQueries({ queryKey: planKeys.data(planId, period) });
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'VERSION_CONFLICT')
        void queryClient.invalidateQueries({ queryKey: planKeys.data(planId, period) });
    },
  });

  if (base.error)
    return <Alert type="error" showIcon title={t('whatif.engineError', { message: base.error.message })} />;

  const unitLabel = (code: string) => `${names.get(code) ?? code} (${code})`;
  const describe = (c: WhatIfChange) =>
    c.type === 'value'
      ? `${unitLabel(c.unit)} · ${c.indicator} · ${t(`whatif.fields.${c.field}`)} → ${c.value ?? '—'}`
      : c.type === 'bonus'
        ? `${unitLabel(c.unit)} · ${t('whatif.addBonus')} ${c.source} +${c.points}`
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
            <span style={{ width: 16 }} />
            {plan.bonus?.sources.length ? (
              <Select
                style={{ width: 180 }}
                value={bonusSource}
                onChange={setBonusSource}
                options={plan.bonus.sources.map((s) => ({ value: s.code, label: s.name }))}
              />
            ) : null}
            <InputNumber
              min={0}
              step={0.5}
              value={points}
              onChange={(v) => setPoints(v)}
              style={{ width: 90 }}
              placeholder={t('whatif.points')}
            />
            <Input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('whatif.reason')}
              style={{ width: 180 }}
            />
            <Button
              disabled={!unit || !bonusSource || !points}
              onClick={() =>
                push({
                  type: 'bonus',
                  unit: unit!,
                  source: bonusSource!,
                  points: points!,
                  ...(reason ? { reason } : {}),
                })
              }
            >
              {t('whatif.addBonus')}
            </Button>
            <Button
              disabled={!unit || !points}
              onClick={() =>
                push({ type: 'deduction', unit: unit!, points: points!, reason: reason || t('whatif.title') })
              }
            >
              {t('whatif.addDeduction')}
            </Button>
          </Space>
        </Col>
      </Row>
      <div>
        <Typography.Text strong>{t('whatif.changes')}：</Typography.Text>
        {changes.length === 0 ? (
          <Typography.Text type="secondary">{t('whatif.noChanges')}</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {changes.map((c) => (
              <Tag key={c.id} closable onClose={() => setChanges((cs) => cs.filter((x) => x.id !== c.id))}>
                {describe(c)}
              </Tag>
            ))}
            <Button size="small" onClick={() => setChanges([])}>
              {t('whatif.reset')}
            </Button>
            <Popconfirm title={t('whatif.saveConfirm', { period })} onConfirm={() => save.mutate()}>
              <Button data-testid="whatif-save" size="small" type="primary" danger loading={save.isPending}>
                {t('whatif.save')}
              </Button>
            </Popconfirm>
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
          title={`${t('whatif.result')}：${unitLabel(mine.unit)}`}
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
            title: t('results.rank'),
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
    </Space>
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

function Places({ v }: { v: number }) {
  if (!v) return <span style={{ color: '#8c8c8c' }}>—</span>;
  return (
    <span style={{ ...num, color: v > 0 ? '#389e0d' : '#cf1322' }}>
      {v > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {Math.abs(v)}
    </span>
  );
}
