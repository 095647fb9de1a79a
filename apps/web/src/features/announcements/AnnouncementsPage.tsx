import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/auth.js';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { queryRows, queryTable } from '../../shared/QueryState.js';
import { useUnits } from '../notices/api.js';
import { announcementKeys, publishAnnouncement, useAnnouncements } from './api.js';

/** Announcements (信息发布): everyone reads theirs; the office publishes to all or chosen units. */
export default function AnnouncementsPage() {
  const { t, message, showError, queryClient: qc } = useFeedback();
  const canPublish = useCan('announcements.publish');
  const list = useAnnouncements();
  const units = useUnits(canPublish);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; body: string; unitIds?: number[] }>();
  const publish = useMutation({
    mutationFn: (v: { title: string; body: string; unitIds?: number[] }) =>
      publishAnnouncement({ ...v, unitIds: v.unitIds ?? [] }),
    onSuccess: () => {
      setOpen(false);
      message.success(t('announcement.published'));
      void qc.invalidateQueries({ queryKey: announcementKeys.all });
    },
    onError: showError,
  });
  return (
    <Card
      title={t('announcement.title')}
      data-testid="announcements-page"
      extra={
        canPublish && (
          <Button type="primary" data-testid="announcement-publish" onClick={() => setOpen(true)}>
            {t('announcement.publish')}
          </Button>
        )
      }
    >
      <List
        {...queryRows(list, t('announcement.empty'), 'announcements')}
        renderItem={(a) => (
          <List.Item data-testid="announcement-item">
            <List.Item.Meta
              title={
                <>
                  {a.title}{' '}
                  <Tag>
                    {a.unitIds.length
                      ? t('announcement.toSome', { n: a.unitIds.length })
                      : t('announcement.toAll')}
                  </Tag>
                </>
              }
              description={
                <>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                    {a.body}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.publishedBy} · {formatDateTime(a.publishedAt)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={open}
        title={t('announcement.publish')}
        destroyOnHidden
        confirmLoading={publish.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => void form.validateFields().then((v) => publish.mutate(v))}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="title" label={t('announcement.heading')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="body" label={t('announcement.body')} rules={[{ required: true }]}>
            <Input.TextArea rows={6} />
          </Form.Item>
          <Form.Item name="unitIds" label={t('announcement.units')}>
            <Select
              mode="multiple"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('announcement.allUnits')}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** The latest three on the home page. */
export function AnnouncementsCard() {
  const { t } = useTranslation();
  const list = useAnnouncements();
  return (
    <Card size="small" title={t('announcement.home')} data-testid="home-announcements">
      <List
        size="small"
        {...queryTable(list, t('announcement.empty'), 'home-announcements')}
        dataSource={(list.data ?? []).slice(0, 3)}
        renderItem={(a) => <List.Item>{a.title}</List.Item>}
      />
    </Card>
  );
}
