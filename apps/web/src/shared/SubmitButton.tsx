import { Button, type ButtonProps } from 'antd';

/** The primary button that submits its form, spinning while `saving`. */
export function SubmitButton({
  testId,
  saving,
  ...props
}: Omit<ButtonProps, 'type' | 'htmlType' | 'loading'> & { testId: string; saving?: boolean }) {
  return <Button data-testid={testId} type="primary" htmlType="submit" loading={saving} {...props} />;
}
