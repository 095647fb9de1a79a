import type { LagStatus, ProgressCell } from '@jixiao/contracts';
import { Card, Select, Space, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CodeFilter, type CodeFilterSpec, type FilterState, OptionFilter } from '../../shared/CodeFilter.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { ExportButton } from '../../shared/export/ExportButton.js';
import { type ExportColumns, percent } from '../../shared/export/tableSheet.js';
import { QueryState, queryTable } from '../../shared/QueryState.js';
import { PlanPicker, usePlanChoice } from '../plans/PlanPicker.js';
import { useProgress } from './api.js';
import {
  defaultMonth,
  defaultQuarter,
  type MatrixFilter,
  type MatrixRow,
  matrixRows,
  monthPeriods,
  pct,
  statusColor,
} from './matrix.js';

const STATUS_FILTER: CodeFilterSpec<'status'> = {
  key: 'status',
  codes: ['behind', 'serious', 'lagging', 'on_track'],
  labels: 'progress.statuses',
  placeholder: 'progress.status',
  width: 150,
};

/** The office's progress matrix (units × indicators, coloured by lag) with filters (issue 4 item 11). */
export default function ProgressPage() {
  const { t } = useTranslation();
  const { plans, offered, plan, setPlan } = usePlanChoice();
  const [period, setPeriod] = useState<string>();
  const pickPlan = (id: number) => {
    setPeriod(undefined);
    setFilter({});
    setPlan(id);
  };
  const month = period ?? (plan ? defaultMonth(plan.year, new Date()) : undefined);
  const [filter, setFilter] = useState<MatrixFilter>({});
  const filterState: FilterState<MatrixFilter> = [filter, setFilter];
  const matrix = useProgress(plan?.id, month);
  const rows = useMemo(() => (matrix.data ? matrixRows(matrix.data, filter) : []), [matrix.data, filter]);
  const groups = [...new Set(matrix.data?.units.map((u) => u.group) ?? [])];
  const shown = (matrix.data?.indicators ?? []).filter(
    (i) => !filter.indicator || i.code === filter.indicator,
  );

  const cell = (c: ProgressCell | undefined) =>
    c ? (
      <Tooltip
        title={
          <div>
            <div>
              {t('progress.target')}: {c.target ?? '—'}
            </div>
            <div>
              {t('progress.expected')}: {c.expected ?? '—'}
            </div>
            <div>
              {t('progress.actual')}: {c.actual ?? '—'}
            </div>
            <div>
              {t('progress.source')}: {t(`progress.sources.${c.source}`)}
            </div>
          </div>
        }
      >
        <div
          data-testid={`cell-${c.unit}-${c.indicator}`}
          data-status={c.status}
          style={{
            background: statusColor[c.status],
            padding: '4px 6px',
            textAlign: 'right',
            fontVariantNumeric: 'tabular-nums',
          }}
        >
          {pct(c.ratio)}
        </div>
      </Tooltip>
    ) : null;

  const columns: ExportColumns<MatrixRow> = [
    { title: t('progress.group'), dataIndex: 'group', width: 70, fixed: 'left' },
    {
      title: t('progress.unit'),
      dataIndex: 'name',
      width: 220,
      fixed: 'left',
      render: (v: string, r) => `${r.code} ${v}`,
    },
    ...shown.map((i) => ({
      title: <Tooltip title={t(`progress.modes.${i.mode}`)}>{`${i.code} ${i.name}`}</Tooltip>,
      exportTitle: `${i.code} ${i.name}`,
      exportValue: (r: MatrixRow) => percent(r.cells[i.code]?.ratio),
      key: i.code,
      width: 130,
      render: (_: unknown, r: MatrixRow) => cell(r.cells[i.code]),
    })),
  ];

  if (!plans.data) return <QueryState query={plans} testId="progress-plans" />;
  return (
    <Card
      title={t('progress.title')}
      data-testid="progress-page"
      extra={
        plan && (
          <Link
            to={`/bulletin/${plan.id}?quarter=${defaultQuarter(plan.year, new Date())}`}
            data-testid="progress-bulletin"
          >
            {t('progress.bulletin')}
          </Link>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <PlanPicker offered={offered} value={plan?.id} onChange={pickPlan} testId="progress-plan" />
        <Select
          data-testid="progress-period"
          style={{ width: 130 }}
          value={month}
          onChange={setPeriod}
          options={plan ? monthPeriods(plan.year).map((m) => ({ value: m, label: m })) : []}
        />
        <OptionFilter
          field="group"
          options={groups.map((g) => ({ value: g, label: g }))}
          placeholder="progress.group"
          width={110}
          state={filterState}
          testId="progress"
        />
        <OptionFilter
          field="indicator"
          options={(matrix.data?.indicators ?? []).map((i) => ({
            value: i.code,
            label: `${i.code} ${i.name}`,
          }))}
          placeholder="progress.indicator"
          width={200}
          state={filterState}
          testId="progress"
        />
        <CodeFilter spec={STATUS_FILTER} state={filterState} testId="progress" />
      </Space>
      <Space style={{ marginBottom: 8 }} wrap>
        {(['on_track', 'lagging', 'serious', 'no_data', 'no_target'] as LagStatus[]).map((s) => (
          <span key={s} style={{ background: statusColor[s], padding: '2px 8px' }}>
            {t(`progress.statuses.${s}`)}
          </span>
        ))}
        <Typography.Text type="secondary">
          {t('progress.ratio')} = {t('progress.actual')} / {t('progress.expected')}
        </Typography.Text>
      </Space>
      {matrix.isError && <QueryState query={matrix} inline testId="progress" />}
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'flex-end' }}>
        <ExportButton
          columns={columns}
          rows={matrix.data ? rows : undefined}
          title={`${t('progress.title')} ${month ?? ''}`}
          testId="progress-export"
        />
      </Space>
      <CompactTable<MatrixRow>
        rowKey="key"
        dataSource={rows}
        {...queryTable(matrix, t('progress.empty'), 'progress')}
        scroll={{ x: 300 + shown.length * 130 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={columns}
      />
    </Card>
  );
}
