import { StopOutlined } from '@ant-design/icons';
import type { RunSummary } from '@jixiao/contracts';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.js';
import { type RankCell, type RunState, statusView } from './runs.js';

export const num = { fontVariantNumeric: 'tabular-nums' as const, whiteSpace: 'nowrap' as const };

export const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');

export function VetoMark({ vetoes }: { vetoes: string[] }) {
  const { t } = useTranslation();
  if (vetoes.length === 0) return null;
  return (
    <Tooltip title={vetoes.join('、')}>
      <Tag data-testid="results-veto" color="red" icon={<StopOutlined />}>
        {t('results.vetoed')}
      </Tag>
    </Tooltip>
  );
}

/** 草稿 / 公示中 / 待审定 / 已发布 / 已被替代, with who took its last step and when. */
export function RunStatus({ run }: { run: RunState & Pick<RunSummary, 'id'> }) {
  const { t } = useTranslation();
  const v = statusView(run);
  return (
    <Space size={4} wrap>
      <Tag
        color={v.color}
        data-testid="results-status"
        data-status={run.status}
        style={{ marginInlineEnd: 0 }}
      >
        {t(v.key)}
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="results-status-detail">
        {t('runs.runNo', { id: run.id })} · {t(v.detailKey, { by: v.by, at: when(v.at) })}
      </Typography.Text>
    </Space>
  );
}

export function RankText({ cell }: { cell: RankCell | undefined }) {
  const { t } = useTranslation();
  if (!cell) return <>—</>;
  return (
    <span style={num} data-testid="results-rank">
      {cell.rank}
      {cell.tied ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          ({t('runs.tied')})
        </Typography.Text>
      ) : null}
    </span>
  );
}

/** Why a run version exists (an objection's adjustment, a correction) and a leader's return note. */
export function ChangeNote({ run }: { run: Pick<RunSummary, 'change' | 'returnNote'> }) {
  const { t } = useTranslation();
  const c = run.change;
  return (
    <>
      {c && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="run-change">
          {c.kind === 'objection'
            ? t('runs.changeObjection', { objection: c.objectionId, basedOn: c.basedOn })
            : t('runs.changeCorrection', { basedOn: c.basedOn, reason: c.reason })}
        </Typography.Text>
      )}
      {run.returnNote && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="run-returned">
          {t('runs.returned', { note: run.returnNote })}
        </Typography.Text>
      )}
    </>
  );
}
