import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type HotlinePreview, type HotlineStat, hotlineFields } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Empty, Select, Space, Table, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { MutateButton } from '../../shared/MutateButton.js';
import { PickerPage } from '../../shared/PickerPage.js';
import { QueryState, queryRows } from '../../shared/QueryState.js';
import { PreviewImportCard } from '../imports/PreviewImportCard.js';
import { usePlan } from '../plans/api.js';
import { PlanPeriodPickers, usePlanPeriodChoice } from '../plans/PlanPeriodPickers.js';
import { hotlineApi, hotlineKeys, useHotlineFeeds, useHotlineStats } from './api.js';
import {
  defaultMonth,
  type FeedDraft,
  feedsToSave,
  feedTargets,
  HOTLINE_WORDS,
  pct,
  sourceText,
} from './model.js';

const RATES = ['timelyRate', 'completionRate', 'satisfaction'] as const;
const _ACCEPT = '.xlsx,.csv';

/** Upload with preview, line errors and commit: the file replaces the period's rows. */
function UploadCard({ planId, period }: { planId: number; period: string }) {
  const { t, message, queryClient: qc } = useFeedback();
  return (
    <PreviewImportCard<HotlinePreview['rows'][number], HotlinePreview>
      title={t('hotline.upload')}
      hint={t('hotline.hint')}
      testId="hl"
      words={HOTLINE_WORDS}
      scope={[planId, period]}
      columns={[
        { title: t('imports.column.unit'), dataIndex: 'unit' },
        { title: t('hotline.fields.volume'), dataIndex: 'volume' },
        ...RATES.map((f) => ({ title: t(`hotline.fields.${f}`), dataIndex: f, render: pct })),
      ]}
      preview={(file) => hotlineApi.preview(planId, period, file)}
      commit={async (file) => {
        const r = await hotlineApi.commit(planId, period, file);
        message.success(t('hotline.storedMsg', r));
        // The figures feed the cycle input: results and live scores reload too.
        await qc.invalidateQueries();
      }}
      summary={(p) => t('hotline.replaces', { rows: p.rows.length, before: p.replaces })}
    />
  );
}

/** A feed row with a stable React key. */
type Keyed = FeedDraft & { key: string };

/** The plan indicators that take a hotline figure as their value. */
function FeedsCard({ planId }: { planId: number }) {
  const { t, message, showError, queryClient: qc } = useFeedback();
  const plan = usePlan(planId);
  const feeds = useHotlineFeeds(planId);
  const targets = useMemo(() => feedTargets(plan.data?.document), [plan.data]);
  const [drafts, setDrafts] = useState<Keyed[] | null>(null);
  const added = useRef(0);
  const shown: Keyed[] = drafts ?? (feeds.data ?? []).map((f) => ({ ...f, key: f.indicator }));
  const edit = (i: number, d: Partial<FeedDraft>) =>
    setDrafts(shown.map((x, j) => (j === i ? { ...x, ...d } : x)));
  const save = useMutation({
    mutationFn: () => {
      const { feeds: list, twice } = feedsToSave(shown);
      if (twice) throw new Error(t('hotline.feedTwice', { indicator: twice }));
      return hotlineApi.saveFeeds(planId, list);
    },
    onSuccess: async () => {
      message.success(t('hotline.feedsSaved'));
      setDrafts(null);
      await qc.invalidateQueries({ queryKey: hotlineKeys.feeds(planId) });
    },
    onError: showError,
  });
  if (!feeds.data) return <QueryState query={feeds} testId="hl-feeds" />;
  return (
    <Card size="small" title={t('hotline.feeds')} data-testid="hl-feeds">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('hotline.feedsHint')}
        </Typography.Paragraph>
        {shown.map((d, i) => (
          <Space key={d.key} wrap>
            <Select
              style={{ width: 160 }}
              value={d.field}
              options={hotlineFields.map((f) => ({ value: f, label: t(`hotline.fields.${f}`) }))}
              onChange={(field) => edit(i, { field })}
            />
            <Typography.Text>→</Typography.Text>
            <Select
              style={{ width: 280 }}
              showSearch
              optionFilterProp="label"
              placeholder={t('hotline.indicator')}
              value={d.indicator ?? undefined}
              options={targets.map((x) => ({ value: x.code, label: `${x.code} ${x.name}` }))}
              onChange={(indicator) => edit(i, { indicator })}
            />
            <Button
              icon={<DeleteOutlined />}
              aria-label={t('hotline.removeFeed')}
              onClick={() => setDrafts(shown.filter((_, j) => j !== i))}
            />
          </Space>
        ))}
        {shown.length === 0 && <Typography.Text type="secondary">{t('hotline.noFeeds')}</Typography.Text>}
        <Space>
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              added.current += 1;
              setDrafts([...shown, { field: 'timelyRate', indicator: null, key: `new-${added.current}` }]);
            }}
          >
            {t('hotline.addFeed')}
          </Button>
          <MutateButton type="primary" disabled={drafts === null} mutation={save}>
            {t('hotline.saveFeeds')}
          </MutateButton>
        </Space>
      </Space>
    </Card>
  );
}

/** Hotline work-order statistics (H8): upload per period, the stored figures per unit, the feeds. */
export default function HotlinePage() {
  const { t } = useTranslation();
  const choice = usePlanPeriodChoice();
  const { plans, offered, plan, planId } = choice;
  const period = choice.period ?? (plan ? defaultMonth(plan.year, new Date()) : undefined);
  const stats = useHotlineStats(planId, period);
  if (!plans.data) return <QueryState query={plans} testId="hl-plans" />;
  if (!offered.length || !planId || !period) return <Empty description={t('events.noPlans')} />;
  return (
    <PickerPage pickers={<PlanPeriodPickers choice={choice} value={period} testId="hl" />}>
      <UploadCard planId={planId} period={period} />
      <Card size="small" title={t('hotline.storedTitle', { period })}>
        <Table<HotlineStat>
          size="small"
          rowKey="id"
          data-testid="hl-stats"
          {...queryRows(stats, t('hotline.none'), 'hl-stats')}
          scroll={{ x: 800 }}
          pagination={false}
          columns={[
            {
              title: t('imports.column.unit'),
              dataIndex: 'unitName',
              render: (n: string, s) => `${s.unitCode} ${n}`,
            },
            { title: t('hotline.fields.volume'), dataIndex: 'volume', width: 100 },
            ...RATES.map((f) => ({ title: t(`hotline.fields.${f}`), dataIndex: f, width: 120, render: pct })),
            {
              title: t('hotline.source'),
              dataIndex: 'source',
              width: 160,
              render: (v: string) => {
                const x = sourceText(v);
                return t(x.key, x.params);
              },
            },
            {
              title: t('hotline.importedAt'),
              dataIndex: 'importedAt',
              width: 170,
              render: (d: string) => formatDateTime(d),
            },
          ]}
        />
      </Card>
      <FeedsCard planId={planId} />
    </PickerPage>
  );
}
