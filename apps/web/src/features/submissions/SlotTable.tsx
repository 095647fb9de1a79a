import {
  CheckOutlined,
  HistoryOutlined,
  PaperClipOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import type { SubmissionSlot } from '@jixiao/contracts';
import { Button, Input, InputNumber, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeName } from '../../shared/CodeName.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { isDirty, type RowDraft, rowState, STATUS_COLOR, slotKey } from './model.js';
import type { DrawerTab } from './SubmissionDrawer.js';

/** A row's id in test ids and `data-row`: unit code and indicator. */
export const rowId = (s: Pick<SubmissionSlot, 'unitCode' | 'indicator'>) => `${s.unitCode}-${s.indicator}`;

/**
 * The value form of a period: a row per (unit, indicator) with its value, unit of measure, note,
 * status and actions (save, submit or correct; evidence; history).
 */
export function SlotTable({
  rows,
  multiUnit,
  loading,
  stateOf,
  draftOf,
  setDraft,
  busy,
  onSave,
  onOpen,
}: {
  rows: SubmissionSlot[];
  /** The caller sees several units: a unit column. */
  multiUnit: boolean;
  loading: boolean;
  stateOf: (s: SubmissionSlot) => string | null;
  draftOf: (s: SubmissionSlot) => RowDraft;
  setDraft: (s: SubmissionSlot, patch: Partial<RowDraft>) => void;
  /** Rows being saved, by slot key. */
  busy: Record<string, boolean>;
  onSave: (rows: SubmissionSlot[], submit: boolean) => void;
  onOpen: (submissionId: number, tab: DrawerTab, canUpload: boolean) => void;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<SubmissionSlot> = [
    ...(multiUnit
      ? [
          {
            title: t('submissions.col.unit'),
            key: 'unit',
            width: 160,
            render: (_: unknown, s: SubmissionSlot) => `${s.unitCode} ${s.unitName}`,
          },
        ]
      : []),
    {
      title: t('submissions.col.indicator'),
      key: 'indicator',
      render: (_, s) => (
        <CodeName code={s.indicator} name={s.indicatorName}>
          {s.providerOwned && (
            <div>
              <Tag color="purple" data-testid={`sub-provider-${rowId(s)}`}>
                {t('submissions.providedBy', { owner: s.owner ?? t('submissions.provider') })}
              </Tag>
            </div>
          )}
        </CodeName>
      ),
    },
    {
      title: t('submissions.col.value'),
      key: 'value',
      width: 150,
      render: (_, s) => {
        const st = rowState(s, stateOf(s));
        if (!st.editable)
          return (
            <span data-testid={`sub-value-ro-${rowId(s)}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {s.submission?.value ?? '—'}
            </span>
          );
        return (
          <InputNumber
            data-testid={`sub-value-${rowId(s)}`}
            aria-label={`${s.indicator} ${t('submissions.col.value')}`}
            style={{ width: '100%' }}
            value={draftOf(s).value}
            onChange={(v) => setDraft(s, { value: typeof v === 'number' && Number.isFinite(v) ? v : null })}
          />
        );
      },
    },
    {
      title: t('submissions.col.measureUnit'),
      key: 'mu',
      width: 96,
      render: (_, s) =>
        s.measureUnit || !rowState(s, stateOf(s)).editable ? (
          (s.submission?.measureUnit ?? s.measureUnit ?? '—')
        ) : (
          <Input
            size="small"
            maxLength={32}
            value={draftOf(s).measureUnit ?? ''}
            onChange={(e) => setDraft(s, { measureUnit: e.target.value })}
          />
        ),
    },
    {
      title: t('submissions.col.note'),
      key: 'note',
      render: (_, s) =>
        rowState(s, stateOf(s)).editable ? (
          <Input
            data-testid={`sub-note-${rowId(s)}`}
            maxLength={1000}
            value={draftOf(s).note}
            onChange={(e) => setDraft(s, { note: e.target.value })}
          />
        ) : (
          (s.submission?.note ?? '')
        ),
    },
    {
      title: t('submissions.col.status'),
      key: 'status',
      width: 140,
      render: (_, s) => {
        const st = rowState(s, stateOf(s));
        const tag = (
          <Tag color={STATUS_COLOR[st.status]} data-testid={`sub-status-${rowId(s)}`} data-status={st.status}>
            {t(`submissions.status.${st.status}`)}
          </Tag>
        );
        return (
          <Space size={2} wrap>
            {s.submission?.returnReason ? <Tooltip title={s.submission.returnReason}>{tag}</Tooltip> : tag}
            {st.late && <Tag color="orange">{t('submissions.late')}</Tag>}
            {isDirty(s, draftOf(s)) && <Tag>{t('submissions.unsaved')}</Tag>}
          </Space>
        );
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      render: (_, s) => {
        const st = rowState(s, stateOf(s));
        const k = slotKey(s);
        return (
          <Space size={0} wrap>
            {st.editable && (
              <>
                <Tooltip title={st.needsReason ? t('submissions.correctHint') : undefined}>
                  <Button
                    size="small"
                    type="link"
                    icon={<SaveOutlined />}
                    disabled={busy[k] || draftOf(s).value === null || st.needsReason}
                    onClick={() => onSave([s], false)}
                    data-testid={`sub-save-${rowId(s)}`}
                  >
                    {t('submissions.saveDraft')}
                  </Button>
                </Tooltip>
                <Button
                  size="small"
                  type="link"
                  icon={st.needsReason ? <CheckOutlined /> : <SendOutlined />}
                  loading={busy[k]}
                  disabled={
                    draftOf(s).value === null ||
                    (s.submission?.status === 'submitted' && !isDirty(s, draftOf(s))) ||
                    (st.needsReason && !isDirty(s, draftOf(s)))
                  }
                  onClick={() => onSave([s], true)}
                  data-testid={`sub-submit-${rowId(s)}`}
                >
                  {st.needsReason ? t('submissions.correct') : t('submissions.submit')}
                </Button>
              </>
            )}
            <Tooltip title={s.submission ? undefined : t('submissions.evidence.saveFirst')}>
              <Button
                size="small"
                type="link"
                icon={<PaperClipOutlined />}
                disabled={!s.submission}
                data-testid={`sub-evidence-${rowId(s)}`}
                onClick={() => s.submission && onOpen(s.submission.id, 'evidence', s.canWrite)}
              >
                {s.submission?.evidenceCount ?? 0}
              </Button>
            </Tooltip>
            <Button
              size="small"
              type="link"
              icon={<HistoryOutlined />}
              disabled={!s.submission}
              aria-label={t('submissions.history.title')}
              data-testid={`sub-history-${rowId(s)}`}
              onClick={() => s.submission && onOpen(s.submission.id, 'history', s.canWrite)}
            />
          </Space>
        );
      },
    },
  ];

  return (
    <CompactTable<SubmissionSlot>
      data-testid="sub-table"
      rowKey={slotKey}
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={rows.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 1000 }}
      onRow={(s) => ({ 'data-row': rowId(s) }) as HTMLAttributes<HTMLElement>}
    />
  );
}
