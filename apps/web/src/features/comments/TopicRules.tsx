import { Button, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDialogSave } from '../../shared/useDialogSave.js';
import { commentKeys, saveTopics, useTopics } from './api.js';

interface Row {
  code: string;
  name: string;
  keywords: string;
}

/** The keyword rules that classify comments to topics (H9), edited as a list. */
export function TopicRules({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const topics = useTopics(true);
  const [form] = Form.useForm<{ rows: Row[] }>();
  const save = useDialogSave({
    save: (rows: Row[]) =>
      saveTopics(
        rows.map((r) => ({
          code: r.code.trim(),
          name: r.name.trim(),
          keywords: r.keywords.split(/[,，、\s]+/).filter(Boolean),
        })),
      ),
    done: t('comments.topicsSaved'),
    reload: [commentKeys.all],
    onClose,
  });
  if (!topics.data) return null;
  return (
    <Modal
      open
      width={720}
      title={t('comments.topics')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <p>{t('comments.topicsHint')}</p>
      <Form
        form={form}
        initialValues={{ rows: topics.data.map((x) => ({ ...x, keywords: x.keywords.join('，') })) }}
        onFinish={(v) => save.mutate(v.rows ?? [])}
      >
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start">
                  <Form.Item
                    name={[f.name, 'code']}
                    rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]+$/ }]}
                  >
                    <Input placeholder={t('comments.topicCode')} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={t('comments.topicName')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'keywords']}>
                    <Input placeholder={t('comments.keywords')} style={{ width: 300 }} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('comments.remove')}</Button>
                </Space>
              ))}
              <Button onClick={() => add({ code: '', name: '', keywords: '' })}>
                {t('comments.addTopic')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
