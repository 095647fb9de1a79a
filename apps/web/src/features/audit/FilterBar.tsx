import { SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Col, DatePicker, Form, Input, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../shared/SubmitButton.js';
import { type AuditFilter, auditFilter, type FilterForm } from './filters.js';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, actionLabel, objectTypeLabel } from './labels.js';

/** The audit log's filters, with search, reset and the chain check. */
export function FilterBar({
  onSearch,
  onVerify,
  verifying,
}: {
  onSearch: (f: AuditFilter) => void;
  onVerify: () => void;
  verifying: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterForm>();
  return (
    <Form<FilterForm> form={form} layout="vertical" onFinish={(v) => onSearch(auditFilter(v))}>
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
            <CodeInput codes={AUDIT_ACTIONS} label={(c) => actionLabel(t, c)} testId="audit-action-filter" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name="range" label={t('audit.dateRange')}>
            <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap style={{ marginBottom: 12 }}>
        <SubmitButton testId="audit-search" icon={<SearchOutlined />}>
          {t('common.search')}
        </SubmitButton>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('common.reset')}
        </Button>
        <Button data-testid="audit-verify" icon={<SafetyOutlined />} loading={verifying} onClick={onVerify}>
          {t('audit.verify')}
        </Button>
      </Space>
    </Form>
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
