import type { EvaluationRun } from '@jixiao/contracts';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** One group's grade quotas (W8): how many places each quota gave and how many were used. */
export function QuotaCounts({ quotas, group }: { quotas: EvaluationRun['quotas']; group: string }) {
  const { t } = useTranslation();
  const levels = quotas.find((q) => q.group === group)?.levels ?? [];
  if (levels.length === 0) return null;
  return (
    <Space wrap size={4} data-testid="results-quotas" style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary">{t('quotas.title')}</Typography.Text>
      {levels.map((l) => (
        <Tag key={l.level}>{t('quotas.level', { name: l.name, places: l.places, used: l.used })}</Tag>
      ))}
    </Space>
  );
}
