import type { EvaluationRun, PublicityView } from '@jixiao/contracts';
import { Alert, Button, Card, Space, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../shared/auth.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { ObjectionDialog, type TargetOption } from '../objections/ObjectionDialogs.js';
import { usePublicity } from './api.js';
import { fmtScore } from './ranking.js';

type Leaf = { code: string; name: string; parent?: string | null; component?: string | null };

/** A publicity list of units' items, keyed as objections name them (unit, index), the unit's name first. */
function ItemTable<T extends { unit: string; index: number; name: string }>({
  testId,
  items,
  columns,
}: {
  testId: string;
  items: T[];
  columns: ColumnType<T>[];
}) {
  const { t } = useTranslation();
  return (
    <CompactTable<T>
      data-testid={testId}
      rowKey={(x) => `${x.unit}-${x.index}`}
      dataSource={items}
      locale={{ emptyText: t('publicity.none') }}
      columns={[{ title: t('objections.unit'), dataIndex: 'name' }, ...columns]}
    />
  );
}

/**
 * 结果公示 (S13, W9): the run's publicity days, every unit's bonuses (public among units), the
 * caller's own deductions, the objection counts and, for a unit during publicity, 提出异议.
 */
export function PublicityPanel({
  planId,
  run,
  indicators,
  sources,
}: {
  planId: number;
  run: EvaluationRun;
  indicators: Leaf[];
  /** The plan's bonus sources (code → name), so a bonus shows 创新创优, not its code. */
  sources: Map<string, string>;
}) {
  const { t } = useTranslation();
  const canObject = useCan('objections.file');
  const view = usePublicity(planId, run);
  const [filing, setFiling] = useState(false);
  const p = view.data;
  if (!run.publicity || !p) return null;
  // A unit user sees its own row only: that is the unit it objects for.
  const unit = run.units.length === 1 ? run.units[0]! : null;
  const targets = unit ? targetOptions(t, unit.unit, indicators, p) : [];
  return (
    <Card size="small" title={t('publicity.title')} data-testid="publicity-panel">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Alert
          type={p.open ? 'info' : 'success'}
          showIcon
          data-testid="publicity-window"
          title={t('publicity.window', { from: p.from, to: p.to })}
          description={
            <Space wrap>
              {!p.open && <span>{t('publicity.closed')}</span>}
              <Link to="/objections">{t('publicity.counts', p.objections)}</Link>
            </Space>
          }
          action={
            canObject &&
            p.open &&
            run.status === 'publicity' &&
            unit && (
              <Button type="primary" data-testid="publicity-object" onClick={() => setFiling(true)}>
                {t('objections.act.file')}
              </Button>
            )
          }
        />
        <Typography.Text strong>{t('publicity.bonuses')}</Typography.Text>
        <ItemTable
          testId="publicity-bonuses"
          items={p.bonuses}
          columns={[
            { title: t('publicity.source'), render: (_, b) => sources.get(b.source) ?? b.source },
            { title: t('publicity.points'), render: (_, b) => `+${fmtScore(b.points)}` },
            { title: t('publicity.reasonCol'), render: (_, b) => b.reason ?? '—' },
          ]}
        />
        <Typography.Text strong>
          {t(unit ? 'publicity.deductions' : 'publicity.allDeductions')}
        </Typography.Text>
        <ItemTable
          testId="publicity-deductions"
          items={p.deductions}
          columns={[
            { title: t('publicity.points'), render: (_, d) => `−${fmtScore(d.points)}` },
            { title: t('publicity.reasonCol'), dataIndex: 'reason' },
          ]}
        />
      </Space>
      {filing && unit && (
        <ObjectionDialog
          dialog={{ kind: 'file', runId: run.id, unit: unit.unit, targets }}
          onClose={() => setFiling(false)}
        />
      )}
    </Card>
  );
}

/** What the unit may contest: each scored indicator of the plan, its deductions and its bonuses. */
function targetOptions(t: TFunction, unit: string, indicators: Leaf[], p: PublicityView): TargetOption[] {
  const parents = new Set(indicators.flatMap((i) => (i.parent ? [i.parent] : [])));
  return [
    ...indicators
      .filter((i) => !parents.has(i.code))
      .map((i) => ({
        key: `i:${i.code}`,
        label: t('objections.targets.indicator', { label: `${i.code} ${i.name}` }),
        target: { kind: 'indicator' as const, code: i.code },
      })),
    ...p.deductions
      .filter((d) => d.unit === unit)
      .map((d) => ({
        key: `d:${d.index}`,
        label: t('objections.targets.deduction', { label: d.reason, points: fmtScore(d.points) }),
        target: { kind: 'deduction' as const, index: d.index },
      })),
    ...p.bonuses
      .filter((b) => b.unit === unit)
      .map((b) => ({
        key: `b:${b.index}`,
        label: t('objections.targets.bonus', { label: b.reason ?? b.source, points: fmtScore(b.points) }),
        target: { kind: 'bonus' as const, index: b.index },
      })),
  ];
}
