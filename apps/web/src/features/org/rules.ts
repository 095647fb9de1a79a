import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

/** Same pattern as `code` in @jixiao/contracts common.ts. */
export const CODE_PATTERN = /^[A-Za-z0-9._-]+$/;

export function codeRule(t: TFunction): Rule {
  return { pattern: CODE_PATTERN, message: t('org.codeHint') };
}
