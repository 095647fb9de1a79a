import { Form, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { FormModal } from './FormModal.js';
import { ReasonItem } from './ReasonInput.js';

/**
 * A dialog asking one required reason (a return, an escalation): OK hands the trimmed text to
 * `mutation`, whose pending state spins the button. `testId` names the text box, `okTestId` OK.
 */
export function ReasonModal({
  label,
  testId,
  okTestId,
  danger,
  rows,
  max,
  mutation,
  onClose,
  ...modal
}: {
  label: ReactNode;
  testId: string;
  okTestId: string;
  danger?: boolean;
  rows?: number;
  max?: number;
  mutation: { mutate: (reason: string) => void; isPending: boolean };
  onClose: () => void;
} & Pick<ModalProps, 'title' | 'okText'>) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal
      form={form}
      mutation={{ isPending: mutation.isPending, mutate: (v) => mutation.mutate(v.reason.trim()) }}
      onClose={onClose}
      okButtonProps={{ danger, 'data-testid': okTestId }}
      {...modal}
    >
      <ReasonItem label={label} testId={testId} rows={rows} max={max} />
    </FormModal>
  );
}
