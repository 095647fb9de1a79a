import { EditOutlined } from '@ant-design/icons';
import type { CampaignDetail } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../shared/auth.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { useShowError } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { PlanSelect, usePlanPeriodParams } from '../submissions/PlanSelect.js';
import { campaignStep, useCampaigns } from './api.js';
import { CampaignForm } from './CampaignForm.js';
import { CampaignGroups } from './CampaignGroups.js';
import { CampaignProgress } from './CampaignProgress.js';
import { CampaignResults } from './CampaignResults.js';
import { CampaignVoters } from './CampaignVoters.js';

const STATUS_COLOR = { draft: 'default', open: 'processing', closed: 'warning', scored: 'success' } as const;
const NEXT: Record<CampaignDetail['status'], ('open' | 'close' | 'reopen' | 'score')[]> = {
  draft: ['open'],
  open: ['close'],
  closed: ['reopen', 'score'],
  scored: ['score'],
};

/** One campaign: its state and steps, rater groups with their codes, progress and results. */
function CampaignCard({
  c,
  canManage,
  onEdit,
}: {
  c: CampaignDetail;
  canManage: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const step = useMutation({
    mutationFn: (action: 'open' | 'close' | 'reopen' | 'score') => campaignStep(c.id, action, c.version),
    onSuccess: (_, action) => {
      message.success(t('surveys.done', { action: t(`surveys.action.${action}`) }));
      void qc.invalidateQueries({ queryKey: ['surveys'] });
    },
    onError: showError,
  });
  return (
    <Card
      data-testid={`campaign-${c.id}`}
      title={
        <Space wrap>
          {c.name}
          <Tag color={STATUS_COLOR[c.status]} data-testid="campaign-status">
            {t(`surveys.status.${c.status}`)}
          </Tag>
          <Tag>{t(`surveys.kind.${c.kind}`)}</Tag>
          <Tag>{c.anonymous ? t('surveys.anonymous') : t('surveys.named')}</Tag>
        </Space>
      }
      extra={
        canManage && (
          <Space wrap>
            {c.status === 'draft' && (
              <Button icon={<EditOutlined />} onClick={onEdit} data-testid="campaign-edit">
                {t('campaignForm.edit')}
              </Button>
            )}
            {NEXT[c.status].map((action) => (
              <Popconfirm
                key={action}
                title={t(`surveys.confirm.${action}`)}
                onConfirm={() => step.mutate(action)}
              >
                <Button
                  type={action === 'score' ? 'primary' : 'default'}
                  loading={step.isPending}
                  data-testid={`campaign-${action}`}
                >
                  {t(`surveys.action.${action}`)}
                </Button>
              </Popconfirm>
            ))}
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {t('surveys.period')}: {c.period} · {t('surveys.window')}: {formatDateTime(c.opensAt)} –{' '}
        {formatDateTime(c.closesAt)} · {t(`surveys.method.${c.method}`)}
        {c.scoredAt && (
          <> · {t('surveys.scoredBy', { by: c.scoredBy ?? '—', at: formatDateTime(c.scoredAt) })}</>
        )}
      </Typography.Paragraph>
      {canManage && !c.anonymous && c.status !== 'draft' && <CampaignVoters id={c.id} />}
      <CampaignGroups c={c} canManage={canManage} />
      {c.status !== 'draft' && <CampaignProgress id={c.id} />}
      {c.status === 'scored' && <CampaignResults id={c.id} />}
    </Card>
  );
}

/** Satisfaction surveys (issue 10): the campaigns of a plan, for the office and leaders. */
export default function SurveysPage() {
  const { t } = useTranslation();
  const { usable, planId, setPlan } = usePlanPeriodParams();
  const [params] = useSearchParams();
  const focus = Number(params.get('campaign')) || undefined;
  const canManage = useCan('surveys.manage');
  const campaigns = useCampaigns(planId);
  const list = (campaigns.data ?? []).filter((c) => !focus || c.id === focus);
  // The campaign form: null closed, 'new' a new campaign, else the draft being edited.
  const [editing, setEditing] = useState<CampaignDetail | 'new' | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="surveys-page">
      <Card
        title={t('surveys.title')}
        extra={
          canManage && (
            <CreateButton testId="campaign-new" onClick={() => setEditing('new')}>
              {t('campaignForm.new')}
            </CreateButton>
          )
        }
      >
        <PlanSelect plans={usable} value={planId} onChange={setPlan} testId="surveys-plan" />
      </Card>
      {campaigns.isSuccess && list.length === 0 && <Empty description={t('surveys.empty')} />}
      {list.map((c) => (
        <CampaignCard key={c.id} c={c} canManage={canManage} onEdit={() => setEditing(c)} />
      ))}
      {editing && (
        <CampaignForm
          plans={usable}
          planId={planId}
          campaign={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Space>
  );
}
