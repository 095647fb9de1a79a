import { affiliations, type ExpertImportPreview, type ExpertProfile } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../shared/auth.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { FormModal } from '../../shared/FormModal.js';
import { useFeedback } from '../../shared/feedback.js';
import { QueryState } from '../../shared/QueryState.js';
import { PreviewImportCard } from '../imports/PreviewImportCard.js';
import { innovationApi, innovationKeys, useExperts } from './api.js';
import { EXPERT_WORDS } from './view.js';

/** Upload an expert file: preview with every line problem, then add all rows (or none). */
function ImportCard() {
  const { t, message, queryClient: qc } = useFeedback();
  return (
    <PreviewImportCard<ExpertImportPreview['rows'][number], ExpertImportPreview>
      title={t('innovation.importTitle')}
      hint={t('innovation.importHint')}
      testId="expert"
      words={EXPERT_WORDS}
      columns={[
        { title: t('innovation.column.name'), dataIndex: 'name' },
        {
          title: t('innovation.column.affiliation'),
          dataIndex: 'affiliation',
          render: (a: string) => t(`innovation.affiliations.${a}`),
        },
        { title: t('innovation.column.organisation'), dataIndex: 'organisation' },
        {
          title: t('innovation.column.conflicts'),
          dataIndex: 'conflictUnitCodes',
          render: (cs: string[]) => cs.join('、'),
        },
      ]}
      preview={(file) => innovationApi.previewImport(file)}
      commit={async (file) => {
        const r = await innovationApi.importExperts(file);
        message.success(t('innovation.imported', r));
        await qc.invalidateQueries({ queryKey: innovationKeys.all });
      }}
      summary={(p) => t('innovation.willAdd', { n: p.rows.length })}
    />
  );
}

interface Values {
  name: string;
  affiliation: string;
  organisation: string;
  fields?: string;
  phone?: string;
  email?: string;
  memberUnitCode?: string;
  conflictUnitCodes?: string;
  username?: string;
}

const list = (s?: string) =>
  (s ?? '')
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function ExpertDialog({ expert, onClose }: { expert: ExpertProfile | null; onClose: () => void }) {
  const { t, message, showError, queryClient: qc } = useFeedback();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name,
        affiliation: v.affiliation as ExpertProfile['affiliation'],
        organisation: v.organisation,
        fields: list(v.fields),
        phone: v.phone?.trim() || null,
        email: v.email?.trim() || null,
        memberUnitCode: v.memberUnitCode?.trim() || null,
        conflictUnitCodes: list(v.conflictUnitCodes),
        username: v.username?.trim() || null,
      };
      return expert
        ? innovationApi.updateExpert(expert.id, { ...body, version: expert.version })
        : innovationApi.createExpert(body);
    },
    onSuccess: () => {
      message.success(t('innovation.saved'));
      void qc.invalidateQueries({ queryKey: innovationKeys.all });
      onClose();
    },
    onError: showError,
  });
  const required = [{ required: true, whitespace: true }];
  return (
    <FormModal
      form={form}
      mutation={save}
      onClose={onClose}
      title={expert ? t('innovation.editExpert') : t('innovation.newExpert')}
      okButtonProps={{ 'data-testid': 'expert-save' } as never}
      initialValues={
        expert
          ? {
              name: expert.name,
              affiliation: expert.affiliation,
              organisation: expert.organisation,
              fields: expert.fields.join('、'),
              phone: expert.contact?.phone ?? '',
              email: expert.contact?.email ?? '',
              memberUnitCode: expert.memberUnit?.unitCode ?? '',
              conflictUnitCodes: expert.conflicts.map((c) => c.unitCode).join('、'),
              username: expert.username ?? '',
            }
          : undefined
      }
    >
      <Form.Item name="name" label={t('innovation.column.name')} rules={required}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="affiliation" label={t('innovation.column.affiliation')} rules={[{ required: true }]}>
        <Select options={affiliations.map((a) => ({ value: a, label: t(`innovation.affiliations.${a}`) }))} />
      </Form.Item>
      <Form.Item name="organisation" label={t('innovation.column.organisation')} rules={required}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="fields" label={t('innovation.column.fields')}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label={t('innovation.column.phone')}>
        <Input />
      </Form.Item>
      <Form.Item name="email" label={t('innovation.column.email')}>
        <Input />
      </Form.Item>
      <Form.Item name="memberUnitCode" label={t('innovation.column.memberUnit')}>
        <Input />
      </Form.Item>
      <Form.Item name="conflictUnitCodes" label={t('innovation.column.conflicts')}>
        <Input />
      </Form.Item>
      <Form.Item name="username" label={t('innovation.account')}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}

/**
 * The expert pool (专家库, S11): profiles with affiliation, organisation, fields, the units each
 * expert belongs to or declared a conflict with, and availability. The office adds experts one by
 * one or from a file and switches availability; contact data is shown to the office only.
 */
export default function ExpertsPage() {
  const { t, showError, queryClient: qc } = useFeedback();
  const office = useCan('innovation.manage');
  const experts = useExperts();
  const [dialog, setDialog] = useState<{ expert: ExpertProfile | null } | null>(null);
  const toggle = useMutation({
    mutationFn: (e: ExpertProfile) =>
      innovationApi.updateExpert(e.id, { available: !e.available, version: e.version }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: innovationKeys.all }),
    onError: showError,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="innovation-experts">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('innovationNav.experts')}
        </Typography.Title>
        {office && (
          <CreateButton testId="expert-new" onClick={() => setDialog({ expert: null })}>
            {t('innovation.newExpert')}
          </CreateButton>
        )}
      </Space>
      {office && <ImportCard />}
      <QueryState query={experts} testId="experts">
        {(rows) => (
          <CompactTable<ExpertProfile>
            rowKey="id"
            data-testid="expert-table"
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, size: 'small' } : false}
            columns={[
              {
                title: t('innovation.column.name'),
                dataIndex: 'name',
                fixed: 'left',
                render: (name: string, e: ExpertProfile) =>
                  office ? (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      onClick={() => setDialog({ expert: e })}
                      data-testid={`expert-edit-${e.id}`}
                    >
                      {name}
                    </Button>
                  ) : (
                    name
                  ),
              },
              {
                title: t('innovation.column.affiliation'),
                dataIndex: 'affiliation',
                render: (a: string) => t(`innovation.affiliations.${a}`),
              },
              { title: t('innovation.column.organisation'), dataIndex: 'organisation' },
              {
                title: t('innovation.column.fields'),
                dataIndex: 'fields',
                render: (f: string[]) => f.join('、'),
              },
              ...(office
                ? [
                    {
                      title: t('innovation.contact'),
                      key: 'contact',
                      render: (_: unknown, e: ExpertProfile) =>
                        [e.contact?.phone, e.contact?.email].filter(Boolean).join(' · '),
                    },
                  ]
                : []),
              {
                title: t('innovation.column.memberUnit'),
                key: 'member',
                render: (_: unknown, e: ExpertProfile) => e.memberUnit?.unitName ?? '',
              },
              {
                title: t('innovation.column.conflicts'),
                key: 'conflicts',
                render: (_: unknown, e: ExpertProfile) =>
                  e.conflicts.map((c) => (
                    <Tag key={c.unitId} color="orange">
                      {c.unitName}
                    </Tag>
                  )),
              },
              {
                title: t('innovation.column.available'),
                key: 'available',
                render: (_: unknown, e: ExpertProfile) =>
                  office ? (
                    <Switch
                      size="small"
                      checked={e.available}
                      loading={toggle.isPending && toggle.variables?.id === e.id}
                      onChange={() => toggle.mutate(e)}
                      data-testid={`expert-available-${e.id}`}
                    />
                  ) : e.available ? (
                    t('innovation.yes')
                  ) : (
                    t('innovation.no')
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      {dialog && <ExpertDialog expert={dialog.expert} onClose={() => setDialog(null)} />}
    </Space>
  );
}
