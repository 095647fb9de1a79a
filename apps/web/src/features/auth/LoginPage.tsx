import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ME_KEY, signIn } from '../../shared/auth.js';
import { formatError } from '../../shared/feedback.js';
import { LangSwitch } from '../../shared/LangSwitch.js';
import { SubmitButton } from '../../shared/SubmitButton.js';
import { CenteredScreen } from './CenteredScreen.js';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reason = params.get('reason');
  const [error, setError] = useState<unknown>(null);

  const login = useMutation({
    mutationFn: (body: LoginForm) => signIn(body),
    meta: { silent: true },
    onMutate: () => setError(null),
    onError: (e) => setError(e),
    onSuccess: ({ user }) => {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, user);
      navigate(user.mustChangePassword ? '/change-password' : safeNext(params.get('next')), {
        replace: true,
      });
    },
  });

  const reasonText =
    reason === 'SESSION_EXPIRED'
      ? t('login.sessionExpired')
      : reason === 'UNAUTHENTICATED'
        ? t('login.signInRequired')
        : null;

  return (
    <CenteredScreen background="linear-gradient(160deg, #e8eef8 0%, #f7f9fc 100%)">
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LangSwitch size="small" />
        </div>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {reasonText && !error && (
          <Alert
            data-testid="login-reason"
            type="warning"
            showIcon
            title={reasonText}
            style={{ marginBottom: 16 }}
          />
        )}
        {error != null && (
          <Alert
            data-testid="login-error"
            type="error"
            showIcon
            title={formatError(t, error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginForm> layout="vertical" onFinish={(v) => login.mutate(v)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input data-testid="login-username" prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              data-testid="login-password"
              prefix={<LockOutlined />}
              autoComplete="current-password"
            />
          </Form.Item>
          <SubmitButton testId="login-submit" block saving={login.isPending}>
            {t('login.submit')}
          </SubmitButton>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Link to="/public/results" data-testid="login-public-results">
            {t('publicResults.link')}
          </Link>
        </div>
      </Card>
    </CenteredScreen>
  );
}
