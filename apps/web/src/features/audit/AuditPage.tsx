import { SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import type { AuditEvent } from '@jixiao/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  AutoComplete,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Space,
  Table,
  Typography,
  theme,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api.js';
import { QueryState } from '../../shared/QueryState.js';
import { diffKeys, snapshotLines } from './diff.js';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, actionLabel, objectTypeLabel } from './labels.js';

interface Filters {
  actor?: string;
  objectType?: string;
  objectId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  problem: 'changed' | 'inserted' | 'deleted' | null;
  message: string;
}

/** Query string for GET /api/audit-events from the filter form. */
export function auditQuery(f: Filters) {
  const s = (v?: string) => (v?.trim() ? v.trim() : undefined);
  return {
    actor: s(f.actor),
    objectType: s(f.objectType),
    objectId: s(f.objectId),
    action: s(f.action),
    from: f.range?.[0]?.format('YYYY-MM-DD'),
    to: f.range?.[1]?.format('YYYY-MM-DD'),
  };
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<ReturnType<typeof auditQuery>>({} as ReturnType<typeof auditQuery>);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const events = useQuery({
    queryKey: ['audit-events', filters, page, pageSize],
    queryFn: () =>
      api.get<{ items: AuditEvent[]; total: number; page: number; pageSize: number }>('/api/audit-events', {
        ...filters,
        page,
        pageSize,
      }),
    placeholderData: keepPreviousData,
  });

  const verify = useMutation({ mutationFn: () => api.get<VerifyResult>('/api/audit-events/verify') });

  return (
    <>
      <Form<Filters>
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setFilters(auditQuery(v));
          setPage(1);
        }}
      >
        <Row gutter={12}>
          <Col xs={12} md={6} lg={4}>
            <Form.Item name="actor" label={t('audit.actor')}>
              <Input data-testid="audit-actor" allowClear />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item name="objectType" label={t('audit.objectType')}>
              <CodeInput
                codes={AUDIT_OBJECT_TYPES}
                label={(c) => objectTypeLabel(t, c)}
                testId="audit-object-type"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item name="objectId" label={t('audit.objectId')}>
              <Input allowClear />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item name="action" label={t('audit.action')}>
              <CodeInput
                codes={AUDIT_ACTIONS}
                label={(c) => actionLabel(t, c)}
                testId="audit-action-filter"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={8}>
            <Form.Item name="range" label={t('audit.dateRange')}>
              <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap style={{ marginBottom: 12 }}>
          <Button data-testid="audit-search" type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({} as ReturnType<typeof auditQuery>);
              setPage(1);
            }}
          >
            {t('common.reset')}
          </Button>
          <Button
            data-testid="audit-verify"
            icon={<SafetyOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('audit.verify')}
          </Button>
        </Space>
      </Form>
      {verify.data && (
        <Alert
          data-testid="audit-verify-result"
          style={{ marginBottom: 12 }}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          type={verify.data.ok ? 'success' : 'error'}
          title={
            verify.data.ok
              ? t('audit.verifyOk', { checked: verify.data.checked })
              : t('audit.verifyBad', {
                  id: verify.data.firstBadId ?? '?',
                  problem: verify.data.problem ? t(`audit.problems.${verify.data.problem}`) : '?',
                })
          }
          description={verify.data.ok ? undefined : verify.data.message}
        />
      )}
      <QueryState query={events} testId="audit">
        <Table<AuditEvent>
          data-testid="audit-table"
          rowKey="id"
          size="small"
          loading={events.isFetching}
          dataSource={events.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (e) => <SnapshotDiff event={e} /> }}
          pagination={{
            current: page,
            pageSize,
            total: events.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
          columns={[
            { title: '#', dataIndex: 'id', width: 70 },
            {
              title: t('audit.at'),
              dataIndex: 'at',
              render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
            },
            {
              title: t('audit.actor'),
              dataIndex: 'actorName',
              render: (v: string | null) => v ?? t('audit.system'),
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (v: string) => (
                <span title={v} data-testid="audit-action" data-code={v}>
                  {actionLabel(t, v)}
                </span>
              ),
            },
            {
              title: t('audit.object'),
              key: 'object',
              render: (_, e) => (
                <span title={e.objectType}>
                  {objectTypeLabel(t, e.objectType)}
                  {e.objectId ? ` #${e.objectId}` : ''}
                </span>
              ),
            },
            { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
            {
              title: t('audit.requestId'),
              dataIndex: 'requestId',
              render: (v: string | null) =>
                v ? <Typography.Text copyable={{ text: v }}>{v.slice(0, 12)}</Typography.Text> : '—',
            },
          ]}
        />
      </QueryState>
    </>
  );
}

/** A code filter that offers the known codes by their label (typed text matches label or code). */
function CodeInput({
  codes,
  label,
  testId,
  value,
  onChange,
}: {
  codes: readonly string[];
  label: (code: string) => string;
  testId: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const options = codes.map((c) => ({ value: c, label: `${label(c)} · ${c}` }));
  return (
    <AutoComplete
      data-testid={testId}
      allowClear
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{
        filterOption: (input, o) => (o?.label ?? '').toLowerCase().includes(input.trim().toLowerCase()),
      }}
    />
  );
}

function SnapshotDiff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const changed = new Set(diffKeys(event.before, event.after));
  const side = (title: string, value: unknown, tone: 'before' | 'after') => {
    const lines = snapshotLines(value);
    const bg = tone === 'before' ? token.colorErrorBg : token.colorSuccessBg;
    return (
      <Col xs={24} md={12}>
        <Typography.Text strong>{title}</Typography.Text>
        <pre
          data-testid={`audit-${tone}`}
          style={{
            margin: '4px 0 0',
            padding: 8,
            background: token.colorFillQuaternary,
            borderRadius: token.borderRadius,
            fontSize: 12,
            maxHeight: 360,
            overflow: 'auto',
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-all',
          }}
        >
          {lines.length === 0
            ? t('audit.empty')
            : lines.map((l) => (
                <div
                  key={l.key}
                  data-changed={changed.has(l.key) ? 'true' : undefined}
                  style={changed.has(l.key) ? { background: bg, fontWeight: 600 } : undefined}
                >
                  {l.text}
                </div>
              ))}
        </pre>
      </Col>
    );
  };
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {changed.size
          ? t('audit.changedKeys', { keys: [...changed].filter(Boolean).join(', ') || '—' })
          : t('audit.noChanges')}
      </Typography.Paragraph>
      <Row gutter={12}>
        {side(t('audit.before'), event.before, 'before')}
        {side(t('audit.after'), event.after, 'after')}
      </Row>
    </>
  );
}
