import type { User } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Form, Input, Switch } from 'antd';
import { isApiError } from '../../shared/api.js';
import { FormModal } from '../../shared/FormModal.js';
import { useFeedback } from '../../shared/feedback.js';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { NewPasswordItem } from '../auth/PasswordHint.js';
import { OrgNodeSelect } from '../org/OrgNodeSelect.js';
import { userApi, userKeys } from './api.js';

interface EditForm {
  displayName: string;
  orgNodeId: number | null;
  active: boolean;
}

export function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t, message, queryClient } = useFeedback();
  const [form] = Form.useForm<EditForm>();
  const save = useMutation({
    mutationFn: (v: EditForm) => {
      const patch: Record<string, unknown> & { version: number } = { version: user.version };
      if (v.displayName.trim() !== user.displayName) patch.displayName = v.displayName.trim();
      if ((v.orgNodeId ?? null) !== user.orgNodeId) patch.orgNodeId = v.orgNodeId ?? null;
      if (v.active !== user.active) patch.active = v.active;
      return userApi.update(user.id, patch);
    },
    onSuccess: async () => {
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'VERSION_CONFLICT')
        void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
  return (
    <FormModal<EditForm>
      form={form}
      mutation={save}
      onClose={onClose}
      title={`${t('users.edit')} · ${user.username}`}
      initialValues={{ displayName: user.displayName, orgNodeId: user.orgNodeId, active: user.active }}
    >
      <RequiredItem name="displayName" label={t('users.displayName')} text>
        <Input maxLength={100} />
      </RequiredItem>
      <Form.Item name="orgNodeId" label={t('users.orgNode')}>
        <OrgNodeSelect />
      </Form.Item>
      <Form.Item name="active" label={t('users.active')} valuePropName="checked">
        <Switch checkedChildren={t('users.active')} unCheckedChildren={t('users.inactive')} />
      </Form.Item>
    </FormModal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t, message, queryClient } = useFeedback();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useMutation({
    mutationFn: (v: { password: string }) => userApi.resetPassword(user.id, v.password),
    onSuccess: async () => {
      message.success(t('users.passwordReset'));
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      onClose();
    },
  });
  return (
    <FormModal
      form={form}
      mutation={reset}
      onClose={onClose}
      title={t('users.resetPasswordOf', { name: user.displayName })}
    >
      <NewPasswordItem name="password" label={t('password.new')} tooltip={t('users.passwordHint')} />
    </FormModal>
  );
}
