import {
  CheckCircleOutlined,
  CopyOutlined,
  DownloadOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { PlanSummary } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Dropdown,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../shared/api.js';
import { useCan } from '../../shared/auth.js';
import { useShowError } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { queryTable } from '../../shared/QueryState.js';
import { useSystems } from '../org/api.js';
import { planApi, planKeys, usePlans, usePlanTemplates } from './api.js';
import { IssueList } from './IssueList.js';
import { issuesFromDetails, type RowIssue } from './tree.js';

export const STATUS_COLORS = { draft: 'default', active: 'green', archived: 'purple' } as const;

export function StatusTag({ status }: { status: PlanSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag data-testid="plan-status" color={STATUS_COLORS[status]}>
      {t(`plans.statuses.${status}`)}
    </Tag>
  );
}

export function ErrorCount({ n }: { n: number }) {
  const { t } = useTranslation();
  return n > 0 ? (
    <Badge status="error" text={t('plans.errorsN', { n })} />
  ) : (
    <Badge status="success" text={t('plans.noErrors')} />
  );
}

/** An empty plan document in the engine's format (docs/plan-format.md). */
export function emptyPlanDocument(name: string, year: number) {
  return {
    format: 'jixiao-plan/1',
    id: `plan-${year}`,
    name,
    year,
    period: { granularity: 'year' },
    scoring: 'points',
    totalPoints: 100,
    rounding: { decimals: 2, mode: 'half_up', stages: ['indicator', 'total'] },
    categories: [],
    groups: [],
    components: [],
    indicators: [],
    grades: { levels: [] },
  };
}

export default function PlansPage() {
  const { t } = useTranslation();
  const canWrite = useCan('plans.write');
  const [systemId, setSystemId] = useState<number | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const systems = useSystems();
  const all = usePlans();
  const plans = usePlans({ systemId, year });
  const [creating, setCreating] = useState(false);
  const [cloning, setCloning] = useState<PlanSummary | null>(null);
  const [rejected, setRejected] = useState<{ title: string; issues: RowIssue[] } | null>(null);
  const years = useMemo(
    () => [...new Set((all.data ?? []).map((p) => p.year))].sort((a, b) => b - a),
    [all.data],
  );
  const systemName = (id: number) => systems.data?.find((s) => s.id === id)?.name ?? `#${id}`;

  return (
    <Card
      title={t('nav.plans')}
      extra={
        canWrite && (
          <Button
            data-testid="plan-create"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
          >
            {t('plans.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          data-testid="plans-system-filter"
          allowClear
          placeholder={t('plans.allSystems')}
          style={{ minWidth: 220 }}
          value={systemId}
          onChange={setSystemId}
          options={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
        <Select
          data-testid="plans-year-filter"
          allowClear
          placeholder={t('plans.allYears')}
          style={{ width: 120 }}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
      </Space>
      <Table<PlanSummary>
        data-testid="plans-table"
        size="small"
        rowKey="id"
        dataSource={plans.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        {...queryTable(plans, t('plans.empty'), 'plans')}
        columns={[
          { title: t('plans.year'), dataIndex: 'year', width: 80, sorter: (a, b) => a.year - b.year },
          { title: t('plans.system'), dataIndex: 'systemId', render: (id: number) => systemName(id) },
          {
            title: t('plans.name'),
            dataIndex: 'name',
            render: (n: string, p) => (
              <Link data-testid="plan-open" data-plan={p.id} to={`/plans/${p.id}`}>
                {n}
              </Link>
            ),
          },
          {
            title: t('plans.status'),
            dataIndex: 'status',
            render: (s: PlanSummary['status']) => <StatusTag status={s} />,
          },
          {
            title: t('plans.errors'),
            dataIndex: 'errorCount',
            render: (n: number) => <ErrorCount n={n} />,
          },
          { title: t('plans.revision'), dataIndex: 'revision', align: 'right' },
          {
            title: t('plans.updatedAt'),
            dataIndex: 'updatedAt',
            render: (v: string, p) => `${formatDateTime(v)}${p.updatedBy ? ` · ${p.updatedBy}` : ''}`,
          },
          {
            title: t('plans.actions'),
            key: 'actions',
            render: (_, p) => (
              <PlanActions
                plan={p}
                canWrite={canWrite}
                onClone={() => setCloning(p)}
                onRejected={(title, issues) => setRejected({ title, issues })}
              />
            ),
          },
        ]}
      />
      {creating && <CreatePlanModal onClose={() => setCreating(false)} defaultSystem={systemId} />}
      {cloning && <ClonePlanModal plan={cloning} onClose={() => setCloning(null)} />}
      <Modal
        open={rejected !== null}
        title={rejected?.title}
        onCancel={() => setRejected(null)}
        footer={<Button onClick={() => setRejected(null)}>{t('common.close')}</Button>}
        width={860}
      >
        <IssueList issues={rejected?.issues ?? []} testId="activate-issues" />
      </Modal>
    </Card>
  );
}

export function PlanActions({
  plan,
  canWrite,
  onClone,
  onRejected,
}: {
  plan: PlanSummary;
  canWrite: boolean;
  onClone: () => void;
  onRejected: (title: string, issues: RowIssue[]) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: planKeys.all });
  const activate = useMutation({
    meta: { silent: true },
    mutationFn: () => planApi.activate(plan.id, plan.version),
    onSuccess: async () => {
      message.success(t('plans.activated'));
      await refresh();
    },
    onError: (e) => {
      if (isApiError(e) && e.status === 422) {
        const issues = issuesFromDetails(e.details);
        onRejected(t('plans.activateRejected', { n: issues.length }), issues);
      } else showError(e);
      if (isApiError(e) && e.code === 'VERSION_CONFLICT') void refresh();
    },
  });
  const [importing, setImporting] = useState(false);
  async function importFile(file: File) {
    setImporting(true);
    try {
      await planApi.importFile(plan.id, file);
      message.success(t('plans.imported'));
      await refresh();
    } catch (e) {
      if (isApiError(e) && (e.status === 422 || e.code === 'IMPORT_REJECTED')) {
        const issues = issuesFromDetails(e.details);
        if (issues.length) onRejected(t('plans.importRejected'), issues);
        else showError(e);
      } else showError(e);
    } finally {
      setImporting(false);
    }
  }
  const draft = plan.status === 'draft';
  return (
    <Space size={0} wrap>
      {canWrite && (
        <Button size="small" type="link" icon={<CopyOutlined />} onClick={onClone} data-testid="plan-clone">
          {t('plans.clone')}
        </Button>
      )}
      {canWrite && draft && (
        <Popconfirm title={t('plans.activateConfirm')} onConfirm={() => activate.mutate()}>
          <Button
            size="small"
            type="link"
            icon={<CheckCircleOutlined />}
            loading={activate.isPending}
            data-testid="plan-activate"
          >
            {t('plans.activate')}
          </Button>
        </Popconfirm>
      )}
      <Dropdown
        menu={{
          items: (['yaml', 'json'] as const).map((f) => ({
            key: f,
            label: (
              <a href={`/api/plans/${plan.id}/export?format=${f}`} download>
                {t(f === 'yaml' ? 'plans.exportYaml' : 'plans.exportJson')}
              </a>
            ),
          })),
        }}
      >
        <Button size="small" type="link" icon={<DownloadOutlined />} data-testid="plan-export">
          {t('plans.export')}
        </Button>
      </Dropdown>
      {canWrite && draft && (
        <Upload
          accept=".yaml,.yml,.json"
          showUploadList={false}
          beforeUpload={(file) => {
            void importFile(file);
            return false;
          }}
        >
          <Button
            size="small"
            type="link"
            icon={<UploadOutlined />}
            loading={importing}
            data-testid="plan-import"
          >
            {t('plans.import')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}

interface CreateForm {
  systemId: number;
  year: number;
  name: string;
  source: 'template' | 'empty';
  templateId?: string;
}

function CreatePlanModal({ onClose, defaultSystem }: { onClose: () => void; defaultSystem?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateForm>();
  const systems = useSystems();
  const templates = usePlanTemplates();
  const source = Form.useWatch('source', form);
  const create = useMutation({
    mutationFn: (v: CreateForm) =>
      planApi.create({
        systemId: v.systemId,
        year: v.year,
        name: v.name.trim(),
        ...(v.source === 'template' && v.templateId
          ? { templateId: v.templateId }
          : { document: emptyPlanDocument(v.name.trim(), v.year) }),
      }),
    onSuccess: async (p) => {
      message.success(t('plans.created'));
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      onClose();
      if (p?.id) navigate(`/plans/${p.id}`);
    },
  });
  return (
    <Modal
      open
      title={t('plans.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'plan-create-submit' } as never}
      destroyOnHidden
    >
      <Form<CreateForm>
        form={form}
        layout="vertical"
        initialValues={{ systemId: defaultSystem, year: new Date().getFullYear(), source: 'template' }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item
          name="systemId"
          label={t('plans.system')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('plans.year')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={2000} max={2100} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('plans.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} data-testid="plan-create-name" />
        </Form.Item>
        <Form.Item name="source" label={t('plans.source')}>
          <Radio.Group
            options={[
              { value: 'template', label: t('plans.fromTemplate') },
              { value: 'empty', label: t('plans.emptyPlan') },
            ]}
          />
        </Form.Item>
        {source === 'template' && (
          <Form.Item
            name="templateId"
            label={t('plans.template')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              loading={templates.isLoading}
              options={(templates.data ?? []).map((x) => ({
                value: x.id,
                label: x.name,
                title: x.description,
              }))}
            />
          </Form.Item>
        )}
        {create.isError && !isApiError(create.error) && <Alert type="error" title={String(create.error)} />}
      </Form>
    </Modal>
  );
}

function ClonePlanModal({ plan, onClose }: { plan: PlanSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ year: number; name?: string }>();
  const clone = useMutation({
    mutationFn: (v: { year: number; name?: string }) =>
      planApi.clone(plan.id, {
        year: v.year,
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
      }),
    onSuccess: async (p) => {
      message.success(t('plans.cloned'));
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      onClose();
      if (p?.id) navigate(`/plans/${p.id}`);
    },
  });
  return (
    <Modal
      open
      title={t('plans.cloneTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={clone.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: plan.year + 1 }}
        onFinish={(v) => clone.mutate(v)}
      >
        <Form.Item
          name="year"
          label={t('plans.cloneYear')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={2000} max={2100} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="name" label={t('plans.name')}>
          <Input maxLength={200} placeholder={plan.name} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
