import type { PlanSummary } from '@jixiao/contracts';
import { Badge, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export const STATUS_COLORS = { draft: 'default', active: 'green', archived: 'purple' } as const;

export function StatusTag({ status }: { status: PlanSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag data-testid="plan-status" color={STATUS_COLORS[status]}>
      {t(`plans.statuses.${status}`)}
    </Tag>
  );
}

export function ErrorCount({ n }: { n: number }) {
  const { t } = useTranslation();
  return n > 0 ? (
    <Badge status="error" text={t('plans.errorsN', { n })} />
  ) : (
    <Badge status="success" text={t('plans.noErrors')} />
  );
}
