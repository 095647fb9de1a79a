import type { PlanSummary, RevisionNote } from '@jixiao/contracts';
import { Button, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.js';
import { queryTable } from '../../shared/QueryState.js';
import { usePlans, useRevisions } from './api.js';
import { DiffView } from './DiffView.js';
import { revisionNoteText } from './revisionNote.js';

/** The saved revisions of a plan, newest first; each can be compared with the draft. */
export function Revisions({ planId, onDiff }: { planId: number; onDiff: (revision: number) => void }) {
  const { t } = useTranslation();
  const revs = useRevisions(planId);
  return (
    <Table
      data-testid="plan-revisions"
      size="small"
      rowKey="revision"
      {...queryTable(revs, undefined, 'plan-revisions')}
      dataSource={[...(revs.data ?? [])].sort((a, b) => b.revision - a.revision)}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('plans.revision'), dataIndex: 'revision', width: 80 },
        {
          title: t('planEditor.savedAt'),
          dataIndex: 'savedAt',
          render: (v: string) => formatDateTime(v),
        },
        { title: t('planEditor.savedBy'), dataIndex: 'savedBy', render: (v: string | null) => v ?? '—' },
        {
          title: t('planEditor.note'),
          dataIndex: 'note',
          render: (v: RevisionNote | null) => revisionNoteText(v, t),
        },
        {
          title: t('common.actions'),
          key: 'a',
          render: (_, r) => (
            <Button size="small" type="link" onClick={() => onDiff(r.revision)}>
              {t('planEditor.diffWithRevision', { n: r.revision })}
            </Button>
          ),
        },
      ]}
    />
  );
}

/** The differences of a plan against another plan of its system or one of its revisions. */
export function DiffTab({
  plan,
  query,
  onQuery,
}: {
  plan: PlanSummary;
  query: { againstPlanId?: number; revision?: number } | null;
  onQuery: (q: { againstPlanId?: number; revision?: number } | null) => void;
}) {
  const { t } = useTranslation();
  const plans = usePlans({ systemId: plan.systemId });
  const revs = useRevisions(plan.id);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          data-testid="diff-against-plan"
          allowClear
          style={{ minWidth: 300 }}
          placeholder={t('planEditor.diffAgainstPlan')}
          value={query?.againstPlanId}
          onChange={(v) => onQuery(v ? { againstPlanId: v } : null)}
          options={(plans.data ?? [])
            .filter((p) => p.id !== plan.id)
            .map((p) => ({ value: p.id, label: `${p.year} · ${p.name}` }))}
        />
        <Select
          data-testid="diff-against-revision"
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t('planEditor.diffAgainstRevision')}
          value={query?.revision}
          onChange={(v) => onQuery(v ? { revision: v } : null)}
          options={(revs.data ?? []).map((r) => ({
            value: r.revision,
            label: `${t('plans.revision')} ${r.revision}`,
          }))}
        />
      </Space>
      <DiffView planId={plan.id} query={query} />
    </Space>
  );
}
