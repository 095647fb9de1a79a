import { DesktopOutlined } from '@ant-design/icons';
import type { KioskLink } from '@jixiao/contracts';
import {
  Alert,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../shared/auth.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { useKioskLinks, useKioskMutations } from './kiosk-api.js';

/** The large screen's address for a token (shown once, at creation). */
export const screenUrl = (token: string) => `${window.location.origin}/screen/${token}`;

const status = (l: KioskLink, now: number) =>
  l.revokedAt ? 'revoked' : l.expiresAt && Date.parse(l.expiresAt) <= now ? 'expired' : 'active';

/**
 * 大屏链接: the office creates read-only kiosk links to this plan's cockpit for wall screens,
 * copies each once, and revokes them (issue 13 point 4). Shown to holders of cockpit.manage.
 */
export function KioskLinksButton({ planId, period }: { planId: number; period: string }) {
  const canManage = useCan('cockpit.manage');
  const [open, setOpen] = useState(false);
  const { t } = useFeedback();
  if (!canManage) return null;
  return (
    <>
      <Button icon={<DesktopOutlined />} onClick={() => setOpen(true)} data-testid="kiosk-open">
        {t('kiosk.open')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('kiosk.title')}
        size={640}
        destroyOnHidden
        data-testid="kiosk-drawer"
      >
        <KioskLinks planId={planId} period={period} />
      </Drawer>
    </>
  );
}

function KioskLinks({ planId, period }: { planId: number; period: string }) {
  const { t, showError } = useFeedback();
  const links = useKioskLinks(planId, true);
  const { create, revoke } = useKioskMutations(planId);
  const [created, setCreated] = useState<string | null>(null);
  const [form] = Form.useForm<{ label: string; expiresAt?: Dayjs | null; refreshSeconds: number }>();
  const now = Date.now();
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        label: v.label,
        period,
        expiresAt: v.expiresAt ? v.expiresAt.toISOString() : null,
        refreshSeconds: v.refreshSeconds,
      },
      {
        onSuccess: (r) => {
          setCreated(screenUrl(r.token));
          form.resetFields();
        },
        onError: showError,
      },
    );
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('kiosk.intro', { period })}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={submit} initialValues={{ refreshSeconds: 60 }}>
        <Form.Item name="label" label={t('kiosk.label')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} placeholder={t('kiosk.labelPlaceholder')} data-testid="kiosk-label" />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('kiosk.expiresAt')}>
          <DatePicker showTime />
        </Form.Item>
        <Form.Item name="refreshSeconds" label={t('kiosk.refreshSeconds')} rules={[{ required: true }]}>
          <InputNumber min={5} max={3600} style={{ width: 90 }} data-testid="kiosk-refresh" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="kiosk-create">
            {t('kiosk.create')}
          </Button>
        </Form.Item>
      </Form>
      {created && (
        <Alert
          type="success"
          showIcon
          title={t('kiosk.created')}
          description={
            <Typography.Paragraph
              copyable={{ text: created }}
              style={{ marginBottom: 0 }}
              data-testid="kiosk-url"
            >
              <code style={{ wordBreak: 'break-all' }}>{created}</code>
            </Typography.Paragraph>
          }
        />
      )}
      <CompactTable<KioskLink>
        data-testid="kiosk-links"
        rowKey="id"
        loading={links.isLoading}
        dataSource={links.data ?? []}
        pagination={false}
        onRow={(l) => ({ 'data-label': l.label }) as object}
        columns={[
          { title: t('kiosk.label'), dataIndex: 'label' },
          { title: t('kiosk.period'), dataIndex: 'period', width: 80 },
          {
            title: t('kiosk.createdAt'),
            key: 'created',
            width: 150,
            render: (_, l) => formatDateTime(l.createdAt),
          },
          {
            title: t('kiosk.lastUsed'),
            key: 'used',
            width: 150,
            render: (_, l) => (l.lastUsedAt ? formatDateTime(l.lastUsedAt) : t('kiosk.never')),
          },
          {
            title: t('kiosk.status'),
            key: 'status',
            width: 120,
            render: (_, l) => {
              const s = status(l, now);
              return (
                <Space size={4}>
                  <Tag color={s === 'active' ? 'green' : 'default'}>{t(`kiosk.${s}`)}</Tag>
                  {s !== 'revoked' && (
                    <Popconfirm
                      title={t('kiosk.revokeConfirm')}
                      onConfirm={() => revoke.mutate(l.id, { onError: showError })}
                    >
                      <Button size="small" danger data-testid="kiosk-revoke">
                        {t('kiosk.revoke')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </Space>
  );
}
