import { emptyPlanDocument } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../shared/api.js';
import { RequiredItem } from '../../shared/RequiredItem.js';
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
        <RequiredItem name="systemId" label={t('plans.system')}>
          <Select options={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </RequiredItem>
        <RequiredItem name="year" label={t('plans.year')}>
          <InputNumber min={2000} max={2100} style={{ width: 140 }} />
        </RequiredItem>
        <RequiredItem name="name" label={t('plans.name')} text>
          <Input maxLength={200} data-testid="plan-create-name" />
        </RequiredItem>
        <Form.Item name="source" label={t('plans.source')}>
          <Radio.Group
            options={[
              { value: 'template', label: t('plans.fromTemplate') },
              { value: 'empty', label: t('plans.emptyPlan') },
            ]}
          />
        </Form.Item>
        {source === 'template' && (
          <RequiredItem name="templateId" label={t('plans.template')}>
            <Select
              loading={templates.isLoading}
              options={(templates.data ?? []).map((x) => ({
                value: x.id,
                label: x.name,
                title: x.description,
              }))}
            />
          </RequiredItem>
        )}
        {create.isError && !isApiError(create.error) && <Alert type="error" title={String(create.error)} />}
      </Form>
    </Modal>
  );
}
