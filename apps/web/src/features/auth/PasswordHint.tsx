import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { PASSWORD_MIN_LENGTH } from '@jixiao/contracts';
import { Form, Input, Space, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { passwordChecks } from './password.js';

/** Live check of the password policy (≥ 10 characters, ≥ 3 character classes). */
export function PasswordHint({ password }: { password: string }) {
  const { t } = useTranslation();
  const c = passwordChecks(password);
  const line = (ok: boolean, text: string) => (
    <Typography.Text type={ok ? 'success' : 'secondary'} style={{ fontSize: 12 }}>
      {ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} {text}
    </Typography.Text>
  );
  return (
    <Space orientation="vertical" size={0} data-testid="password-hint">
      {line(c.longEnough, t('password.ruleLength', { min: PASSWORD_MIN_LENGTH, n: c.length }))}
      {line(c.enoughClasses, t('password.ruleClasses', { n: c.classes }))}
    </Space>
  );
}

export function passwordRule(t: TFunction): Rule {
  return {
    validator: (_, v: string | undefined) =>
      !v || passwordChecks(v).ok ? Promise.resolve() : Promise.reject(new Error(t('password.weak'))),
  };
}

/** The field of a new password: required, checked against the policy, with the live hint under it. */
export function NewPasswordItem({
  name,
  label,
  tooltip,
  testId,
}: {
  name: string;
  label: ReactNode;
  tooltip?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const password: string = Form.useWatch(name, Form.useFormInstance()) ?? '';
  return (
    <RequiredItem
      name={name}
      label={label}
      tooltip={tooltip}
      rules={[passwordRule(t)]}
      extra={<PasswordHint password={password} />}
    >
      <Input.Password data-testid={testId} autoComplete="new-password" />
    </RequiredItem>
  );
}
