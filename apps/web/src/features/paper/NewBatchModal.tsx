import type { paperCampaign } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormModal } from '../../shared/FormModal.js';
import { useShowError } from '../../shared/feedback.js';
import { createBatch, paperKeys } from './api.js';

type Campaign = z.infer<typeof paperCampaign>;
interface Values {
  groupId: number;
  unitId?: number;
  surveyPoint: string;
  doubleEntry: boolean;
}

/** A new batch of sheets: the rater group, the unit the sheets rate (if one), the survey point. */
export function NewBatchModal({
  campaign,
  onCreated,
  onClose,
}: {
  campaign: Campaign;
  onCreated: (id: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const showError = useShowError();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const groupId = Form.useWatch('groupId', form);
  const units = campaign.groups.find((g) => g.id === groupId)?.units ?? [];
  const create = useMutation({
    mutationFn: (v: Values) => createBatch({ campaignId: campaign.id, ...v, unitId: v.unitId ?? null }),
    onSuccess: (b) => {
      void qc.invalidateQueries({ queryKey: paperKeys.batches(campaign.id) });
      onCreated(b.id);
    },
    onError: showError,
  });
  return (
    <FormModal<Values>
      form={form}
      mutation={create}
      title={t('paper.newBatch')}
      initialValues={{ groupId: campaign.groups[0]?.id, doubleEntry: false }}
      onClose={onClose}
    >
      <Form.Item name="groupId" label={t('paper.group')} rules={[{ required: true }]}>
        <Select options={campaign.groups.map((g) => ({ value: g.id, label: g.name }))} />
      </Form.Item>
      <Form.Item name="unitId" label={t('paper.unit')} extra={t('paper.unitHint')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={units.map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
          data-testid="batch-unit"
        />
      </Form.Item>
      <Form.Item
        name="surveyPoint"
        label={t('paper.surveyPoint')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={100} placeholder={t('paper.surveyPointHint')} data-testid="batch-point" />
      </Form.Item>
      <Form.Item name="doubleEntry" valuePropName="checked">
        <Checkbox data-testid="batch-double">{t('paper.doubleEntry')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
