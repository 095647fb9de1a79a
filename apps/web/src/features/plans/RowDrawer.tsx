import type { ByScope, MethodSpec, Plan } from '@jixiao/engine';
import { Alert, Button, Drawer, Form, Input, InputNumber, Space, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../shared/CodeSelect.js';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { type RowValues, updateRow } from './edit.js';
import { ByScopeTable, IssueText } from './FormBits.js';
import { scopeOptions } from './forms.js';
import { MethodEditor } from './MethodEditor.js';
import {
  RowSettingsFields,
  type RowSettingsForm,
  rowSettingsInitial,
  rowSettingsValues,
} from './RowSettingsFields.js';
import { indexIssues, type PlanRow, type RowIssue } from './tree.js';

/**
 * The row's fields chosen from codes (direction, missing-value policy, indicator kind): the codes,
 * where their labels are (`planEditor.<labels>.<code>`) and the select's width.
 */
const CODE_FIELDS = {
  direction: { codes: ['higher', 'lower'], labels: 'directions', width: 150 },
  missing: { codes: ['zero', 'reweight', 'error'], labels: 'missingPolicies', width: 180 },
  kind: { codes: ['common', 'individual', 'unit_specific'], labels: 'kinds', width: 150 },
} as const;

/** One of those fields, labelled `planEditor.<name>`; it can be cleared (the plan's default). */
function CodeField({ name }: { name: keyof typeof CODE_FIELDS }) {
  const { t } = useTranslation();
  const { codes, labels, width } = CODE_FIELDS[name];
  return (
    <Form.Item name={name} label={t(`planEditor.${name}`)}>
      <CodeSelect allowClear style={{ width }} codes={codes} labels={`planEditor.${labels}`} />
    </Form.Item>
  );
}

interface RowForm extends RowSettingsForm {
  code: string;
  name: string;
  amount?: number | null;
  by?: ByScope;
  method?: MethodSpec;
  direction?: string;
  owner?: string;
  leadDept?: string;
  key?: boolean;
  kind?: string;
  missing?: string;
  dimension?: string;
  unit?: string;
}

/** The side drawer that edits one row of the plan tree. */
export function RowDrawer({
  plan,
  row,
  onApply,
  onClose,
  validate,
}: {
  plan: Plan;
  row: PlanRow;
  /** Live validation of a plan (the drawer validates the plan with the form's values applied). */
  validate: (p: Plan) => RowIssue[];
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
  const isComponent = row.level === 'component';
  const isSub = row.level === 'sub_item';
  const hasChildIndicators = row.children?.some((c) => c.level === 'indicator');
  const byKey = weighted ? 'weightBy' : 'pointsBy';
  const amountKey = weighted ? 'weight' : 'points';
  const initial: RowForm = {
    code: String(src.code ?? ''),
    name: String(src.name ?? ''),
    amount: (src[amountKey] as number | undefined) ?? null,
    by: src[byKey] as ByScope | undefined,
    method: ownMethod,
    direction: src.direction as string | undefined,
    owner: src.owner as string | undefined,
    leadDept: src.leadDept as string | undefined,
    key: !!src.key,
    kind: src.kind as string | undefined,
    missing: src.missing as string | undefined,
    dimension: src.dimension as string | undefined,
    unit: src.unit as string | undefined,
    ...rowSettingsInitial(src),
  };
  // A row with children (indicators or sub-items) may weight them from the period's data.
  const settingsOf = { parent: (row.children?.length ?? 0) > 0 && !isSub, component: isComponent };
  function toValues(v: RowForm): RowValues {
    const values: RowValues = {
      code: (v.code ?? '').trim(),
      name: (v.name ?? '').trim(),
      [amountKey]: v.amount ?? undefined,
      [byKey]: v.by && Object.keys(v.by).length ? v.by : undefined,
    };
    if (!isComponent) {
      values.method = v.method;
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
    return { ...values, ...rowSettingsValues(v, settingsOf) };
  }

  // Live validation: the plan as it would be with this form applied; the issues of this row.
  const [live, setLive] = useState<RowForm>(initial);
  const rowIssues = (() => {
    const vals = toValues(live);
    const preview = updateRow(plan, row.ref, vals);
    const issues = validate(preview);
    const idx = indexIssues(issues, preview);
    const code = vals.code || row.code;
    const key =
      row.level === 'component'
        ? `c:${code}`
        : row.level === 'indicator'
          ? `i:${code}`
          : `s:${row.key.slice(2).split('.')[0]}.${code}`;
    return idx.byRow.get(key) ?? [];
  })();
  const scopes = useMemo(() => scopeOptions(plan), [plan]);

  function finish(v: RowForm) {
    onApply(toValues(v));
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
      <Form<RowForm>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={finish}
        onValuesChange={(_, all) => setLive({ ...initial, ...all })}
      >
        <div data-testid="row-live-issues" style={{ marginBottom: 12 }}>
          {rowIssues.length === 0 ? (
            <Alert type="success" showIcon title={t('planForms.row.ok')} />
          ) : (
            <Alert
              type="error"
              showIcon
              title={t('planForms.row.liveIssues')}
              description={<IssueText issues={rowIssues} />}
            />
          )}
        </div>
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
          <RequiredItem name="name" label={t('planEditor.name')} style={{ flex: 1 }} text>
            <Input data-testid="row-name" />
          </RequiredItem>
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
        </Space.Compact>
        <Form.Item name="by" label={t('planForms.structure.by')}>
          <ByScopeTable options={scopes} />
        </Form.Item>
        <RowSettingsFields {...settingsOf} />
        {!isComponent && !hasChildIndicators && (
          <>
            <Form.Item name="method" noStyle>
              <MethodEditor
                inheritedPlaceholder={row.methodInherited ? t('planEditor.inherited') : undefined}
              />
            </Form.Item>
            <Space wrap>
              <CodeField name="direction" />
              <CodeField name="missing" />
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
              <CodeField name="kind" />
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
