import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/auth.js';
import { ExpertReview } from './ExpertReview.js';
import { OfficeInquiries } from './OfficeInquiries.js';
import { UnitInquiries } from './UnitInquiries.js';

/**
 * 质询 — the year-end expert review (S11, docs/inquiries.md). The office assigns experts to units and
 * penalises overdue inquiries; an expert reviews their units and raises and closes inquiries; a
 * unit answers its own (我的质询); leaders read every inquiry.
 */
export default function InquiriesPage() {
  const { t } = useTranslation();
  const office = useCan('inquiries.manage');
  const expert = useCan('inquiries.raise');
  const unit = useCan('inquiries.answer');
  const title = office
    ? 'inquiriesNav.office'
    : expert
      ? 'inquiriesNav.expert'
      : unit
        ? 'inquiriesNav.unit'
        : 'inquiriesNav.office';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="inquiries-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t(title)}
      </Typography.Title>
      {expert ? <ExpertReview /> : unit ? <UnitInquiries /> : <OfficeInquiries office={office} />}
    </Space>
  );
}
