import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { RatingScale } from '@jixiao/contracts';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  freshCode,
  type Problems,
  presetOf,
  problemsUnder,
  replaced,
  type ScalePreset,
  scaleOfPreset,
} from './builder-model.js';

/** A labelled field of the builder showing the contract's problem with it, if any. */
export function Field({
  label,
  problem,
  children,
}: {
  label?: ReactNode;
  problem?: Problems[string];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={label}
      validateStatus={problem ? 'error' : undefined}
      help={problem ? t(problem.key, problem.params) : undefined}
      style={{ marginBottom: 8 }}
    >
      {children}
    </Form.Item>
  );
}

type Row = { code: string; label: string; value?: number };
/** A row's two text cells and their widths. */
const TEXT_CELLS = [
  { key: 'code', width: 90 },
  { key: 'label', width: 200 },
] as const;

/**
 * Rows of code + label (choice options, a matrix's fixed rows) or code + label + 0–100 value (a
 * labelled scale): edit, add, remove. `problems` are keyed relative to the list (`0.label`).
 */
export function RowsEditor<T extends Row>({
  rows,
  onChange,
  problems,
  withValue = false,
  testId,
}: {
  rows: T[];
  onChange: (rows: T[]) => void;
  problems: Problems;
  withValue?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Row>) => onChange(replaced(rows, i, { ...rows[i]!, ...patch }));
  const fresh = { code: freshCode(rows, withValue ? 'l' : 'o'), label: '' };
  return (
    <div data-testid={testId}>
      <Field problem={problems['']}>
        <Space orientation="vertical" style={{ width: '100%' }} size={4}>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row's code is edited in place; its place is its identity
            <Space key={i} wrap align="start">
              {TEXT_CELLS.map(({ key, width }) => (
                <Field key={key} problem={problems[`${i}.${key}`]}>
                  <Input
                    value={r[key]}
                    onChange={(e) => set(i, { [key]: e.target.value })}
                    placeholder={t(`questionnaires.${key}`)}
                    style={{ width }}
                    data-testid={`${testId}-${key}-${i}`}
                  />
                </Field>
              ))}
              {withValue && (
                <Field problem={problems[`${i}.value`]}>
                  <InputNumber
                    value={r.value}
                    min={0}
                    max={100}
                    onChange={(v) => set(i, { value: v ?? undefined })}
                    addonBefore={t('questionnaires.value')}
                    style={{ width: 150 }}
                  />
                </Field>
              )}
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('questionnaires.removeRow')}
                onClick={() => onChange(rows.filter((_, k) => k !== i))}
              />
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            size="small"
            onClick={() => onChange([...rows, (withValue ? { ...fresh, value: 0 } : fresh) as T])}
            data-testid={`${testId}-add`}
          >
            {t('questionnaires.addRow')}
          </Button>
        </Space>
      </Field>
    </div>
  );
}

const PRESETS: ScalePreset[] = ['labels', 'r5', 'r10', 'range'];
/** The two ends of a custom range, each a whole number. */
const RANGE_ENDS = ['min', 'max'] as const;

/** A rating scale: 1–5, 1–10, a custom min–max, or labelled options with their 0–100 values. */
export function ScaleEditor({
  scale,
  onChange,
  problems,
  testId,
}: {
  scale: RatingScale;
  onChange: (scale: RatingScale) => void;
  problems: Problems;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      <Field label={t('questionnaires.scale')}>
        <Select
          value={presetOf(scale)}
          onChange={(p) => onChange(scaleOfPreset(p, scale))}
          options={PRESETS.map((p) => ({ value: p, label: t(`questionnaires.preset.${p}`) }))}
          style={{ width: 280 }}
          data-testid={`${testId}-scale`}
        />
      </Field>
      {scale.kind === 'range' ? (
        <Space wrap>
          {RANGE_ENDS.map((end) => (
            <Field key={end} label={t(`questionnaires.${end}`)} problem={problems[`scale.${end}`]}>
              <InputNumber
                value={scale[end]}
                precision={0}
                onChange={(v) => onChange({ ...scale, [end]: v ?? 0 })}
              />
            </Field>
          ))}
        </Space>
      ) : (
        <RowsEditor
          rows={scale.options}
          withValue
          onChange={(options) => onChange({ ...scale, options })}
          problems={problemsUnder(problems, 'scale.options')}
          testId={`${testId}-labels`}
        />
      )}
    </Space>
  );
}
