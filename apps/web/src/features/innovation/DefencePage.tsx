import type { InnovationCall, InnovationProject } from '@jixiao/contracts';
import { Button, Card, Empty, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCan } from '../../shared/auth.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { FormModal } from '../../shared/FormModal.js';
import { useFeedback } from '../../shared/feedback.js';
import { QueryState } from '../../shared/QueryState.js';
import { ListActions } from '../plans/FormBits.js';
import { listMove, listRemove } from '../plans/forms.js';
import { innovationApi, useBoard, useCall, useProjects, useSessions } from './api.js';
import { useDialogSave } from './useDialogSave.js';
import { categoryName } from './view.js';

/** The choices "all categories" and "no chair" are '' and 0 in the selects (null in the request). */
interface Values {
  title: string;
  category: string;
  minutes: number;
  chairExpertId: number;
}

/** The running order being set: the projects in order, moved with the arrows, left out with the bin. */
function RunningOrder({
  order,
  projects,
  onChange,
}: {
  order: number[];
  projects: ReadonlyMap<number, InnovationProject>;
  onChange: (order: number[]) => void;
}) {
  return (
    <List
      size="small"
      bordered
      data-testid="session-order"
      dataSource={order}
      renderItem={(id, i) => {
        const p = projects.get(id);
        return (
          <List.Item
            key={id}
            data-testid={`order-${id}`}
            extra={
              <ListActions
                index={i}
                length={order.length}
                onMove={(d) => onChange(listMove(order, [], i, d))}
                onRemove={() => onChange(listRemove(order, [], i))}
              />
            }
          >
            <span style={{ wordBreak: 'break-word' }}>
              {i + 1}. {p?.title}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p?.unitName}
              </Typography.Text>
            </span>
          </List.Item>
        );
      }}
    />
  );
}

/** The office sets up a defence session: title, category, running order, minutes, chair. */
function SessionDialog({ call, onClose }: { call: InnovationCall; onClose: () => void }) {
  const { t } = useFeedback();
  const [form] = Form.useForm<Values>();
  const projects = useProjects(call.id);
  const board = useBoard(call.id);
  const byId = new Map((projects.data ?? []).map((p) => [p.id, p]));
  const inCategory = (c: string | null) =>
    (projects.data ?? []).filter((p) => c === null || p.category === c).map((p) => p.id);
  const [order, setOrder] = useState<number[] | null>(null);
  const shown = order ?? inCategory(null);
  const save = useDialogSave(
    (v: Values) =>
      innovationApi.createSession(call.id, {
        title: v.title,
        category: v.category || null,
        minutes: v.minutes,
        chairExpertId: v.chairExpertId || null,
        projectIds: shown,
      }),
    onClose,
  );
  return (
    <FormModal
      form={form}
      mutation={save}
      onClose={onClose}
      title={t('defence.newSession')}
      okButtonProps={{ 'data-testid': 'session-save', disabled: shown.length === 0 } as never}
      initialValues={{
        title: t('defence.defaultTitle', { year: call.year }),
        category: '',
        minutes: 8,
        chairExpertId: 0,
      }}
    >
      <Form.Item
        name="title"
        label={t('defence.sessionTitle')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={200} data-testid="session-title" />
      </Form.Item>
      <Form.Item name="category" label={t('defence.category')}>
        <Select
          data-testid="session-category"
          onChange={(c: string) => setOrder(inCategory(c || null))}
          options={[
            { value: '', label: t('defence.allCategories') },
            ...call.categories.map((c) => ({ value: c.code, label: c.name })),
          ]}
        />
      </Form.Item>
      <Space wrap size="large">
        <Form.Item name="minutes" label={t('defence.minutes')} rules={[{ required: true }]}>
          <InputNumber min={1} max={120} data-testid="session-minutes" />
        </Form.Item>
        <Form.Item name="chairExpertId" label={t('defence.chair')}>
          <Select
            data-testid="session-chair"
            style={{ minWidth: 200 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: 0, label: t('defence.noChair') },
              ...(board.data?.experts ?? [])
                .filter((e) => e.available)
                .map((e) => ({ value: e.expertId, label: e.name })),
            ]}
          />
        </Form.Item>
      </Space>
      <Form.Item label={t('defence.order')} extra={t('defence.orderHelp')}>
        <QueryState query={projects} inline testId="session-projects">
          <RunningOrder order={shown} projects={byId} onChange={setOrder} />
        </QueryState>
      </Form.Item>
    </FormModal>
  );
}

/**
 * A call's defence sessions (现场答辩): the office sets one up (title, category, running order,
 * minutes per presentation, chair) and opens its board (答辩看板) to run it.
 */
export default function DefencePage() {
  const callId = Number(useParams().id);
  const { t } = useFeedback();
  const office = useCan('innovation.manage');
  const call = useCall(callId);
  const sessions = useSessions(callId);
  const [creating, setCreating] = useState(false);
  return (
    <QueryState query={call} also={[sessions]} testId="sessions">
      {(c) => (
        <Space
          orientation="vertical"
          style={{ width: '100%' }}
          size="middle"
          data-testid="innovation-defence"
        >
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('defence.sessionsOf', { title: c.title })}
            </Typography.Title>
            {office && (
              <CreateButton testId="session-new" onClick={() => setCreating(true)}>
                {t('defence.newSession')}
              </CreateButton>
            )}
          </Space>
          <List
            dataSource={sessions.data ?? []}
            locale={{ emptyText: <Empty description={t('defence.noSessions')} /> }}
            renderItem={(s) => (
              <List.Item key={s.id} style={{ display: 'block' }} data-testid={`session-${s.id}`}>
                <Card size="small">
                  <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong style={{ wordBreak: 'break-word' }}>
                        {s.title}
                      </Typography.Text>
                      <Tag
                        color={
                          s.status === 'running'
                            ? 'processing'
                            : s.status === 'finished'
                              ? 'success'
                              : 'default'
                        }
                      >
                        {t(`defence.status.${s.status}`)}
                      </Tag>
                      <Tag>
                        {s.category ? categoryName(c.categories, s.category) : t('defence.allCategories')}
                      </Tag>
                    </Space>
                    <Typography.Text type="secondary">
                      {t('defence.progress', { closed: s.closed, projects: s.projects })} ·{' '}
                      {t('defence.minutesShort', { n: s.minutes })}
                      {s.chair ? ` · ${t('defence.chair')}：${s.chair.name}` : ''}
                    </Typography.Text>
                    <Link to={`/innovation/defence/${s.id}`} data-testid="session-board">
                      <Button size="small" type="primary">
                        {t('defence.openBoard')}
                      </Button>
                    </Link>
                  </Space>
                </Card>
              </List.Item>
            )}
          />
          {creating && <SessionDialog call={c} onClose={() => setCreating(false)} />}
        </Space>
      )}
    </QueryState>
  );
}
