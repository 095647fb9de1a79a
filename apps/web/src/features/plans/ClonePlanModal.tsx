import type { PlanSummary } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { planApi, planKeys } from './api.js';

export function ClonePlanModal({ plan, onClose }: { plan: PlanSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ year: number; name?: string }>();
  const clone = useMutation({
    mutationFn: (v: { year: number; name?: string }) =>
      planApi.clone(plan.id, {
        year: v.year,
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
      }),
    onSuccess: async (p) => {
      message.success(t('plans.cloned'));
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      onClose();
      if (p?.id) navigate(`/plans/${p.id}`);
    },
  });
  return (
    <Modal
      open
      title={t('plans.cloneTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={clone.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: plan.year + 1 }}
        onFinish={(v) => clone.mutate(v)}
      >
        <RequiredItem name="year" label={t('plans.cloneYear')}>
          <InputNumber min={2000} max={2100} style={{ width: 140 }} />
        </RequiredItem>
        <Form.Item name="name" label={t('plans.name')}>
          <Input maxLength={200} placeholder={plan.name} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
