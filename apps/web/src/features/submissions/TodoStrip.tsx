import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PeriodTodos } from './model.js';

/** Periods open or late with missing values, and returned values with their reasons. */
export function TodoStrip({ todos, onPick }: { todos: PeriodTodos[]; onPick: (period: string) => void }) {
  const { t } = useTranslation();
  if (!todos.length)
    return <Alert data-testid="sub-todos" type="success" showIcon title={t('submissions.todo.none')} />;
  return (
    <Card size="small" title={t('submissions.todo.title')} data-testid="sub-todos">
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        {todos.map((p) => (
          <div key={p.period}>
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onPick(p.period)}>
              {p.period}
            </Button>{' '}
            <Tag color={p.state === 'late' ? 'orange' : 'blue'}>
              {t(`submissions.periodState.${p.state}`)}
            </Tag>
            {p.missing.length > 0 && (
              <Tag color="red" data-testid={`sub-todo-missing-${p.period}`}>
                {t('submissions.todo.missing', { n: p.missing.length })}
              </Tag>
            )}
            {p.missing.length > 0 && (
              <Typography.Text type="secondary">
                {p.missing.map((m) => `${m.indicator} ${m.indicatorName}`).join('、')}
              </Typography.Text>
            )}
            {p.returned.map((r) => (
              <div
                key={`${r.unitId}|${r.indicator}`}
                style={{ marginLeft: 16 }}
                data-testid="sub-todo-returned"
              >
                <Tag color="error">{t('submissions.status.returned')}</Tag>
                {r.unitName} · {r.indicator} {r.indicatorName}
                {r.reason ? (
                  <Typography.Text type="danger">
                    {' '}
                    — {t('submissions.returnReason')}：{r.reason}
                  </Typography.Text>
                ) : null}
              </div>
            ))}
          </div>
        ))}
      </Space>
    </Card>
  );
}
