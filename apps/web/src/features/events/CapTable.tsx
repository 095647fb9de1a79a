import type { CycleEvent } from '@jixiao/contracts';
import { Card, Empty, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type bonusRules, capUsage } from './model.js';

export function CapTable({
  events,
  rules,
  unitId,
}: {
  events: CycleEvent[];
  rules: ReturnType<typeof bonusRules>;
  unitId?: number;
}) {
  const { t } = useTranslation();
  const rows = capUsage(events, rules).filter((r) => unitId === undefined || r.unitId === unitId);
  return (
    <Card size="small" title={t('events.cap.title')} data-testid="ev-cap">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('events.cap.hint')}
      </Typography.Paragraph>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('events.cap.none')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={4}>
          {rows.map((r) => (
            <div
              key={r.unitId}
              data-testid={`ev-cap-${r.unitCode}`}
              style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}
            >
              <span style={{ minWidth: 180 }}>
                {r.unitCode} {r.unitName}
              </span>
              <span data-testid={`ev-cap-usage-${r.unitCode}`}>
                {r.cap !== null
                  ? t('events.cap.usage', { approved: r.approved, cap: r.cap })
                  : t('events.cap.usageNoCap', { approved: r.approved })}
              </span>
              {r.cap !== null && (
                <Progress
                  style={{ width: 120, margin: 0 }}
                  size="small"
                  percent={Math.min(100, (r.shared / r.cap) * 100)}
                  status={r.over ? 'exception' : 'normal'}
                  showInfo={false}
                />
              )}
              {r.counted !== r.approved && <Tag>{t('events.cap.counted', { counted: r.counted })}</Tag>}
              {r.pending > 0 && <Tag color="processing">{`${t('events.cap.pending')} ${r.pending}`}</Tag>}
              {r.over && <Tag color="error">{t('events.cap.over')}</Tag>}
              {!r.over && r.pendingOver && <Tag color="warning">{t('events.cap.pendingOver')}</Tag>}
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
