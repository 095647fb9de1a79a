import { PASSWORD_MIN_LENGTH } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { changePassword, ME_KEY, useCurrentUser } from '../../shared/auth.js';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { SubmitButton } from '../../shared/SubmitButton.js';
import { CenteredScreen } from './CenteredScreen.js';
import { NewPasswordItem } from './PasswordHint.js';

interface ChangeForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeForm>();

  const change = useMutation({
    mutationFn: (v: ChangeForm) =>
      changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: async () => {
      message.success(t('password.changed'));
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      navigate('/', { replace: true });
    },
  });

  return (
    <CenteredScreen>
      <Card style={{ width: '100%', maxWidth: 440 }} title={t('password.title')}>
        {me.mustChangePassword && (
          <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
        )}
        <Typography.Paragraph type="secondary">
          {t('password.policy', { min: PASSWORD_MIN_LENGTH })}
        </Typography.Paragraph>
        <Form<ChangeForm> form={form} layout="vertical" onFinish={(v) => change.mutate(v)}>
          <RequiredItem name="currentPassword" label={t('password.current')}>
            <Input.Password data-testid="cp-current" autoComplete="current-password" />
          </RequiredItem>
          <NewPasswordItem name="newPassword" label={t('password.new')} testId="cp-new" />
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  !v || v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password data-testid="cp-confirm" autoComplete="new-password" />
          </Form.Item>
          <Space>
            <SubmitButton testId="cp-submit" saving={change.isPending}>
              {t('password.submit')}
            </SubmitButton>
            {!me.mustChangePassword && <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>}
          </Space>
        </Form>
      </Card>
    </CenteredScreen>
  );
}
