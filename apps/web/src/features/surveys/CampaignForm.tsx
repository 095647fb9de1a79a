import { type CampaignDetail, campaignKind, type PlanSummary, surveyMethod } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../shared/FormModal.js';
import { GridItem } from '../../shared/GridItem.js';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { useUnits } from '../notices/api.js';
import { useCategories, useGroups } from '../org/api.js';
import { usePlan } from '../plans/api.js';
import { useQuestionnaires } from '../questionnaires/api.js';
import { latestVersions } from '../questionnaires/builder-model.js';
import { usePeriods } from '../submissions/api.js';
import { PlanSelect } from '../submissions/PlanSelect.js';
import { createCampaign, updateCampaign } from './api.js';
import {
  bodyOf,
  type CampaignValues,
  newCampaign,
  surveyLeaves,
  unitsBySystemGroup,
  updateOf,
  valuesOf,
} from './campaign-form.js';
import { GroupsEditor } from './GroupsEditor.js';

/** The form's own shape: the times as date pickers whose wall clock is Beijing time. */
type Shape = Omit<CampaignValues, 'opensAt' | 'closesAt'> & { opensAt: Dayjs; closesAt: Dayjs };
const WALL = 'YYYY-MM-DD HH:mm';

/** The plan picker as a form control (the form item gives its value and change handler). */
function PlanField(p: { plans: PlanSummary[]; value?: number; onChange?: (id: number) => void }) {
  return (
    <PlanSelect plans={p.plans} value={p.value} onChange={(id) => p.onChange?.(id)} testId="campaign-plan" />
  );
}

/**
 * What the form offers for the chosen plan: its periods, survey indicators, units and
 * questionnaires, each list kept while its own data stays the same (an open dropdown is not
 * rebuilt when another list arrives).
 */
function useChoices(planId: number | undefined, c: CampaignDetail | undefined) {
  const { t } = useTranslation();
  const plan = usePlan(planId).data;
  const periods = usePeriods(planId).data;
  const categories = useCategories().data;
  const orgGroups = useGroups().data;
  const units = useUnits().data;
  const all = useQuestionnaires().data;
  const periodOptions = useMemo(() => {
    const year = plan?.year;
    const codes = new Set([
      ...(periods ?? []).map((p) => p.period),
      ...(year ? [`${year}-H1`, `${year}-Y`] : []),
      ...(c ? [c.period] : []),
    ]);
    return [...codes].sort().map((p) => ({ value: p, label: p }));
  }, [plan, periods, c]);
  const indicators = useMemo(
    () => surveyLeaves(plan?.document).map((l) => ({ value: l.code, label: `${l.code} ${l.name}` })),
    [plan],
  );
  const questionnaires = useMemo(() => {
    const used = new Set(c?.groups.map((g) => g.questionnaireId));
    const latest = new Set(latestVersions(all ?? []).map((q) => q.id));
    return (all ?? [])
      .filter((q) => latest.has(q.id) || used.has(q.id))
      .map((q) => ({
        value: q.id,
        label: `${q.name} · ${t('questionnaires.versionNo', { n: q.versionNo })}`,
      }));
  }, [all, c, t]);
  const unitGroups = useMemo(
    () => (plan ? unitsBySystemGroup(plan.systemId, categories ?? [], orgGroups ?? [], units ?? []) : []),
    [plan, categories, orgGroups, units],
  );
  return { periods: periodOptions, indicators, questionnaires, unitGroups };
}

/**
 * A draft campaign's form (issue 10 point 2): plan, name, kind, period, indicator, anonymity,
 * method, open and close times in Beijing time, and its rater groups. `campaign` given: edits that
 * draft (PUT with its version); else creates one in `planId`.
 */
export function CampaignForm({
  plans,
  planId,
  campaign,
  onClose,
}: {
  plans: PlanSummary[];
  planId: number | undefined;
  campaign?: CampaignDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Shape>();
  const initial = useMemo(() => {
    const plan = plans.find((p) => p.id === planId);
    const v = campaign
      ? valuesOf(campaign)
      : newCampaign(planId ?? 0, plan?.year ?? new Date().getFullYear());
    return {
      ...v,
      planId: campaign?.planId ?? planId,
      opensAt: dayjs(v.opensAt),
      closesAt: dayjs(v.closesAt),
    };
  }, [campaign, planId, plans]);
  const chosenPlan = Form.useWatch('planId', form) ?? initial.planId;
  const choices = useChoices(chosenPlan, campaign);
  const method = Form.useWatch('method', form);

  const save = useMutation({
    mutationFn: (v: Shape) => {
      const values = { ...v, opensAt: v.opensAt.format(WALL), closesAt: v.closesAt.format(WALL) };
      return campaign
        ? updateCampaign(campaign.id, updateOf(values, campaign.version))
        : createCampaign(bodyOf(values));
    },
    onSuccess: (c) => {
      message.success(t(campaign ? 'campaignForm.saved' : 'campaignForm.created', { name: c.name }));
      void qc.invalidateQueries({ queryKey: ['surveys'] });
      onClose();
    },
  });
  const options = (e: { options: readonly string[] }, prefix: string) =>
    e.options.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }));

  return (
    <FormModal<Shape>
      form={form}
      mutation={save}
      initialValues={initial}
      onClose={onClose}
      width={1000}
      title={campaign ? t('campaignForm.titleEdit', { name: campaign.name }) : t('campaignForm.titleNew')}
      okButtonProps={{ 'data-testid': 'campaign-form-save' }}
    >
      <div data-testid="campaign-form">
        <Row gutter={12}>
          <Col xs={24} md={12}>
            {campaign ? (
              <Form.Item label={t('surveys.plan')}>
                {plans.find((p) => p.id === campaign.planId)?.name ?? campaign.planId}
              </Form.Item>
            ) : (
              <RequiredItem name="planId" label={t('surveys.plan')}>
                <PlanField plans={plans} />
              </RequiredItem>
            )}
          </Col>
          <GridItem xs={24} md={12} name="name" label={t('campaignForm.name')} required="text">
            <Input data-testid="campaign-name" />
          </GridItem>
          <GridItem xs={12} md={6} name="kind" label={t('campaignForm.kind')} required>
            <Select options={options(campaignKind, 'surveys.kind')} />
          </GridItem>
          <GridItem xs={12} md={6} name="period" label={t('campaignForm.period')} required>
            <Select options={choices.periods} data-testid="campaign-period" />
          </GridItem>
          <GridItem xs={24} md={12} name="indicator" label={t('campaignForm.indicator')}>
            <Select
              allowClear
              placeholder={t('campaignForm.indicatorNone')}
              options={choices.indicators}
              data-testid="campaign-indicator"
            />
          </GridItem>
          <GridItem xs={12} md={6} name="opensAt" label={t('campaignForm.opensAt')} required>
            <DatePicker showTime={{ format: 'HH:mm' }} format={WALL} data-testid="campaign-opens" />
          </GridItem>
          <GridItem xs={12} md={6} name="closesAt" label={t('campaignForm.closesAt')} required>
            <DatePicker showTime={{ format: 'HH:mm' }} format={WALL} data-testid="campaign-closes" />
          </GridItem>
          <GridItem xs={12} md={4} name="method" label={t('campaignForm.method')} required>
            <Select options={options(surveyMethod, 'surveys.method')} />
          </GridItem>
          <GridItem
            xs={12}
            md={5}
            name="shareFrom"
            label={t('campaignForm.shareFrom')}
            hidden={method !== 'share'}
          >
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </GridItem>
          <GridItem xs={12} md={3} name="anonymous" label=" " valuePropName="checked">
            <Checkbox>{t('campaignForm.anonymous')}</Checkbox>
          </GridItem>
        </Row>
        <Divider titlePlacement="start">{t('campaignForm.groups')}</Divider>
        <GroupsEditor
          form={form}
          indicators={choices.indicators}
          questionnaires={choices.questionnaires}
          unitGroups={choices.unitGroups}
        />
      </div>
    </FormModal>
  );
}
