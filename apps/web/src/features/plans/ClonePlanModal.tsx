import type { PlanSummary } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../shared/FormModal.js';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { planApi } from './api.js';
import { useOpenNewPlan } from './useOpenNewPlan.js';

export function ClonePlanModal({ plan, onClose }: { plan: PlanSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const openNewPlan = useOpenNewPlan(onClose);
  const [form] = Form.useForm<{ year: number; name?: string }>();
  const clone = useMutation({
    mutationFn: (v: { year: number; name?: string }) =>
      planApi.clone(plan.id, {
        year: v.year,
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
      }),
    onSuccess: openNewPlan('plans.cloned'),
  });
  return (
    <FormModal
      form={form}
      mutation={clone}
      onClose={onClose}
      title={t('plans.cloneTitle')}
      initialValues={{ year: plan.year + 1 }}
    >
      <RequiredItem name="year" label={t('plans.cloneYear')}>
        <InputNumber min={2000} max={2100} style={{ width: 140 }} />
      </RequiredItem>
      <Form.Item name="name" label={t('plans.name')}>
        <Input maxLength={200} placeholder={plan.name} />
      </Form.Item>
    </FormModal>
  );
}
