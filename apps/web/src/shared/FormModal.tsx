import { Form, type FormInstance, Modal, type ModalProps } from 'antd';
import type { ReactNode } from 'react';

/**
 * A dialog holding one form: OK submits the form, its values go to `mutation`, and the OK button
 * spins while it saves. The form is laid out vertically and starts from `initialValues`.
 */
export function FormModal<T>({
  form,
  mutation,
  initialValues,
  onClose,
  children,
  ...modal
}: {
  form: FormInstance<T>;
  mutation: { mutate: (values: T) => void; isPending: boolean };
  initialValues?: Partial<T>;
  onClose: () => void;
  children: ReactNode;
} & Pick<ModalProps, 'title' | 'width' | 'okText' | 'okButtonProps'>) {
  return (
    <Modal
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      {...modal}
    >
      <Form<T>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => mutation.mutate(v)}
      >
        {children}
      </Form>
    </Modal>
  );
}
