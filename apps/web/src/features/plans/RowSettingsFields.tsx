import type { ChildWeightsSpec, ComponentDeductionSpec } from '@jixiao/engine';
import { Form, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../shared/CodeSelect.js';

/**
 * Row-drawer fields of the settings real schemes needed (issue 9 point 8): objective weights of a
 * row's children (entropy / CRITIC, computed per period) and, on a component, whether its
 * deductions come off it (with a floor) or off the total.
 */
export interface RowSettingsForm {
  childWeights?: ChildWeightsSpec['method'];
  deductionsFrom?: ComponentDeductionSpec['from'];
  deductionFloor?: number | null;
}

export function rowSettingsInitial(src: Record<string, unknown>): RowSettingsForm {
  const cw = src.childWeights as ChildWeightsSpec | undefined;
  const d = src.deductions as ComponentDeductionSpec | undefined;
  return { childWeights: cw?.method, deductionsFrom: d?.from, deductionFloor: d?.floor ?? null };
}

/** The plan fields from the form: `childWeights` on a parent, `deductions` on a component. */
export function rowSettingsValues(
  v: RowSettingsForm,
  row: { parent: boolean; component: boolean },
): { childWeights?: ChildWeightsSpec; deductions?: ComponentDeductionSpec } {
  const out: { childWeights?: ChildWeightsSpec; deductions?: ComponentDeductionSpec } = {};
  if (row.parent) out.childWeights = v.childWeights ? { method: v.childWeights } : undefined;
  if (row.component)
    out.deductions =
      v.deductionsFrom === 'component'
        ? { from: 'component', ...(v.deductionFloor != null ? { floor: v.deductionFloor } : {}) }
        : undefined;
  return out;
}

export function RowSettingsFields({ parent, component }: { parent: boolean; component: boolean }) {
  const { t } = useTranslation();
  const from = Form.useWatch<RowSettingsForm['deductionsFrom']>('deductionsFrom');
  return (
    <Space wrap>
      {parent && (
        <Form.Item name="childWeights" label={t('planForms.childWeights.label')}>
          <CodeSelect
            allowClear
            data-testid="row-child-weights"
            style={{ width: 220 }}
            placeholder={t('planForms.childWeights.plan')}
            codes={['entropy', 'critic']}
            labels="planForms.childWeights"
          />
        </Form.Item>
      )}
      {component && (
        <Form.Item name="deductionsFrom" label={t('planForms.componentDeductions.label')}>
          <CodeSelect
            allowClear
            data-testid="row-deductions-from"
            style={{ width: 180 }}
            placeholder={t('planForms.componentDeductions.total')}
            codes={['total', 'component']}
            labels="planForms.componentDeductions"
          />
        </Form.Item>
      )}
      {component && from === 'component' && (
        <Form.Item name="deductionFloor" label={t('planForms.componentDeductions.floor')}>
          <InputNumber min={0} placeholder="0" style={{ width: 120 }} />
        </Form.Item>
      )}
    </Space>
  );
}
