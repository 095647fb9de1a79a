import type { Inquiry } from '@jixiao/contracts';
import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.js';
import { STATUS_COLOR } from './view.js';

/** The status of an inquiry as a tag. */
export function InquiryStatusTag({ i }: { i: Inquiry }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[i.status]} data-testid={`inquiry-status-${i.id}`} data-status={i.status}>
      {t(`inquiries.statuses.${i.status}`)}
    </Tag>
  );
}

/**
 * One inquiry as a block that fits a phone: the question, who asked and by when, the unit's answer
 * with its evidence, the expert's close (and deduction); `actions` below.
 */
export function InquiryCard({
  i,
  showUnit,
  actions,
}: {
  i: Inquiry;
  showUnit?: boolean;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Space
      orientation="vertical"
      size={6}
      style={{ width: '100%', minWidth: 0 }}
      data-testid={`inquiry-${i.id}`}
    >
      <Space wrap size={6}>
        <InquiryStatusTag i={i} />
        {showUnit && (
          <Typography.Text strong>
            {i.unitCode} {i.unitName}
          </Typography.Text>
        )}
        {i.indicator && <Tag>{i.indicator}</Tag>}
        <Typography.Text type={i.status === 'overdue' ? 'danger' : 'secondary'}>
          {t('inquiries.deadlineIs', { day: i.deadline })}
        </Typography.Text>
      </Space>
      <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{i.question}</div>
      <Typography.Text type="secondary">
        {t('inquiries.askedBy', { expert: i.expertName, at: formatDateTime(i.createdAt) })}
      </Typography.Text>
      {i.answer && (
        <div
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid={`inquiry-answer-${i.id}`}
        >
          {t('inquiries.answerIs', { text: i.answer })}
          {i.answeredAt && (
            <Typography.Text type="secondary"> · {formatDateTime(i.answeredAt)}</Typography.Text>
          )}
        </div>
      )}
      {i.evidence.length > 0 && (
        <Space wrap size={8}>
          {i.evidence.map((f) => (
            <a key={f.id} href={`/api/evidence/${f.id}`} style={{ overflowWrap: 'anywhere' }}>
              {f.fileName}
            </a>
          ))}
        </Space>
      )}
      {i.deductionPoints !== null && (
        <Typography.Text type="danger" data-testid={`inquiry-deduction-${i.id}`}>
          {i.status === 'penalised'
            ? t('inquiries.penalisedIs', { points: i.deductionPoints })
            : t('inquiries.deductionIs', { points: i.deductionPoints, reason: i.deductionReason ?? '' })}
        </Typography.Text>
      )}
      {i.closeNote && <div>{t('inquiries.closeNoteIs', { text: i.closeNote })}</div>}
      {actions}
    </Space>
  );
}
