import { Descriptions, Grid, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeName } from '../../shared/CodeName.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { QueryState } from '../../shared/QueryState.js';
import { type TracedUnit, useUnitTrace } from './api.js';
import { bonusRows } from './bonus.js';
import { explainT, renderStages, renderStep, renderSteps } from './formula.js';
import { fmtRaw, fmtScore } from './ranking.js';
import { SourceList } from './SourceList.js';
import { otherSources, type SourceContext, sourcesOf } from './sources.js';
import { EventItems, mono, num, Step, TraceRows, Vars } from './TraceParts.js';
import { keysOf, leavesOf, type Row, toRows } from './traceRows.js';

/**
 * Every number of a unit's score, as the engine explains it (GET …/results/:unit/trace), each
 * input with its source (submission, verification, import batch, task book, event, missing-value
 * policy) linking to the row it came from.
 */
export function TraceView({
  planId,
  unit,
  unitId,
  period,
  run,
  header,
}: {
  planId: number;
  unit: string;
  unitId?: number | null;
  period: string;
  /** The run shown (else the latest the caller may see). */
  run?: number;
  header?: ReactNode;
}) {
  const { t } = useTranslation();
  const tf = explainT(t);
  const q = useUnitTrace(planId, period, run, unit);
  const narrow = Grid.useBreakpoint().sm === false;
  if (!q.data) return <QueryState query={q} inline testId="trace" />;
  const tr: TracedUnit = q.data;
  const rows = toRows(tr.components ?? []);
  const ctx: SourceContext = { planId, unit, unitId };
  const others = otherSources(tr.sources, leavesOf(rows));
  return (
    <div data-testid="trace-view">
      {header}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 3 }}
        bordered
        style={{ marginBottom: 12 }}
        items={[
          { key: 'unit', label: t('results.unit'), children: tr.unit },
          { key: 'group', label: t('results.group'), children: tr.group },
          { key: 'period', label: t('results.period'), children: tr.period },
          {
            key: 'mode',
            label: t('planEditor.method'),
            children: t(`trace.mode.${tr.mode}`),
          },
          {
            key: 'rounding',
            label: t('trace.rounding'),
            span: 'filled',
            children: t('trace.roundingRule', {
              decimals: tr.rounding?.decimals,
              mode: tf(`terms.mode.${tr.rounding?.mode}`),
              stages: renderStages(tr.rounding?.stages ?? [], tf),
            }),
          },
        ]}
      />
      <CompactTable<Row>
        data-testid="trace-tree"
        rowKey="key"
        dataSource={rows}
        expandable={{ defaultExpandedRowKeys: keysOf(rows) }}
        columns={[
          {
            title: t('trace.item'),
            key: 'item',
            render: (_, r) => (
              <CodeName code={r.code} name={r.name}>
                {/* On a phone the formula column is off screen: the sources sit under the name. */}
                {narrow && r.leaf && (
                  <div style={{ maxWidth: 240, whiteSpace: 'normal' }}>
                    <SourceList sources={sourcesOf(tr.sources, r.leaf)} ctx={ctx} />
                  </div>
                )}
              </CodeName>
            ),
          },
          {
            title: `${t('trace.score')} / ${t('trace.full')}`,
            key: 'score',
            align: 'right',
            render: (_, r) => (
              <span style={num}>
                {r.score === null ? <Tag>{t('trace.left_out')}</Tag> : <b>{fmtScore(r.score)}</b>} /{' '}
                {fmtScore(r.full)}
              </span>
            ),
          },
          {
            title: t('trace.weight'),
            dataIndex: 'weight',
            align: 'right',
            render: (w: number) => <span style={num}>{w}</span>,
          },
          {
            title: t('trace.method'),
            dataIndex: 'method',
            render: (m?: string) => (m ? t(`methods.${m}`, { defaultValue: m }) : ''),
          },
          {
            title: t('trace.formula'),
            key: 'formula',
            render: (_, r) => (
              <Space orientation="vertical" size={2} style={{ maxWidth: 480 }}>
                <span style={{ ...mono, whiteSpace: 'normal', wordBreak: 'break-word' }}>
                  {renderSteps(r.steps, tf)}
                </span>
                <Vars vars={r.vars} t={tf} />
                {r.notes?.map((n) => (
                  <Typography.Text key={JSON.stringify(n)} type="secondary" style={{ fontSize: 12 }}>
                    {renderStep(n, tf)}
                  </Typography.Text>
                ))}
                {!narrow && r.leaf && <SourceList sources={sourcesOf(tr.sources, r.leaf)} ctx={ctx} />}
              </Space>
            ),
          },
          {
            title: t('trace.rounding'),
            key: 'rounding',
            render: (_, r) =>
              r.rounding ? (
                <span style={{ ...mono, ...num }}>{renderStep(r.rounding, tf)}</span>
              ) : (
                <span style={{ ...mono, ...num }}>{fmtRaw(r.raw)}</span>
              ),
          },
        ]}
      />
      {others.length > 0 && (
        <TraceRows
          items={[
            {
              key: 'others',
              label: t('sources.others'),
              children: <SourceList sources={others} ctx={ctx} testId="trace-other-sources" />,
            },
          ]}
        />
      )}
      <TraceRows
        items={[
          {
            key: 'base',
            label: t('trace.base'),
            children: <Step step={tr.base} t={tf} />,
          },
          {
            key: 'bonus',
            label: t('trace.bonus'),
            children: (
              <EventItems
                items={bonusRows(tr.bonus)}
                columns={[
                  { title: t('trace.source'), dataIndex: 'sourceName' },
                  { title: t('trace.points'), dataIndex: 'points', align: 'right' },
                  { title: t('trace.reason'), dataIndex: 'reason' },
                ]}
              >
                <span style={mono}>{renderSteps(tr.bonus.steps, tf)}</span>
                <b data-testid="trace-bonus">
                  {t('trace.bonusRaw', { raw: fmtScore(tr.bonus.raw), capped: fmtScore(tr.bonus.capped) })}
                </b>
              </EventItems>
            ),
          },
          {
            key: 'deductions',
            label: t('trace.deductions'),
            children: (
              <EventItems
                items={tr.deductions.items}
                columns={[
                  { title: t('trace.points'), dataIndex: 'points', align: 'right' },
                  { title: t('trace.reason'), dataIndex: 'reason' },
                  { title: t('whatif.indicator'), dataIndex: 'indicator', render: (v?: string) => v ?? '' },
                ]}
              >
                <span style={mono}>
                  {renderSteps(tr.deductions.steps, tf)} = <b>{fmtScore(tr.deductions.total)}</b>
                </span>
              </EventItems>
            ),
          },
          {
            key: 'vetoes',
            label: t('trace.vetoes'),
            children:
              tr.vetoes.length === 0 ? (
                t('trace.none')
              ) : (
                <Space orientation="vertical" size={2}>
                  {tr.vetoes.map((v) => (
                    <span key={v.event}>
                      <Tag color="red">{v.event}</Tag>
                      {v.reason}
                    </span>
                  ))}
                </Space>
              ),
          },
          {
            key: 'total',
            label: t('trace.total'),
            children: (
              <div data-testid="trace-total">
                <Step step={tr.total} t={tf} />
              </div>
            ),
          },
          {
            key: 'rank',
            label: t('trace.rank'),
            children: <span data-testid="trace-rank">{renderStep(tr.rank, tf)}</span>,
          },
          {
            key: 'grade',
            label: t('trace.grade'),
            children: <span data-testid="trace-grade">{renderStep(tr.grade, tf)}</span>,
          },
        ]}
      />
    </div>
  );
}
