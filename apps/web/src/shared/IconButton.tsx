import { Button, type ButtonProps, Tooltip } from 'antd';

/** A small button that shows only its icon: `label` is its tooltip and its accessible name. */
export function IconButton({
  label,
  testId,
  ...props
}: { label: string; testId?: string } & Pick<ButtonProps, 'icon' | 'onClick' | 'disabled' | 'danger'>) {
  return (
    <Tooltip title={label}>
      <Button size="small" aria-label={label} data-testid={testId} {...props} />
    </Tooltip>
  );
}
