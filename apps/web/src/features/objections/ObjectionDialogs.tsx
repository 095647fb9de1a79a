import type { Objection, ObjectionAdjustment, ObjectionTarget, ObjectionVerdict } from '@jixiao/contracts';
import { Form, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../shared/FormModal.js';
import { ReasonItem } from '../../shared/ReasonInput.js';
import { ReasonModal } from '../../shared/ReasonModal.js';
import { useDialogSave } from '../../shared/useDialogSave.js';
import { objectionKeys, objectionsApi } from './api.js';

/** What a dialog acts on: an answer or decision (a verdict), an escalation, or a new objection. */
export type Dialog =
  | { kind: 'answer' | 'decide'; objection: Objection }
  | { kind: 'escalate'; objection: Objection }
  | { kind: 'file'; runId: number; unit: string; targets: TargetOption[] };

/** A contested item the unit may choose: an indicator, a deduction, a bonus or a veto of its result. */
export interface TargetOption {
  key: string;
  label: string;
  target: ObjectionTarget;
}

/** The adjustment a verdict makes, by the kind of item contested. */
function adjustmentOf(target: ObjectionTarget, amount: number | undefined): ObjectionAdjustment {
  if (target.kind === 'veto') return { lift: true };
  if (target.kind === 'indicator') return { value: amount ?? 0 };
  return { points: amount ?? 0 };
}

/** An objection step changes the objections and may make a new run version. */
const RELOAD = [objectionKeys.all, ['results']];

/** A dialog's save: the call, then the success message, the lists refreshed, the dialog closed. */
function useSave<T>(call: (v: T) => Promise<unknown>, done: string, onClose: () => void) {
  const { t } = useTranslation();
  const mutation = useDialogSave({ save: call, done: t(`objections.done.${done}`), reload: RELOAD, onClose });
  return { t, mutation };
}

type VerdictForm = { verdict: 'reject' | 'adjust'; explanation: string; amount?: number };

/** 答复 (the lead department) or 复核决定 (the leaders): uphold with an explanation, or adjust. */
function VerdictModal({
  d,
  onClose,
}: {
  d: Extract<Dialog, { kind: 'answer' | 'decide' }>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<VerdictForm>();
  const verdict = Form.useWatch('verdict', form);
  const o = d.objection;
  const { t, mutation: save } = useSave(
    (v: VerdictForm) => {
      const body: ObjectionVerdict =
        v.verdict === 'reject'
          ? { verdict: 'reject', explanation: v.explanation.trim() }
          : {
              verdict: 'adjust',
              explanation: v.explanation.trim(),
              adjustment: adjustmentOf(o.target, v.amount),
            };
      return d.kind === 'answer' ? objectionsApi.answer(o, body) : objectionsApi.decide(o, body);
    },
    d.kind,
    onClose,
  );
  return (
    <FormModal
      form={form}
      mutation={save}
      onClose={onClose}
      title={t(`objections.act.${d.kind}`)}
      okButtonProps={{ 'data-testid': 'verdict-ok' }}
      initialValues={{ verdict: 'reject' }}
    >
      <Form.Item name="verdict" label={t('objections.verdictLabel')}>
        <Radio.Group data-testid="verdict-choice">
          <Radio value="reject" data-testid="verdict-reject">
            {t('objections.verdict.reject')}
          </Radio>
          <Radio value="adjust" data-testid="verdict-adjust">
            {t(`objections.adjust.${o.target.kind}`)}
          </Radio>
        </Radio.Group>
      </Form.Item>
      {verdict === 'adjust' && o.target.kind !== 'veto' && (
        <Form.Item
          name="amount"
          label={t(o.target.kind === 'indicator' ? 'objections.newValue' : 'objections.newPoints')}
          rules={[{ required: true, message: t('objections.amountRequired') }]}
        >
          <InputNumber
            min={o.target.kind === 'indicator' ? undefined : 0}
            style={{ width: 200 }}
            data-testid="verdict-amount"
          />
        </Form.Item>
      )}
      <ReasonItem
        name="explanation"
        label={t('objections.explanation')}
        testId="verdict-explanation"
        max={2000}
      />
    </FormModal>
  );
}

/** 申请复核: the unit escalates the answer to the leadership group, saying why. */
function EscalateModal({ d, onClose }: { d: Extract<Dialog, { kind: 'escalate' }>; onClose: () => void }) {
  const { t, mutation: save } = useSave(
    (reason: string) => objectionsApi.respond(d.objection, 'escalate', reason),
    'escalate',
    onClose,
  );
  return (
    <ReasonModal
      title={t('objections.act.escalate')}
      label={t('objections.escalation')}
      testId="escalate-reason"
      okTestId="escalate-ok"
      max={2000}
      mutation={save}
      onClose={onClose}
    />
  );
}

/** 提出异议: the unit picks one item of its result and says why. */
function FileModal({ d, onClose }: { d: Extract<Dialog, { kind: 'file' }>; onClose: () => void }) {
  const [form] = Form.useForm<{ target: string; reason: string }>();
  const { t, mutation: save } = useSave(
    (v: { target: string; reason: string }) =>
      objectionsApi.file({
        runId: d.runId,
        unit: d.unit,
        target: d.targets.find((x) => x.key === v.target)!.target,
        reason: v.reason.trim(),
      }),
    'file',
    onClose,
  );
  return (
    <FormModal
      form={form}
      mutation={save}
      onClose={onClose}
      title={t('objections.act.file')}
      okButtonProps={{ 'data-testid': 'file-ok' }}
    >
      <Form.Item
        name="target"
        label={t('objections.target')}
        rules={[{ required: true, message: t('objections.targetRequired') }]}
      >
        <Select
          data-testid="file-target"
          showSearch={{ optionFilterProp: 'label' }}
          options={d.targets.map((x) => ({ value: x.key, label: x.label }))}
        />
      </Form.Item>
      <ReasonItem label={t('objections.reason')} testId="file-reason" rows={4} max={2000} />
    </FormModal>
  );
}

export function ObjectionDialog({ dialog, onClose }: { dialog: Dialog; onClose: () => void }) {
  if (dialog.kind === 'file') return <FileModal d={dialog} onClose={onClose} />;
  if (dialog.kind === 'escalate') return <EscalateModal d={dialog} onClose={onClose} />;
  return <VerdictModal d={dialog} onClose={onClose} />;
}
