import { Input } from 'antd';
import type { TextAreaProps } from 'antd/es/input';

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
