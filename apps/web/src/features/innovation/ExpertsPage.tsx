import { CheckOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import {
  affiliations,
  type ExpertImportPreview,
  type ExpertProfile,
  type ImportProblem,
} from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../shared/api.js';
import { useCan } from '../../shared/auth.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { FormModal } from '../../shared/FormModal.js';
import { formatError, useFeedback } from '../../shared/feedback.js';
import { QueryState } from '../../shared/QueryState.js';
import { ProblemList } from '../imports/ProblemList.js';
import { rejectedProblems } from '../imports/problems.js';
import { innovationApi, innovationKeys, useExperts } from './api.js';
import { EXPERT_WORDS } from './view.js';

/** Upload an expert file: preview with every line problem, then add all rows (or none). */
function ImportCard() {
  const { t, message, queryClient: qc } = useFeedback();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [preview, setPreview] = useState<ExpertImportPreview | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const file = files[0]?.originFileObj;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a preview belongs to its file
  useEffect(() => {
    setPreview(null);
    setProblems([]);
    setError(null);
  }, [file]);

  async function run(what: 'preview' | 'commit') {
    if (!file) return;
    setBusy(what);
    setError(null);
    try {
      if (what === 'preview') {
        const p = await innovationApi.previewImport(file);
        setPreview(p);
        setProblems(p.problems);
      } else {
        const r = await innovationApi.importExperts(file);
        message.success(t('innovation.imported', r));
        setFiles([]);
        setPreview(null);
        await qc.invalidateQueries({ queryKey: innovationKeys.all });
      }
    } catch (e) {
      const ps = isApiError(e) ? rejectedProblems(e, EXPERT_WORDS) : null;
      if (ps) {
        setProblems(ps);
        setPreview(null);
      } else setError(formatError(t, e));
    } finally {
      setBusy(null);
    }
  }

  const ready = preview && problems.length === 0 && preview.rows.length > 0;
  return (
    <Card size="small" title={t('innovation.importTitle')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('innovation.importHint')}
        </Typography.Paragraph>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(-1))}
            data-testid="expert-upload"
          >
            <Button icon={<UploadOutlined />}>{t('imports.pickFile')}</Button>
          </Upload>
          <Button
            icon={<EyeOutlined />}
            disabled={!file}
            loading={busy === 'preview'}
            onClick={() => void run('preview')}
            data-testid="expert-preview"
          >
            {t('imports.preview')}
          </Button>
        </div>
        {error && <Alert type="error" showIcon title={error} />}
        {preview && preview.rows.length > 0 && (
          <CompactTable
            data-testid="expert-preview-rows"
            rowKey="line"
            dataSource={preview.rows}
            columns={[
              { title: t('imports.col.line'), dataIndex: 'line', width: 60 },
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
          />
        )}
        {problems.length > 0 && <ProblemList problems={problems} words={EXPERT_WORDS} />}
        {ready && (
          <Space wrap>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={busy === 'commit'}
              onClick={() => void run('commit')}
              data-testid="expert-commit"
            >
              {t('imports.confirm')}
            </Button>
            <Typography.Text type="secondary">
              {t('innovation.willAdd', { n: preview.rows.length })}
            </Typography.Text>
          </Space>
        )}
      </Space>
    </Card>
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
