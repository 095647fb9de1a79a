import { emptyPlanDocument } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../shared/api.js';
import { useSystems } from '../org/api.js';
import { planApi, planKeys, usePlanTemplates } from './api.js';

export interface CreateForm {
  systemId: number;
  year: number;
  name: string;
  source: 'template' | 'empty';
  templateId?: string;
}

export function CreatePlanModal({ onClose, defaultSystem }: { onClose: () => void; defaultSystem?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateForm>();
  const systems = useSystems();
  const templates = usePlanTemplates();
  const source = Form.useWatch('source', form);
  const create = useMutation({
    mutationFn: (v: CreateForm) =>
      planApi.create({
        systemId: v.systemId,
        year: v.year,
        name: v.name.trim(),
        ...(v.source === 'template' && v.templateId
          ? { templateId: v.templateId }
          : { document: emptyPlanDocument({ id: `plan-${v.year}`, name: v.name.trim(), year: v.year }) }),
      }),
    onSuccess: async (p) => {
      message.success(t('plans.created'));
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      onClose();
      if (p?.id) navigate(`/plans/${p.id}`);
    },
  });
  return (
    <Modal
      open
      title={t('plans.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'plan-create-submit' } as never}
      destroyOnHidden
    >
      <Form<CreateForm>
        form={form}
        layout="vertical"
        initialValues={{ systemId: defaultSystem, year: new Date().getFullYear(), source: 'template' }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item
          name="systemId"
          label={t('plans.system')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('plans.year')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={2000} max={2100} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('plans.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} data-testid="plan-create-name" />
        </Form.Item>
        <Form.Item name="source" label={t('plans.source')}>
          <Radio.Group
            options={[
              { value: 'template', label: t('plans.fromTemplate') },
              { value: 'empty', label: t('plans.emptyPlan') },
            ]}
          />
        </Form.Item>
        {source === 'template' && (
          <Form.Item
            name="templateId"
            label={t('plans.template')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              loading={templates.isLoading}
              options={(templates.data ?? []).map((x) => ({
                value: x.id,
                label: x.name,
                title: x.description,
              }))}
            />
          </Form.Item>
        )}
        {create.isError && !isApiError(create.error) && <Alert type="error" title={String(create.error)} />}
      </Form>
    </Modal>
  );
}
