import type { Inquiry, InquiryAssignment } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Popconfirm, Space, Tabs } from 'antd';
import { useState } from 'react';
import { CompactTable } from '../../shared/CompactTable.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { ExportButton } from '../../shared/export/ExportButton.js';
import type { ExportColumns } from '../../shared/export/tableSheet.js';
import { useFeedback } from '../../shared/feedback.js';
import { queryRows } from '../../shared/QueryState.js';
import { unitColumn } from '../../shared/unitColumn.js';
import { useUnits } from '../notices/api.js';
import { PlanPicker, usePlanChoice } from '../plans/PlanPicker.js';
import { inquiryApi, inquiryKeys, useAssignments, useExperts, useInquiries } from './api.js';
import { InquiryCard, InquiryStatusTag } from './InquiryCard.js';
import { AssignDialog } from './InquiryDialogs.js';

/** Every inquiry of the plan with its status; the office penalises the overdue ones. */
function AllInquiries({ planId, office }: { planId: number; office: boolean }) {
  const { t, message, showError, queryClient } = useFeedback();
  const list = useInquiries({ planId });
  const penalise = useMutation({
    mutationFn: () => inquiryApi.penalise(planId),
    onSuccess: (r) => {
      message.success(t('inquiries.penalisedDone', r));
      void queryClient.invalidateQueries({ queryKey: inquiryKeys.all });
    },
    onError: showError,
  });
  const overdue = (list.data ?? []).filter((i) => i.status === 'overdue').length;
  const columns: ExportColumns<Inquiry> = [
    unitColumn<Inquiry>(t('inquiries.unit')),
    { title: t('inquiries.expert'), dataIndex: 'expertName' },
    {
      title: t('inquiries.indicator'),
      render: (_, i) => i.indicator ?? '—',
      exportValue: (i) => i.indicator,
    },
    { title: t('inquiries.deadline'), dataIndex: 'deadline' },
    {
      title: t('inquiries.status'),
      render: (_, i) => <InquiryStatusTag i={i} />,
      exportValue: (i) => t(`inquiries.statuses.${i.status}`),
    },
    {
      title: t('inquiries.points'),
      render: (_, i) => (i.deductionPoints === null ? '—' : `−${i.deductionPoints}`),
      exportValue: (i) => (i.deductionPoints === null ? null : -i.deductionPoints),
    },
  ];
  return (
    <Card
      size="small"
      extra={
        <Space wrap>
          <ExportButton
            columns={columns}
            rows={list.data}
            title={t('inquiriesNav.inquiries')}
            testId="inquiries-export"
          />
          {office && (
            <Popconfirm
              title={t('inquiries.penaliseConfirm', { count: overdue })}
              onConfirm={() => penalise.mutate()}
            >
              <Button danger loading={penalise.isPending} disabled={!overdue} data-testid="inquiry-penalise">
                {t('inquiries.penalise', { count: overdue })}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <CompactTable<Inquiry>
        rowKey="id"
        {...queryRows(list)}
        pagination={{ pageSize: 20 }}
        data-testid="inquiry-table"
        expandable={{ expandedRowRender: (i) => <InquiryCard i={i} /> }}
        columns={columns}
      />
    </Card>
  );
}

/** The office's assignments of experts to units of the plan. */
function Assignments({ planId }: { planId: number }) {
  const { t, message, showError, queryClient } = useFeedback();
  const list = useAssignments(planId);
  const experts = useExperts(true);
  const units = useUnits();
  const [assigning, setAssigning] = useState(false);
  const remove = useMutation({
    mutationFn: (id: number) => inquiryApi.unassign(id),
    onSuccess: () => {
      message.success(t('inquiries.unassigned'));
      void queryClient.invalidateQueries({ queryKey: inquiryKeys.all });
    },
    onError: showError,
  });
  return (
    <Card
      size="small"
      extra={
        <CreateButton testId="inquiry-assign" onClick={() => setAssigning(true)}>
          {t('inquiries.assign')}
        </CreateButton>
      }
    >
      <CompactTable<InquiryAssignment>
        rowKey="id"
        {...queryRows(list)}
        pagination={{ pageSize: 20 }}
        data-testid="inquiry-assignments"
        columns={[
          { title: t('inquiries.expert'), dataIndex: 'expertName' },
          unitColumn<InquiryAssignment>(t('inquiries.unit')),
          { title: t('inquiries.progress'), render: (_, a) => t('inquiries.counts', a.counts) },
          {
            title: '',
            render: (_, a) => (
              <Popconfirm title={t('inquiries.unassignConfirm')} onConfirm={() => remove.mutate(a.id)}>
                <Button size="small" type="link" danger>
                  {t('inquiries.unassign')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {assigning && (
        <AssignDialog
          planId={planId}
          experts={experts.data ?? []}
          units={units.data ?? []}
          onClose={() => setAssigning(false)}
        />
      )}
    </Card>
  );
}

/** The office (and, read-only, the leaders): the plan's assignments and every inquiry. */
export function OfficeInquiries({ office }: { office: boolean }) {
  const { t } = useFeedback();
  const { offered, planId, setPlan } = usePlanChoice();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <PlanPicker offered={offered} value={planId} onChange={setPlan} />
      {planId !== undefined &&
        (office ? (
          <Tabs
            items={[
              {
                key: 'inquiries',
                label: t('inquiries.all'),
                children: <AllInquiries planId={planId} office />,
              },
              {
                key: 'assignments',
                label: t('inquiries.assignments'),
                children: <Assignments planId={planId} />,
              },
            ]}
          />
        ) : (
          <AllInquiries planId={planId} office={false} />
        ))}
    </Space>
  );
}
