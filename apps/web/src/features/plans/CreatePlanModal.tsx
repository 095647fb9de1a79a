import { emptyPlanDocument } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.js';
import { FormModal } from '../../shared/FormModal.js';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { useSystems } from '../org/api.js';
import { systemOptions } from '../org/options.js';
import { planApi, usePlanTemplates } from './api.js';
import { useOpenNewPlan } from './useOpenNewPlan.js';

export interface CreateForm {
  systemId: number;
  year: number;
  name: string;
  source: 'template' | 'empty';
  templateId?: string;
}

export function CreatePlanModal({ onClose, defaultSystem }: { onClose: () => void; defaultSystem?: number }) {
  const { t } = useTranslation();
  const openNewPlan = useOpenNewPlan(onClose);
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
    onSuccess: openNewPlan('plans.created'),
  });
  return (
    <FormModal<CreateForm>
      form={form}
      mutation={create}
      onClose={onClose}
      title={t('plans.createTitle')}
      okButtonProps={{ 'data-testid': 'plan-create-submit' } as never}
      initialValues={{ systemId: defaultSystem, year: new Date().getFullYear(), source: 'template' }}
    >
      <RequiredItem name="systemId" label={t('plans.system')}>
        <Select options={systemOptions(systems.data ?? [])} />
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
    </FormModal>
  );
}
