import type { Inquiry, InquiryAssignment, InquiryReview } from '@jixiao/contracts';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../shared/CompactTable.js';
import { QueryState, queryRows } from '../../shared/QueryState.js';
import { useAssignments, useInquiries, useReview } from './api.js';
import { InquiryCard } from './InquiryCard.js';
import { CloseDialog, RaiseDialog } from './InquiryDialogs.js';
import { lineFlag } from './view.js';

type Line = InquiryReview['lines'][number];
const num = (v: number | null, unit: string | null) => (v === null ? '—' : `${v}${unit ?? ''}`);

/** One assigned unit: its issued targets beside its year values and their evidence; raise an inquiry. */
function UnitReview({ assignment }: { assignment: InquiryAssignment }) {
  const { t } = useTranslation();
  const review = useReview(assignment.id);
  const [raising, setRaising] = useState(false);
  return (
    <Card
      size="small"
      title={`${assignment.unitCode} ${assignment.unitName}`}
      extra={
        review.data && (
          <Button type="primary" size="small" onClick={() => setRaising(true)} data-testid="inquiry-raise">
            {t('inquiries.raise')}
          </Button>
        )
      }
      data-testid="inquiry-review"
    >
      <QueryState query={review}>
        {review.data && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {!review.data.taskBookIssued && (
              <Typography.Text type="warning">{t('inquiries.noTaskBook')}</Typography.Text>
            )}
            <CompactTable<Line>
              rowKey="indicator"
              dataSource={review.data.lines}
              columns={[
                { title: t('inquiries.indicator'), render: (_, l) => `${l.indicator} ${l.name}` },
                { title: t('inquiries.target'), render: (_, l) => num(l.target, l.measureUnit) },
                { title: t('inquiries.value'), render: (_, l) => num(l.value, l.measureUnit) },
                { title: t('inquiries.period'), render: (_, l) => l.period ?? '—' },
                {
                  title: t('inquiries.evidence'),
                  render: (_, l) =>
                    l.evidence.length ? (
                      <Space orientation="vertical" size={0}>
                        {l.evidence.map((f) => (
                          <a key={f.id} href={`/api/evidence/${f.id}`}>
                            {f.fileName}
                          </a>
                        ))}
                      </Space>
                    ) : (
                      '—'
                    ),
                },
                {
                  title: '',
                  render: (_, l) => {
                    const flag = lineFlag(l);
                    return flag && <Tag color="orange">{t(`inquiries.flags.${flag}`)}</Tag>;
                  },
                },
              ]}
            />
          </Space>
        )}
      </QueryState>
      {raising && review.data && <RaiseDialog review={review.data} onClose={() => setRaising(false)} />}
    </Card>
  );
}

/** 质询 for an expert: the units assigned to them, one under review, and the inquiries they raised. */
export function ExpertReview() {
  const { t } = useTranslation();
  const assignments = useAssignments();
  const inquiries = useInquiries({});
  const [chosen, setChosen] = useState<number>();
  const [closing, setClosing] = useState<Inquiry | null>(null);
  const current = (assignments.data ?? []).find((a) => a.id === chosen);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('inquiries.myUnits')}>
        <List
          {...queryRows(assignments, <Empty description={t('inquiries.noUnits')} />)}
          data-testid="inquiry-units"
          renderItem={(a) => (
            <List.Item
              key={a.id}
              actions={[
                <Button
                  key="open"
                  size="small"
                  type={a.id === chosen ? 'primary' : 'default'}
                  onClick={() => setChosen(a.id)}
                  data-testid={`inquiry-unit-${a.unitCode}`}
                >
                  {t('inquiries.review')}
                </Button>,
              ]}
            >
              <Space wrap size={4}>
                <Typography.Text strong>
                  {a.unitCode} {a.unitName}
                </Typography.Text>
                <Tag>{a.year}</Tag>
                <Typography.Text type="secondary">{t('inquiries.counts', a.counts)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {current && <UnitReview assignment={current} />}
      <Card size="small" title={t('inquiries.myInquiries')}>
        <List
          {...queryRows(inquiries, <Empty description={t('inquiries.none')} />)}
          data-testid="inquiry-list"
          renderItem={(i) => (
            <List.Item key={i.id} style={{ display: 'block' }}>
              <InquiryCard
                i={i}
                showUnit
                actions={
                  i.can.close && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setClosing(i)}
                      data-testid={`inquiry-close-${i.id}`}
                    >
                      {t('inquiries.close')}
                    </Button>
                  )
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {closing && <CloseDialog inquiry={closing} onClose={() => setClosing(null)} />}
    </Space>
  );
}
