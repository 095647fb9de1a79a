import { PlusOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';

/** The primary "new …" button of a list or page (a plus before its text). */
export function CreateButton({ testId, ...props }: Omit<ButtonProps, 'type' | 'icon'> & { testId: string }) {
  return <Button data-testid={testId} type="primary" icon={<PlusOutlined />} {...props} />;
}
