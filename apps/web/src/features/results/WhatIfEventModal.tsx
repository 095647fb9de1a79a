import type { Plan } from '@jixiao/engine';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { deductionProblems, type WhatIfChange } from './whatif.js';

/** Which event the user asked to simulate (null: the modal is closed). */
export type EventAsk = { type: 'deduction' | 'bonus' } | null;

/** A change before the unit it applies to is added. */
export type NoUnit<T> = T extends unknown ? Omit<T, 'unit'> : never;

export interface EventForm {
  points: number | null;
  reason: string;
  source?: string;
  indicator?: string;
}

/** Asks for the amount and the reason of a simulated bonus or deduction (never −1 by default). */
export function EventModal({
  ask,
  plan,
  leaves,
  leafName,
  unitLabel,
  onCancel,
  onOk,
}: {
  ask: EventAsk;
  plan: Plan;
  leaves: readonly string[];
  leafName: Map<string, string>;
  unitLabel: string;
  onCancel: () => void;
  onOk: (c: NoUnit<Extract<WhatIfChange, { type: 'bonus' | 'deduction' }>>) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EventForm>();
  const bonus = ask?.type === 'bonus';
  const rule = (which: 'points' | 'reason') => ({
    validator: (_: unknown, v: unknown) => {
      const p = deductionProblems(
        which === 'points' ? { points: v as number, reason: 'x' } : { points: 1, reason: v as string },
      );
      const key = p[which];
      return key ? Promise.reject(new Error(t(key))) : Promise.resolve();
    },
  });
  return (
    <Modal
      open={ask !== null}
      title={`${t(bonus ? 'sim.bonusTitle' : 'sim.deductionTitle')} · ${unitLabel}`}
      okText={t(bonus ? 'whatif.addBonus' : 'whatif.addDeduction')}
      okButtonProps={{ 'data-testid': 'whatif-event-ok' }}
      onCancel={onCancel}
      // Each ask starts from the initial values: the form's fields go with the hidden modal
      // (preserve={false}). Not a reset after the opening animation: on a slow machine that came
      // after the user had typed and wiped the amount and the reason.
      destroyOnHidden
      onOk={async () => {
        // Checked on the values themselves (the form's own check may still be running on the
        // last keystroke); when invalid, the form shows why and the modal stays open.
        const v = form.getFieldsValue(true) as EventForm;
        const bad = Object.keys(deductionProblems(v)).length > 0 || (bonus && !v.source);
        if (bad) {
          await form.validateFields().catch(() => undefined);
          return;
        }
        const reason = v.reason.trim();
        if (bonus) onOk({ type: 'bonus', source: v.source!, points: v.points!, reason });
        else
          onOk({
            type: 'deduction',
            points: v.points!,
            reason,
            ...(v.indicator ? { indicator: v.indicator } : {}),
          });
      }}
    >
      <Alert type="warning" showIcon title={t('sim.banner')} style={{ marginBottom: 12 }} />
      <Form<EventForm>
        form={form}
        preserve={false}
        layout="vertical"
        data-testid="whatif-event-form"
        initialValues={{ points: null, reason: '', source: plan.bonus?.sources[0]?.code }}
      >
        {bonus && (
          <Form.Item
            name="source"
            label={t('whatif.source')}
            rules={[{ required: true, message: t('whatif.source') }]}
          >
            <Select options={(plan.bonus?.sources ?? []).map((s) => ({ value: s.code, label: s.name }))} />
          </Form.Item>
        )}
        <Form.Item name="points" label={t('sim.points')} rules={[rule('points')]}>
          <InputNumber data-testid="whatif-event-points" min={0} step={0.5} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('sim.reason')} rules={[rule('reason')]}>
          <Input.TextArea
            data-testid="whatif-event-reason"
            rows={2}
            maxLength={2000}
            placeholder={t('sim.reasonPlaceholder')}
          />
        </Form.Item>
        {!bonus && (
          <Form.Item name="indicator" label={t('sim.indicatorOptional')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={leaves.map((c) => ({ value: c, label: `${c} ${leafName.get(c) ?? ''}` }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
