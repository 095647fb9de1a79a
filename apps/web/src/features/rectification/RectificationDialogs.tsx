import {
  type RectificationCreate,
  type RectificationSourceKind,
  type RectificationTask,
  rectificationSourceKinds,
} from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Form, Input, InputNumber, Select } from 'antd';
import { FormModal } from '../../shared/FormModal.js';
import { useFeedback } from '../../shared/feedback.js';
import { ReasonItem } from '../../shared/ReasonInput.js';
import { useUnits } from '../notices/api.js';
import { usePlans } from '../plans/api.js';
import { rectificationApi, rectificationKeys, useReleasedRuns } from './api.js';
import { dayAfter } from './view.js';

export type Dialog =
  | { kind: 'create' }
  | { kind: 'bulk' }
  | { kind: 'report' | 'return' | 'close'; task: RectificationTask };

interface Values {
  sourceKind?: RectificationSourceKind;
  refId?: number;
  refKey?: string;
  unitId?: number;
  title?: string;
  note?: string;
  measures?: string;
  deadline?: string;
  planId?: number;
  runId?: number;
  minLostShare?: number;
  percent?: number;
  text?: string;
  reason?: string;
}

const required = [{ required: true, whitespace: true }];

/** The one open dialog of the rectification pages: create, bulk from a run, report, send back, close. */
export function RectificationDialog({ dialog, onClose }: { dialog: Dialog; onClose: () => void }) {
  const { t, message, showError, queryClient: qc } = useFeedback();
  const [form] = Form.useForm<Values>();
  const sourceKind = Form.useWatch('sourceKind', form);
  const planId = Form.useWatch('planId', form);
  const units = useUnits(dialog.kind === 'create');
  const plans = usePlans({}, dialog.kind === 'bulk');
  const runs = useReleasedRuns(dialog.kind === 'bulk' ? planId : undefined);
  const save = useMutation({
    mutationFn: async (v: Values) => {
      if (dialog.kind === 'create') {
        const body: RectificationCreate = {
          source: { kind: v.sourceKind!, refId: v.refId ?? null, refKey: v.refKey?.trim() || null },
          ...(v.unitId ? { unitId: v.unitId } : {}),
          title: v.title!,
          ...(v.note ? { note: v.note } : {}),
          measures: v.measures ?? '',
          deadline: v.deadline!,
        };
        return rectificationApi.create(body);
      }
      if (dialog.kind === 'bulk') {
        const r = await rectificationApi.fromRun({
          runId: v.runId!,
          minLostShare: v.minLostShare! / 100,
          deadline: v.deadline!,
          measures: v.measures ?? '',
        });
        message.success(t('rectification.bulkDone', r));
        return r;
      }
      const { task } = dialog;
      const version = task.version;
      if (dialog.kind === 'report')
        return rectificationApi.step(task, { action: 'report', percent: v.percent!, text: v.text!, version });
      if (dialog.kind === 'return')
        return rectificationApi.step(task, { action: 'return', reason: v.reason!, version });
      return rectificationApi.step(task, { action: 'close', ...(v.note ? { note: v.note } : {}), version });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: rectificationKeys.all });
      onClose();
    },
    onError: showError,
  });
  const deadline = (
    <Form.Item name="deadline" label={t('rectification.deadline')} rules={[{ required: true }]}>
      <Input type="date" data-testid="rectification-deadline" />
    </Form.Item>
  );
  const measures = (
    <Form.Item name="measures" label={t('rectification.measures')}>
      <Input.TextArea rows={3} maxLength={2000} data-testid="rectification-measures" />
    </Form.Item>
  );
  const task = 'task' in dialog ? dialog.task : undefined;
  return (
    <FormModal<Values>
      form={form}
      mutation={save}
      title={t(`rectification.dialog.${dialog.kind}`)}
      initialValues={{
        sourceKind: 'manual',
        deadline: dayAfter(new Date(), 30),
        minLostShare: 20,
        percent: task?.progress ?? 0,
      }}
      onClose={onClose}
    >
      {task && <p style={{ fontWeight: 500 }}>{`${task.unitName} · ${task.title}`}</p>}
      {dialog.kind === 'create' && (
        <>
          <Form.Item name="sourceKind" label={t('rectification.source')} rules={[{ required: true }]}>
            <Select
              data-testid="rectification-source"
              options={rectificationSourceKinds
                .filter((k) => k !== 'rating')
                .map((k) => ({ value: k, label: t(`rectification.sources.${k}`) }))}
            />
          </Form.Item>
          {sourceKind && sourceKind !== 'manual' && (
            <Form.Item
              name="refId"
              label={t(`rectification.refIds.${sourceKind}`)}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="rectification-ref" />
            </Form.Item>
          )}
          {sourceKind === 'result' && (
            <Form.Item name="refKey" label={t('rectification.indicator')} rules={required}>
              <Input maxLength={64} />
            </Form.Item>
          )}
          {(sourceKind === 'manual' || sourceKind === 'result') && (
            <Form.Item name="unitId" label={t('rectification.unit')} rules={[{ required: true }]}>
              <Select
                showSearch
                optionFilterProp="label"
                data-testid="rectification-unit"
                options={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
              />
            </Form.Item>
          )}
          <Form.Item name="title" label={t('rectification.title')} rules={required}>
            <Input maxLength={200} data-testid="rectification-title" />
          </Form.Item>
          <Form.Item name="note" label={t('rectification.weakness')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="rectification-note" />
          </Form.Item>
          {measures}
          {deadline}
        </>
      )}
      {dialog.kind === 'bulk' && (
        <>
          <Form.Item name="planId" label={t('rectification.plan')} rules={[{ required: true }]}>
            <Select
              data-testid="rectification-plan"
              options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.year} ${p.name}` }))}
              onChange={() => form.setFieldValue('runId', undefined)}
            />
          </Form.Item>
          <Form.Item name="runId" label={t('rectification.run')} rules={[{ required: true }]}>
            <Select
              data-testid="rectification-run"
              options={(runs.data ?? [])
                .filter((r) => r.status === 'released')
                .map((r) => ({ value: r.id, label: `${r.period} #${r.id}` }))}
            />
          </Form.Item>
          <Form.Item
            name="minLostShare"
            label={t('rectification.minLostShare')}
            extra={t('rectification.minLostShareHelp')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={99} suffix="%" data-testid="rectification-share" />
          </Form.Item>
          {measures}
          {deadline}
        </>
      )}
      {dialog.kind === 'report' && (
        <>
          <Form.Item name="percent" label={t('rectification.percent')} rules={[{ required: true }]}>
            <InputNumber
              min={0}
              max={100}
              precision={0}
              suffix="%"
              style={{ width: '100%' }}
              data-testid="rectification-percent"
            />
          </Form.Item>
          <Form.Item name="text" label={t('rectification.reportText')} rules={required}>
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="rectification-text" />
          </Form.Item>
        </>
      )}
      {dialog.kind === 'return' && (
        <ReasonItem label={t('rectification.returnReason')} testId="rectification-reason" max={500} />
      )}
      {dialog.kind === 'close' && (
        <Form.Item name="note" label={t('rectification.closeNote')}>
          <Input.TextArea rows={3} maxLength={500} data-testid="rectification-close-note" />
        </Form.Item>
      )}
    </FormModal>
  );
}
