import type { Notice } from '@jixiao/contracts';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { notificationText } from '../../shared/notifications.js';
import { useUnits } from './api.js';

export type FormKind = 'urging' | 'observation' | 'answer' | 'escalate';

export interface FormValues {
  unitId?: number;
  indicator?: string;
  title?: string;
  body?: string;
  dueDate?: Dayjs;
  answer?: string;
  reason?: string;
}

/** One modal for the four forms of the notices page: issue, file, answer, escalate. */
export function NoticeFormModal(props: {
  kind: FormKind | null;
  notice?: Notice | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (v: FormValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const needsUnit = props.kind === 'urging' || props.kind === 'observation';
  const units = useUnits(needsUnit);
  const req = [{ required: true }];
  const title = props.kind
    ? t(
        {
          urging: 'notice.issue',
          observation: 'notice.file',
          answer: 'notice.actions.answer',
          escalate: 'notice.actions.escalate',
        }[props.kind],
      )
    : '';
  return (
    <Modal
      open={props.kind !== null}
      title={title}
      destroyOnHidden
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => void form.validateFields().then(props.onSubmit)}
      okButtonProps={{ id: 'notice-form-ok' }}
    >
      <Form form={form} layout="vertical" preserve={false} data-testid="notice-form">
        {props.notice && <p>{notificationText(t, props.notice).title}</p>}
        {needsUnit && (
          <Form.Item name="unitId" label={t('notice.unit')} rules={req}>
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="notice-unit"
              loading={units.isPending}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
            />
          </Form.Item>
        )}
        {props.kind === 'urging' && (
          <Form.Item name="indicator" label={t('notice.indicator')} rules={req}>
            <Input data-testid="notice-indicator" placeholder="T1" />
          </Form.Item>
        )}
        {needsUnit && (
          <>
            <Form.Item name="title" label={t('notice.heading')} rules={req}>
              <Input data-testid="notice-title" maxLength={200} />
            </Form.Item>
            <Form.Item name="body" label={t('notice.body')} rules={req}>
              <Input.TextArea data-testid="notice-body" rows={4} maxLength={4000} />
            </Form.Item>
          </>
        )}
        {props.kind === 'urging' && (
          <Form.Item name="dueDate" label={t('notice.dueDate')} rules={req}>
            <DatePicker data-testid="notice-due" />
          </Form.Item>
        )}
        {props.kind === 'answer' && (
          <Form.Item name="answer" label={t('notice.answer')} rules={req}>
            <Input.TextArea data-testid="notice-answer" rows={5} maxLength={4000} />
          </Form.Item>
        )}
        {props.kind === 'escalate' && (
          <Form.Item name="reason" label={t('notice.reason')} rules={req}>
            <Input.TextArea data-testid="notice-reason" rows={4} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
