import type { PeriodWindow } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../shared/FormModal.js';
import { ReasonItem } from '../../shared/ReasonInput.js';
import { tbApi, useTaskBooks } from '../taskbooks/api.js';
import { cstInstant } from './calendar.js';

export function ReopenModal({
  w,
  planId,
  onClose,
  onDone,
  onError,
}: {
  w: PeriodWindow;
  planId: number;
  onClose: () => void;
  onDone: (next: PeriodWindow) => void;
  onError: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const books = useTaskBooks(planId);
  const units = [
    ...(books.data?.items ?? []).map((b) => ({ value: b.unitId, label: `${b.unitCode} ${b.unitName}` })),
    ...(books.data?.unitsWithout ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` })),
  ];
  const [form] = Form.useForm<{ unitId: number; reason: string; until: Dayjs }>();
  const reopen = useMutation({
    mutationFn: (v: { unitId: number; reason: string; until: Dayjs }) =>
      tbApi.reopen(w.id, {
        unitId: v.unitId,
        reason: v.reason.trim(),
        until: cstInstant(v.until.format('YYYY-MM-DD'), 'end'),
      }),
    onSuccess: (next, v) => {
      message.success(
        t('calendar.reopened', {
          unit: units.find((u) => u.value === v.unitId)?.label ?? v.unitId,
          until: v.until.format('YYYY-MM-DD'),
        }),
      );
      onDone(next);
    },
    onError,
  });
  return (
    <FormModal
      form={form}
      mutation={reopen}
      onClose={onClose}
      title={t('calendar.reopenTitle', { period: w.period })}
      okButtonProps={{ 'data-testid': 'cal-reopen-ok' }}
      initialValues={{ until: dayjs().add(7, 'day') }}
    >
      <Form.Item name="unitId" label={t('calendar.reopenUnit')} rules={[{ required: true }]}>
        <Select
          data-testid="cal-reopen-unit"
          showSearch={{ optionFilterProp: 'label' }}
          loading={books.isLoading}
          options={units}
        />
      </Form.Item>
      <ReasonItem label={t('calendar.reopenReason')} testId="cal-reopen-reason" rows={2} />
      <Form.Item name="until" label={t('calendar.reopenUntil')} rules={[{ required: true }]}>
        <DatePicker data-testid="cal-reopen-until" />
      </Form.Item>
    </FormModal>
  );
}
