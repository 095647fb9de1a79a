import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { PASSWORD_MIN_LENGTH } from '@jixiao/contracts';
import { Space, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
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
