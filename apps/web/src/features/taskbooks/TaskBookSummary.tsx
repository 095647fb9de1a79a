import type { TaskBookDetail } from '@jixiao/contracts';
import { Alert, Descriptions, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.js';
import { ReadOnlyNote } from '../../shared/ReadOnlyNote.js';
import { STATUS_ORDER, statusStep } from './status.js';

/** A task book's state: its steps, plan, unit, progress and issue, and why it was returned or is read-only. */
export function TaskBookSummary({ book: d }: { book: TaskBookDetail }) {
  const { t } = useTranslation();
  const step = statusStep(d.status, d.returnReason);
  return (
    <>
      <Steps
        data-testid="tb-steps"
        size="small"
        current={step.current}
        status={step.status}
        items={STATUS_ORDER.map((s) => ({ title: t(`taskbooks.statuses.${s}`) }))}
        style={{ marginBottom: 16 }}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('taskbooks.plan')}>{d.planName}</Descriptions.Item>
        <Descriptions.Item label={t('taskbooks.unit')}>
          {d.unitCode} {d.unitName}
        </Descriptions.Item>
        <Descriptions.Item label={t('taskbooks.col.target')}>
          {t('taskbooks.progress', { set: d.targetsSet, total: d.targetsTotal })}
        </Descriptions.Item>
        {d.issuedAt && (
          <Descriptions.Item label={t('taskbooks.statuses.issued')}>
            {formatDateTime(d.issuedAt)} {d.issuedBy ?? ''}
          </Descriptions.Item>
        )}
      </Descriptions>
      {d.status === 'draft' && d.returnReason && (
        <Alert
          data-testid="tb-return-reason"
          type="error"
          showIcon
          title={t('taskbooks.returnedTitle')}
          description={d.returnReason}
          style={{ marginBottom: 12 }}
        />
      )}
      {d.status === 'issued' && (
        <ReadOnlyNote
          testId="tb-readonly"
          text={t('taskbooks.readOnlyIssued')}
          style={{ marginBottom: 12 }}
        />
      )}
      {d.pendingChange && (
        <Alert type="warning" showIcon title={t('taskbooks.pendingChange')} style={{ marginBottom: 12 }} />
      )}
    </>
  );
}
