import type { EvaluationRun, UnitScore } from '@jixiao/contracts';
import { Button, Card, List, Space, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../shared/CompactTable.js';
import { ExportButton } from '../../shared/export/ExportButton.js';
import type { ExportColumns } from '../../shared/export/tableSheet.js';
import { GradeTag, gradeText } from './GradeTag.js';
import { num, RankText, VetoMark } from './RunMarks.js';
import { fmtScore } from './ranking.js';
import { rankCells } from './runs.js';
import { ScorecardPdfButton } from './ScorecardButtons.js';

/** The ranking's columns: the table's and its export's (one list, so both stay the same). */
function useRankingColumns(run: EvaluationRun, units: UnitScore[], onOpen: (u: UnitScore) => void) {
  const { t } = useTranslation();
  const comps = units[0]?.components ?? run.units[0]?.components ?? [];
  const ranks = useMemo(() => rankCells(units), [units]);
  const columns: ExportColumns<UnitScore> = [
    {
      title: t('runs.rank'),
      key: 'rank',
      width: 72,
      align: 'right',
      fixed: 'left',
      render: (_, u) => <RankText cell={ranks.get(u.unit)} />,
      exportValue: (u) => u.rank,
    },
    {
      title: t('results.unit'),
      key: 'unit',
      fixed: 'left',
      exportValue: (u) => u.name,
      render: (_, u) => (
        <Button
          type="link"
          size="small"
          data-testid="results-unit-link"
          data-unit={u.unit}
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => onOpen(u)}
        >
          {u.name}
        </Button>
      ),
    },
    {
      title: t('results.total'),
      dataIndex: 'total',
      align: 'right',
      render: (v: number) => (
        <b data-testid="results-total" style={num}>
          {fmtScore(v)}
        </b>
      ),
    },
    {
      title: t('results.grade'),
      key: 'grade',
      exportValue: (u) => gradeText(u.grade, t),
      render: (_, u) => (
        <Space size={4}>
          <GradeTag grade={u.grade} />
          <VetoMark vetoes={u.vetoes} />
        </Space>
      ),
    },
    ...comps.map((c, i) => ({
      title: (
        <Tooltip title={`${c.name} (${c.full})`}>
          <span>{c.name}</span>
        </Tooltip>
      ),
      key: `comp-${c.code}`,
      exportTitle: c.name,
      exportValue: (u: UnitScore) =>
        (u.components.find((x) => x.code === c.code) ?? u.components[i])?.score ?? null,
      align: 'right' as const,
      render: (_: unknown, u: UnitScore) => {
        const s = u.components.find((x) => x.code === c.code) ?? u.components[i];
        return <span style={num}>{fmtScore(s?.score)}</span>;
      },
    })),
    {
      title: t('results.bonus'),
      dataIndex: 'bonus',
      align: 'right',
      render: (v: number) => <span style={num}>{v ? `+${fmtScore(v)}` : fmtScore(v)}</span>,
    },
    {
      title: t('results.deductions'),
      dataIndex: 'deductions',
      align: 'right',
      render: (v: number) => (
        <span style={{ ...num, color: v ? '#cf1322' : undefined }}>
          {v ? `−${fmtScore(v)}` : fmtScore(v)}
        </span>
      ),
    },
    {
      title: t('scorecards.column'),
      key: 'scorecard',
      align: 'center',
      width: 72,
      exportValue: false,
      render: (_, u) => <ScorecardPdfButton planId={run.planId} runId={run.id} unit={u.unit} compact />,
    },
  ];
  return columns;
}

export function RankingTable({
  run,
  units,
  onOpen,
}: {
  run: EvaluationRun;
  units: UnitScore[];
  onOpen: (u: UnitScore) => void;
}) {
  const columns = useRankingColumns(run, units, onOpen);
  return (
    <CompactTable<UnitScore>
      data-testid="results-table"
      rowKey="unit"
      dataSource={units}
      columns={columns}
      style={{ marginTop: 12 }}
    />
  );
}

/** The ranking's "导出 Excel" (in the group tabs' bar, so it is there on a phone too). */
export function RankingExport({
  run,
  units,
  title,
}: {
  run: EvaluationRun;
  units: UnitScore[];
  title: string;
}) {
  const columns = useRankingColumns(run, units, () => {});
  return <ExportButton columns={columns} rows={units} title={title} testId="results-table-export" />;
}

export function UnitCards({ units, onOpen }: { units: UnitScore[]; onOpen: (u: UnitScore) => void }) {
  const { t } = useTranslation();
  const ranks = useMemo(() => rankCells(units), [units]);
  return (
    <List
      data-testid="results-cards"
      dataSource={units}
      split={false}
      style={{ marginTop: 8 }}
      renderItem={(u) => (
        <List.Item style={{ padding: '4px 0' }}>
          <Card
            size="small"
            hoverable
            style={{ width: '100%' }}
            onClick={() => onOpen(u)}
            data-testid="results-card"
            data-unit={u.unit}
          >
            <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <Typography.Text
                type="secondary"
                style={{ ...num, minWidth: 28, textAlign: 'right' }}
                title={t('runs.rank')}
              >
                <RankText cell={ranks.get(u.unit)} />
              </Typography.Text>
              <div style={{ flex: 1, minWidth: 0 }}>
                <div style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>{u.name}</div>
                <Space size={4} wrap style={{ fontSize: 12 }}>
                  {u.bonus ? <span style={num}>+{fmtScore(u.bonus)}</span> : null}
                  {u.deductions ? (
                    <span style={{ ...num, color: '#cf1322' }}>−{fmtScore(u.deductions)}</span>
                  ) : null}
                  <VetoMark vetoes={u.vetoes} />
                </Space>
              </div>
              <div style={{ textAlign: 'right' }}>
                <div style={{ ...num, fontSize: 18, fontWeight: 600 }} data-testid="results-total">
                  {fmtScore(u.total)}
                </div>
                <GradeTag grade={u.grade} />
              </div>
            </div>
          </Card>
        </List.Item>
      )}
    />
  );
}
