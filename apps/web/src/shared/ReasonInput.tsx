import { Form, type FormItemProps, Input } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import { useTranslation } from 'react-i18next';

/**
 * A reason or note typed in a form or dialog (a correction, a return, a decision): the text as
 * typed, at most `max` characters.
 */
export function ReasonInput({
  testId,
  value,
  onChange,
  max,
  rows = 3,
  ...rest
}: {
  testId: string;
  value: string;
  onChange: (text: string) => void;
  max: number;
  rows?: number;
} & Pick<TextAreaProps, 'placeholder' | 'status'>) {
  return (
    <Input.TextArea
      data-testid={testId}
      rows={rows}
      maxLength={max}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      {...rest}
    />
  );
}

/**
 * A form's `reason` field (a return, a reopening, an escalation; or another `name`, e.g. an
 * explanation): required, spaces alone count as empty, at most `max` characters.
 */
export function ReasonItem({
  label,
  testId,
  name = 'reason',
  rows = 3,
  max = 1000,
}: {
  label: FormItemProps['label'];
  testId: string;
  name?: string;
  rows?: number;
  max?: number;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}
    >
      <Input.TextArea data-testid={testId} rows={rows} maxLength={max} />
    </Form.Item>
  );
}
