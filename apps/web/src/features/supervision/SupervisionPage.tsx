import type { ApiToken, SupervisionItem } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Input, Modal, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { queryRows } from '../../shared/QueryState.js';
import { usePlans } from '../plans/api.js';
import { defaultPlan } from '../results/ranking.js';
import { supervisionApi, supervisionKeys, useApiTokens, useSupervisionItems } from './api.js';

/** Supervision items (H6): the imported items, CSV upload and the supervision system's API tokens. */
export default function SupervisionPage() {
  const { t, message, showError, queryClient: qc } = useFeedback();
  const plan = defaultPlan(usePlans().data ?? []);
  const items = useSupervisionItems(plan?.id);
  const tokens = useApiTokens();
  const [name, setName] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => supervisionApi.createToken(name),
    onSuccess: (r) => {
      setShown(r.token);
      setName('');
      void qc.invalidateQueries({ queryKey: supervisionKeys.tokens });
    },
    onError: showError,
  });
  const revoke = useMutation({
    mutationFn: (id: number) => supervisionApi.revokeToken(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: supervisionKeys.tokens }),
    onError: showError,
  });
  const upload = async (file: File) => {
    try {
      const r = await supervisionApi.importCsv(plan!.id, file);
      message.success(t('supervision.imported', r));
      void qc.invalidateQueries({ queryKey: supervisionKeys.allItems });
    } catch (e) {
      showError(e);
    }
    return false;
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={t('supervision.title')}
        data-testid="supervision-page"
        extra={
          <Upload
            accept=".csv,text/csv"
            showUploadList={false}
            beforeUpload={(f) => upload(f)}
            disabled={!plan}
          >
            <Button data-testid="supervision-upload">{t('supervision.upload')}</Button>
          </Upload>
        }
      >
        <Typography.Paragraph type="secondary">{t('supervision.csvHint')}</Typography.Paragraph>
        <Table<SupervisionItem>
          size="small"
          rowKey="id"
          {...queryRows(items, undefined, 'supervision')}
          scroll={{ x: 900 }}
          columns={[
            { title: t('supervision.cols.externalId'), dataIndex: 'externalId', width: 120 },
            { title: t('supervision.cols.unit'), dataIndex: 'unitName', width: 180 },
            { title: t('supervision.cols.indicator'), dataIndex: 'indicator', width: 90 },
            { title: t('supervision.cols.title'), dataIndex: 'title' },
            {
              title: t('supervision.cols.progress'),
              dataIndex: 'progress',
              width: 150,
              render: (p: number) => <Progress percent={p} size="small" />,
            },
            {
              title: t('supervision.cols.due'),
              dataIndex: 'dueDate',
              width: 150,
              render: (d: string, i) => (
                <Space>
                  {d}
                  {i.overdue && <Tag color="red">{t('supervision.overdue')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('supervision.cols.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: string) => t(`supervision.statuses.${s}`),
            },
          ]}
        />
      </Card>
      <Card title={t('supervision.tokens')}>
        <Space style={{ marginBottom: 12 }}>
          <Input
            data-testid="token-name"
            placeholder={t('supervision.tokenName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Button
            type="primary"
            data-testid="token-create"
            disabled={!name.trim()}
            loading={create.isPending}
            onClick={() => create.mutate()}
          >
            {t('supervision.newToken')}
          </Button>
        </Space>
        <Table<ApiToken>
          size="small"
          rowKey="id"
          {...queryRows(tokens, undefined, 'tokens')}
          pagination={false}
          columns={[
            { title: t('supervision.tokenName'), dataIndex: 'name' },
            {
              title: t('supervision.lastUsed'),
              dataIndex: 'lastUsedAt',
              render: (d: string | null) => formatDateTime(d),
            },
            {
              title: '',
              key: 's',
              render: (_, k) =>
                k.revokedAt ? (
                  <Tag>{t('supervision.revoked')}</Tag>
                ) : (
                  <Tag color="green">{t('supervision.active')}</Tag>
                ),
            },
            {
              title: '',
              key: 'a',
              render: (_, k) =>
                !k.revokedAt && (
                  <Button size="small" danger onClick={() => revoke.mutate(k.id)}>
                    {t('supervision.revoke')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={shown !== null}
        onCancel={() => setShown(null)}
        onOk={() => setShown(null)}
        title={t('supervision.newToken')}
      >
        <p>{t('supervision.tokenOnce')}</p>
        <Typography.Paragraph copyable code data-testid="token-value">
          {shown}
        </Typography.Paragraph>
      </Modal>
    </Space>
  );
}
