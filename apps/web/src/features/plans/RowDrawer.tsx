import type { MethodSpec, Plan } from '@jixiao/engine';
import { Button, Drawer, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RowValues } from './edit.js';
import type { PlanRow } from './tree.js';

const METHOD_KINDS = [
  'completion',
  'pro_rata',
  'total_growth',
  'benchmark',
  'bands',
  'deduction',
  'rank',
  'efficacy',
  'zscore',
  'expert_panel',
  'satisfaction',
  'manual',
] as const;

interface RowForm {
  code: string;
  name: string;
  amount?: number | null;
  by?: string;
  methodKind?: string;
  methodParams?: string;
  direction?: string;
  owner?: string;
  leadDept?: string;
  key?: boolean;
  kind?: string;
  missing?: string;
  dimension?: string;
  unit?: string;
}

function parseJson(s: string | undefined): unknown {
  if (!s?.trim()) return undefined;
  return JSON.parse(s);
}

/** The side drawer that edits one row of the plan tree. */
export function RowDrawer({
  plan,
  row,
  onApply,
  onClose,
}: {
  plan: Plan;
  row: PlanRow;
  onApply: (values: RowValues) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RowForm>();
  const weighted = plan.scoring === 'weighted';
  const src: Record<string, unknown> =
    row.ref.level === 'component'
      ? (plan.components[row.ref.index] as unknown as Record<string, unknown>)
      : row.ref.level === 'indicator'
        ? (plan.indicators[row.ref.index] as unknown as Record<string, unknown>)
        : (plan.indicators[row.ref.index]?.subItems?.[row.ref.subIndex] as unknown as Record<
            string,
            unknown
          >);
  const ownMethod = src.method as MethodSpec | undefined;
  const { kind: _k, ...params } = (ownMethod ?? {}) as Record<string, unknown>;
  const isComponent = row.level === 'component';
  const isSub = row.level === 'sub_item';
  const hasChildIndicators = row.children?.some((c) => c.level === 'indicator');
  const byKey = weighted ? 'weightBy' : 'pointsBy';
  const amountKey = weighted ? 'weight' : 'points';
  const initial: RowForm = {
    code: String(src.code ?? ''),
    name: String(src.name ?? ''),
    amount: (src[amountKey] as number | undefined) ?? null,
    by: src[byKey] ? JSON.stringify(src[byKey]) : '',
    methodKind: ownMethod?.kind,
    methodParams: Object.keys(params).length ? JSON.stringify(params) : '',
    direction: src.direction as string | undefined,
    owner: src.owner as string | undefined,
    leadDept: src.leadDept as string | undefined,
    key: !!src.key,
    kind: src.kind as string | undefined,
    missing: src.missing as string | undefined,
    dimension: src.dimension as string | undefined,
    unit: src.unit as string | undefined,
  };
  const jsonRule = {
    validator: (_: unknown, v?: string) => {
      try {
        const x = parseJson(v);
        if (x !== undefined && (typeof x !== 'object' || x === null || Array.isArray(x)))
          return Promise.reject(new Error(t('planEditor.invalidJson')));
        return Promise.resolve();
      } catch {
        return Promise.reject(new Error(t('planEditor.invalidJson')));
      }
    },
  };

  function finish(v: RowForm) {
    const values: RowValues = {
      code: v.code.trim(),
      name: v.name.trim(),
      [amountKey]: v.amount ?? undefined,
      [byKey]: parseJson(v.by) as Record<string, number> | undefined,
    };
    if (!isComponent) {
      values.method = v.methodKind
        ? ({ ...((parseJson(v.methodParams) as object | undefined) ?? {}), kind: v.methodKind } as MethodSpec)
        : undefined;
      values.direction = (v.direction as RowValues['direction']) || undefined;
      values.owner = v.owner?.trim() || undefined;
      values.missing = (v.missing as RowValues['missing']) || undefined;
    }
    if (row.level === 'indicator') {
      values.leadDept = v.leadDept?.trim() || undefined;
      values.key = v.key || undefined;
      values.kind = (v.kind as RowValues['kind']) || undefined;
      values.unit = v.unit?.trim() || undefined;
    }
    if (isSub) values.dimension = v.dimension?.trim() || undefined;
    onApply(values);
  }

  return (
    <Drawer
      open
      data-testid="row-drawer"
      size={520}
      title={t('planEditor.editTitle', { code: row.code, name: row.name })}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" data-testid="row-apply" onClick={() => form.submit()}>
            {t('planEditor.apply')}
          </Button>
        </Space>
      }
    >
      <Form<RowForm> form={form} layout="vertical" initialValues={initial} onFinish={finish}>
        <Space.Compact block>
          <Form.Item
            name="code"
            label={t('planEditor.code')}
            style={{ width: 160 }}
            rules={[
              { required: true, whitespace: true, message: t('common.required') },
              { pattern: /^[^.\s]+$/, message: t('planEditor.code') },
            ]}
          >
            <Input data-testid="row-code" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('planEditor.name')}
            style={{ flex: 1 }}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input data-testid="row-name" />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item
            name="amount"
            label={t(weighted ? 'planEditor.weight' : 'planEditor.points')}
            style={{ width: 160 }}
          >
            <InputNumber
              min={0}
              step={weighted ? 0.05 : 1}
              style={{ width: '100%' }}
              data-testid="row-amount"
            />
          </Form.Item>
          <Form.Item name="by" label={t('planEditor.byJson')} style={{ flex: 1 }} rules={[jsonRule]}>
            <Input placeholder='{"C": 25}' />
          </Form.Item>
        </Space.Compact>
        {!isComponent && !hasChildIndicators && (
          <>
            <Form.Item name="methodKind" label={t('planEditor.method')}>
              <Select
                allowClear
                placeholder={row.methodInherited ? t('planEditor.inherited') : undefined}
                options={METHOD_KINDS.map((k) => ({ value: k, label: `${t(`methods.${k}`)} (${k})` }))}
              />
            </Form.Item>
            <Form.Item name="methodParams" label={t('planEditor.methodJson')} rules={[jsonRule]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="direction" label={t('planEditor.direction')}>
                <Select
                  allowClear
                  style={{ width: 150 }}
                  options={(['higher', 'lower'] as const).map((d) => ({
                    value: d,
                    label: t(`planEditor.directions.${d}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="missing" label={t('planEditor.missing')}>
                <Select
                  allowClear
                  style={{ width: 180 }}
                  options={(['zero', 'reweight', 'error'] as const).map((d) => ({
                    value: d,
                    label: t(`planEditor.missingPolicies.${d}`),
                  }))}
                />
              </Form.Item>
            </Space>
          </>
        )}
        {!isComponent && (
          <Form.Item name="owner" label={t('planEditor.owner')}>
            <Input data-testid="row-owner" />
          </Form.Item>
        )}
        {row.level === 'indicator' && (
          <>
            <Form.Item name="leadDept" label={t('planEditor.leadDept')}>
              <Input />
            </Form.Item>
            <Space wrap>
              <Form.Item name="kind" label={t('planEditor.kind')}>
                <Select
                  allowClear
                  style={{ width: 150 }}
                  options={(['common', 'individual', 'unit_specific'] as const).map((k) => ({
                    value: k,
                    label: t(`planEditor.kinds.${k}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="unit" label={t('planEditor.unit')}>
                <Input style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name="key" label={t('planEditor.keyWork')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Space>
          </>
        )}
        {isSub && (
          <Form.Item name="dimension" label={t('planEditor.dimension')}>
            <Input />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
