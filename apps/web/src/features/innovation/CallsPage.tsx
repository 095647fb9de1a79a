import type { InnovationCall } from '@jixiao/contracts';
import { DEFAULT_INNOVATION_CATEGORIES } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../shared/auth.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { FormModal } from '../../shared/FormModal.js';
import { useFeedback } from '../../shared/feedback.js';
import { QueryState } from '../../shared/QueryState.js';
import { innovationApi, innovationKeys, useCalls } from './api.js';
import { useDialogSave } from './useDialogSave.js';
import { CALL_PAGES, CALL_STATUS_COLOR, categoriesText, defaultDeadline, parseCategories } from './view.js';

interface Values {
  year: number;
  title: string;
  deadline: string;
  categories: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The office drafts a call (or edits one): year, title, deadline and the categories, one per line. */
function CallDialog({ call, onClose }: { call: InnovationCall | null; onClose: () => void }) {
  const { t } = useFeedback();
  const [form] = Form.useForm<Values>();
  const year = call?.year ?? new Date().getFullYear();
  const save = useDialogSave((v: Values) => {
    const categories = parseCategories(v.categories);
    if (!call)
      return innovationApi.createCall({ year: v.year, title: v.title, deadline: v.deadline, categories });
    return innovationApi.updateCall(call.id, {
      title: v.title,
      deadline: v.deadline,
      ...(call.status === 'draft' ? { categories } : {}),
      version: call.version,
    });
  }, onClose);
  return (
    <FormModal
      form={form}
      mutation={save}
      onClose={onClose}
      title={call ? t('innovation.editCall') : t('innovation.newCall')}
      okButtonProps={{ 'data-testid': 'call-save' } as never}
      initialValues={{
        year,
        title: call?.title ?? t('innovation.defaultTitle', { year }),
        deadline: call?.deadline ?? defaultDeadline(year),
        categories: categoriesText(call?.categories ?? DEFAULT_INNOVATION_CATEGORIES),
      }}
    >
      <Form.Item name="year" label={t('innovation.year')} rules={[{ required: true }]}>
        <InputNumber
          min={2000}
          max={2100}
          disabled={!!call}
          data-testid="call-year"
          onChange={(y) => {
            // The proposed title and deadline follow the year until the office types its own.
            if (!y) return;
            if (!form.isFieldTouched('title'))
              form.setFieldValue('title', t('innovation.defaultTitle', { year: y }));
            if (!form.isFieldTouched('deadline')) form.setFieldValue('deadline', defaultDeadline(y));
          }}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('innovation.callTitle')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={200} data-testid="call-title" />
      </Form.Item>
      <Form.Item
        name="deadline"
        label={t('innovation.deadline')}
        extra={t('innovation.deadlineHelp')}
        rules={[{ required: true, pattern: DAY, message: t('innovation.dayFormat') }]}
      >
        <Input placeholder="YYYY-MM-DD" data-testid="call-deadline" />
      </Form.Item>
      <Form.Item
        name="categories"
        label={t('innovation.categories')}
        extra={t('innovation.categoriesHelp')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={5} disabled={!!call && call.status !== 'draft'} data-testid="call-categories" />
      </Form.Item>
    </FormModal>
  );
}

/**
 * Calls for innovation projects (H10). The office drafts a call for a year with its categories and
 * deadline, opens it to the units and may close it early; units see the open calls and go to their
 * projects; leaders read.
 */
export default function CallsPage() {
  const { t, message, showError, queryClient: qc } = useFeedback();
  const office = useCan('innovation.manage');
  const calls = useCalls();
  const [dialog, setDialog] = useState<{ call: InnovationCall | null } | null>(null);
  const step = useMutation({
    mutationFn: ({ c, action }: { c: InnovationCall; action: 'open' | 'close' }) =>
      innovationApi.stepCall(c.id, action, c.version),
    onSuccess: (c) => {
      message.success(t(`innovation.statusNow.${c.status}`));
      void qc.invalidateQueries({ queryKey: innovationKeys.all });
    },
    onError: showError,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="innovation-calls">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('innovationNav.calls')}
        </Typography.Title>
        {office && (
          <CreateButton testId="call-new" onClick={() => setDialog({ call: null })}>
            {t('innovation.newCall')}
          </CreateButton>
        )}
      </Space>
      <QueryState query={calls} testId="calls">
        {(list) => (
          <List
            dataSource={list}
            locale={{ emptyText: <Empty description={t('innovation.noCalls')} /> }}
            renderItem={(c) => (
              <List.Item key={c.id} style={{ display: 'block' }} data-testid={`call-${c.year}`}>
                <Card size="small">
                  <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong>{c.title}</Typography.Text>
                      <Tag color={CALL_STATUS_COLOR[c.status]} data-testid="call-status">
                        {t(`innovation.status.${c.status}`)}
                      </Tag>
                    </Space>
                    <Typography.Text type="secondary">
                      {t('innovation.callLine', { deadline: c.deadline, projects: c.projects })}
                    </Typography.Text>
                    <Space wrap size={[4, 4]}>
                      {c.categories.map((x) => (
                        <Tag key={x.code}>{x.name}</Tag>
                      ))}
                    </Space>
                    <Space wrap>
                      <Link to={`/innovation/calls/${c.id}`} data-testid="call-projects">
                        <Button size="small" type={c.can.apply ? 'primary' : 'default'}>
                          {c.can.apply ? t('innovation.myProjects') : t('innovation.projects')}
                        </Button>
                      </Link>
                      {office &&
                        c.status !== 'draft' &&
                        (['assignments', 'scoring', 'defence', 'results'] as const).map((page) => (
                          <Link
                            key={page}
                            to={`/innovation/calls/${c.id}/${page}`}
                            data-testid={`call-${page}`}
                          >
                            <Button size="small">{t(CALL_PAGES[page])}</Button>
                          </Link>
                        ))}
                      {c.can.edit && (
                        <Button size="small" onClick={() => setDialog({ call: c })} data-testid="call-edit">
                          {t('innovation.edit')}
                        </Button>
                      )}
                      {c.can.open && (
                        <Button
                          size="small"
                          type="primary"
                          loading={step.isPending}
                          onClick={() => step.mutate({ c, action: 'open' })}
                          data-testid="call-open"
                        >
                          {t('innovation.open')}
                        </Button>
                      )}
                      {c.can.close && (
                        <Button
                          size="small"
                          danger
                          loading={step.isPending}
                          onClick={() => step.mutate({ c, action: 'close' })}
                          data-testid="call-close"
                        >
                          {t('innovation.close')}
                        </Button>
                      )}
                    </Space>
                  </Space>
                </Card>
              </List.Item>
            )}
          />
        )}
      </QueryState>
      {dialog && <CallDialog call={dialog.call} onClose={() => setDialog(null)} />}
    </Space>
  );
}
