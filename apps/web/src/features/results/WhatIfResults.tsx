import { Button, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CompactTable } from '../../shared/CompactTable.js';
import { GradeTag } from './GradeTag.js';
import { fmtScore } from './ranking.js';
import { Delta, num, Places } from './WhatIfCells.js';
import type { StandingDelta, WhatIfChange } from './whatif.js';

/** The simulated changes in order, each removable; a bonus or deduction links to the events page. */
export function ChangeList({
  changes,
  describe,
  user,
  eventLink,
  onRemove,
  onClear,
}: {
  changes: WhatIfChange[];
  describe: (c: WhatIfChange) => string;
  /** Whose simulation this is (it is kept per user in this browser). */
  user: string;
  /** Where a simulated bonus or deduction is recorded for real (absent: the user may not record). */
  eventLink?: (c: Extract<WhatIfChange, { type: 'deduction' | 'bonus' }>) => string;
  onRemove: (index: number) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  return (
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
                onClose={() => onRemove(i)}
              >
                {describe(c)}
                {c.type !== 'value' && eventLink && (
                  <Link
                    to={eventLink(c)}
                    data-testid="whatif-to-event"
                    title={t('sim.toEventHint')}
                    style={{ marginInlineStart: 6 }}
                  >
                    {t('sim.toEvent')}
                  </Link>
                )}
              </Tag>
            ))}
            <Button size="small" data-testid="whatif-clear" onClick={onClear}>
              {t('sim.clear')}
            </Button>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="whatif-kept">
            {t('sim.kept', { user, n: changes.length })}
          </Typography.Text>
        </Space>
      )}
    </div>
  );
}

/** The chosen unit before and after: total, rank and grade. */
export function UnitOutcome({ delta, unitLabel }: { delta: StandingDelta; unitLabel: string }) {
  const { t } = useTranslation();
  if (!delta.before || !delta.after) return null;
  return (
    <Descriptions
      data-testid="whatif-outcome"
      size="small"
      bordered
      column={{ xs: 1, sm: 3 }}
      title={`${t('sim.label')} · ${t('whatif.result')}：${unitLabel}`}
      items={[
        {
          key: 't',
          label: t('whatif.newTotal'),
          children: (
            <span style={num} data-testid="whatif-new-total">
              {fmtScore(delta.before.total)} → <b>{fmtScore(delta.after.total)}</b> <Delta v={delta.dTotal} />
            </span>
          ),
        },
        {
          key: 'r',
          label: t('whatif.newRank'),
          children: (
            <span style={num}>
              {delta.before.rank} → <b>{delta.after.rank}</b> <Places v={delta.dRank} />
            </span>
          ),
        },
        {
          key: 'g',
          label: t('whatif.newGrade'),
          children: (
            <Space size={4}>
              <GradeTag grade={delta.before.grade ? { ...delta.before.grade, downgraded: false } : null} />→
              <GradeTag grade={delta.after.grade ? { ...delta.after.grade, downgraded: false } : null} />
            </Space>
          ),
        },
      ]}
    />
  );
}

/** Every unit's standing before and after, the chosen one highlighted. */
export function DeltaTable({ deltas, selected }: { deltas: StandingDelta[]; selected: string | undefined }) {
  const { t } = useTranslation();
  return (
    <CompactTable<StandingDelta>
      data-testid="whatif-deltas"
      rowKey="unit"
      dataSource={deltas}
      locale={{ emptyText: <Empty description={t('whatif.noChanges')} /> }}
      rowClassName={(d) => (d.unit === selected ? 'ant-table-row-selected' : '')}
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
  );
}
