import type { Inquiry, InquiryReview } from '@jixiao/contracts';
import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../shared/FormModal.js';
import { useDialogSave } from '../../shared/useDialogSave.js';
import { inquiryApi, inquiryKeys } from './api.js';
import { beijingDayAfter } from './view.js';

const RELOAD = [inquiryKeys.all];

/** The expert raises an inquiry on the unit under review (an indicator of its lines, or none). */
export function RaiseDialog({ review, onClose }: { review: InquiryReview; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ indicator?: string; question: string; deadline: dayjs.Dayjs }>();
  const m = useDialogSave({
    save: (v: { indicator?: string; question: string; deadline: dayjs.Dayjs }) =>
      inquiryApi.raise({
        assignmentId: review.assignmentId,
        indicator: v.indicator || undefined,
        question: v.question,
        deadline: v.deadline.format('YYYY-MM-DD'),
      }),
    done: t('inquiries.raised'),
    reload: RELOAD,
    onClose,
  });
  return (
    <FormModal
      form={form}
      mutation={m}
      onClose={onClose}
      title={t('inquiries.raiseTitle', { unit: review.unitName })}
      okButtonProps={{ 'data-testid': 'inquiry-raise-ok' } as never}
      initialValues={{ deadline: dayjs(beijingDayAfter(new Date(), 7)) }}
    >
      <Form.Item name="indicator" label={t('inquiries.indicator')}>
        <Select
          allowClear
          data-testid="inquiry-raise-indicator"
          placeholder={t('inquiries.indicatorNone')}
          options={review.lines.map((l) => ({ value: l.indicator, label: `${l.indicator} ${l.name}` }))}
        />
      </Form.Item>
      <Form.Item
        name="question"
        label={t('inquiries.question')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={4} maxLength={2000} data-testid="inquiry-raise-question" />
      </Form.Item>
      <Form.Item name="deadline" label={t('inquiries.deadline')} rules={[{ required: true }]}>
        <DatePicker data-testid="inquiry-raise-deadline" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

type CloseValues = { note?: string; deduct: boolean; points?: number; reason?: string };

/** The expert closes an answered inquiry, with a deduction (points and reason) or without. */
export function CloseDialog({ inquiry, onClose }: { inquiry: Inquiry; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CloseValues>();
  const [deduct, setDeduct] = useState(false);
  const m = useDialogSave({
    save: (v: CloseValues) =>
      inquiryApi.close(inquiry, {
        note: v.note || undefined,
        deduction: v.deduct ? { points: v.points!, reason: v.reason! } : undefined,
      }),
    done: t('inquiries.closed'),
    reload: RELOAD,
    onClose,
  });
  return (
    <FormModal
      form={form}
      mutation={m}
      onClose={onClose}
      title={t('inquiries.closeTitle')}
      okButtonProps={{ 'data-testid': 'inquiry-close-ok' } as never}
      initialValues={{ deduct: false }}
    >
      <Form.Item name="deduct" label={t('inquiries.deduct')} valuePropName="checked">
        <Switch data-testid="inquiry-close-deduct" onChange={setDeduct} />
      </Form.Item>
      {deduct && (
        <>
          <Form.Item name="points" label={t('inquiries.points')} rules={[{ required: true }]}>
            <InputNumber min={0.01} max={100} step={0.5} data-testid="inquiry-close-points" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('inquiries.reason')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="inquiry-close-reason" />
          </Form.Item>
        </>
      )}
      <Form.Item name="note" label={t('inquiries.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** The office assigns one expert to units of the plan. */
export function AssignDialog({
  planId,
  experts,
  units,
  onClose,
}: {
  planId: number;
  experts: { id: number; displayName: string; username: string }[];
  units: { id: number; code: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ expertUserId: number; unitIds: number[] }>();
  const m = useDialogSave({
    save: (v: { expertUserId: number; unitIds: number[] }) => inquiryApi.assign({ planId, ...v }),
    done: (r) => t('inquiries.assigned', r),
    reload: RELOAD,
    onClose,
  });
  return (
    <FormModal form={form} mutation={m} onClose={onClose} title={t('inquiries.assignTitle')}>
      <Form.Item name="expertUserId" label={t('inquiries.expert')} rules={[{ required: true }]}>
        <Select
          data-testid="inquiry-assign-expert"
          showSearch={{ optionFilterProp: 'label' }}
          options={experts.map((e) => ({ value: e.id, label: `${e.displayName} (${e.username})` }))}
        />
      </Form.Item>
      <Form.Item name="unitIds" label={t('inquiries.units')} rules={[{ required: true }]}>
        <Select
          mode="multiple"
          data-testid="inquiry-assign-units"
          showSearch={{ optionFilterProp: 'label' }}
          options={units.map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
        />
      </Form.Item>
    </FormModal>
  );
}
