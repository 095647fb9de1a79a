import type { SurveyComment } from '@jixiao/contracts';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../shared/FormModal.js';
import { useDialogSave } from '../../shared/useDialogSave.js';
import { useUnits } from '../notices/api.js';
import { addObservation, type CommentStepBody, commentKeys, commentStep, useTopics } from './api.js';

export type Dialog =
  | { kind: 'classify' | 'answer' | 'return' | 'close'; comment: SurveyComment }
  | { kind: 'observation' };

interface Values {
  unitId?: number | null;
  topic?: string | null;
  text?: string;
  answer?: string;
  note?: string;
}

/** The one dialog of the comments page that is open: classify, answer, return, close or record. */
export function CommentDialog({ dialog, onClose }: { dialog: Dialog; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const office = dialog.kind !== 'answer';
  const units = useUnits(dialog.kind === 'classify' || dialog.kind === 'observation');
  const topics = useTopics(dialog.kind === 'classify' || dialog.kind === 'observation');
  const save = useDialogSave({
    save: (v: Values) => {
      if (dialog.kind === 'observation')
        return addObservation({ text: v.text!, unitId: v.unitId ?? null, topic: v.topic ?? null });
      const version = dialog.comment.version;
      const body: CommentStepBody =
        dialog.kind === 'classify'
          ? { action: 'classify', unitId: v.unitId ?? null, topic: v.topic ?? null, version }
          : dialog.kind === 'answer'
            ? { action: 'answer', answer: v.answer!, version }
            : dialog.kind === 'return'
              ? { action: 'return', note: v.note!, version }
              : { action: 'close', ...(v.note ? { note: v.note } : {}), version };
      return commentStep(dialog.comment.id, body);
    },
    reload: [commentKeys.all],
    onClose,
  });
  const current = dialog.kind === 'observation' ? undefined : dialog.comment;
  const unitTopic = (
    <>
      <Form.Item name="unitId" label={t('comments.unit')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
          data-testid="comment-unit"
        />
      </Form.Item>
      <Form.Item name="topic" label={t('comments.topic')}>
        <Select allowClear options={(topics.data ?? []).map((x) => ({ value: x.code, label: x.name }))} />
      </Form.Item>
    </>
  );
  return (
    <FormModal<Values>
      form={form}
      mutation={save}
      title={t(`comments.dialog.${dialog.kind}`)}
      initialValues={{
        unitId: current?.unit?.id ?? null,
        topic: current?.topic ?? null,
        answer: current?.answer ?? '',
      }}
      onClose={onClose}
    >
      {current && <p style={{ whiteSpace: 'pre-wrap' }}>{current.text}</p>}
      {dialog.kind === 'observation' && (
        <Form.Item name="text" label={t('comments.text')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      )}
      {(dialog.kind === 'classify' || dialog.kind === 'observation') && unitTopic}
      {dialog.kind === 'answer' && (
        <Form.Item name="answer" label={t('comments.answer')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="comment-answer" />
        </Form.Item>
      )}
      {office && (dialog.kind === 'return' || dialog.kind === 'close') && (
        <Form.Item
          name="note"
          label={t('comments.note')}
          rules={dialog.kind === 'return' ? [{ required: true, whitespace: true }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      )}
    </FormModal>
  );
}
