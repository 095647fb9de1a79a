import { type BallotAnswers, type PaperBatchDetail, sheetColumns } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Segmented, Space, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../shared/CompactTable.js';
import { useShowError } from '../../shared/feedback.js';
import { countBatch, importSheets, paperKeys, putSheet, resolveSheet } from './api.js';
import { ResolveModal } from './ResolveModal.js';
import { SheetEntry } from './SheetEntry.js';

type Sheet = PaperBatchDetail['sheetList'][number];

function downloadTemplate(batch: PaperBatchDetail) {
  const text = `\uFEFF${sheetColumns(batch.questions).join(',')}\r\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  Object.assign(document.createElement('a'), { href: url, download: `${batch.surveyPoint}.csv` }).click();
  URL.revokeObjectURL(url);
}

/** One batch: keyboard entry (first or second pass), a spreadsheet import, the sheets, counting. */
export function BatchPanel({ batch }: { batch: PaperBatchDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const [pass, setPass] = useState<'first' | 'second'>('first');
  const [resolving, setResolving] = useState<Sheet | null>(null);
  const refresh = (b: PaperBatchDetail) => {
    qc.setQueryData(paperKeys.batch(b.id), b);
    void qc.invalidateQueries({ queryKey: paperKeys.batches(b.campaignId) });
  };
  const write = useMutation({
    mutationFn: (v: { seq: number; answers: BallotAnswers }) => putSheet(batch.id, v.seq, pass, v.answers),
    onSuccess: (b, v) => {
      refresh(b);
      message.success(t('paper.saved', { seq: v.seq }));
    },
    onError: showError,
  });
  const upload = useMutation({
    mutationFn: (file: File) => importSheets(batch.id, pass, file),
    onSuccess: refresh,
    onError: showError,
  });
  const resolve = useMutation({
    mutationFn: (v: { seq: number; answers: BallotAnswers }) => resolveSheet(batch.id, v.seq, v.answers),
    onSuccess: (b) => {
      refresh(b);
      setResolving(null);
    },
    onError: showError,
  });
  const count = useMutation({
    mutationFn: () => countBatch(batch.id, batch.version),
    onSuccess: (b) => {
      refresh(b);
      message.success(t('paper.counted', { n: b.sheets }));
    },
    onError: showError,
  });
  const entering = batch.status === 'entering';
  const state = (s: Sheet) =>
    s.mismatch ? (
      <Tag color="error">{t('paper.mismatch')}</Tag>
    ) : s.resolved ? (
      <Tag color="success">{t('paper.resolved')}</Tag>
    ) : batch.doubleEntry && !(s.first && s.second) ? (
      <Tag>{t('paper.waiting')}</Tag>
    ) : (
      <Tag color="success">{t('paper.ready')}</Tag>
    );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid={`batch-${batch.id}`}>
      {entering && (
        <Card
          size="small"
          title={t('paper.entry')}
          extra={
            batch.doubleEntry && (
              <Segmented
                value={pass}
                onChange={(v) => setPass(v as 'first' | 'second')}
                options={[
                  { value: 'first', label: t('paper.pass.first') },
                  { value: 'second', label: t('paper.pass.second') },
                ]}
                data-testid="entry-pass"
              />
            )
          }
        >
          <SheetEntry
            key={`${batch.id}-${pass}`}
            batch={batch}
            pass={pass}
            saving={write.isPending}
            onSave={(seq, answers) => write.mutateAsync({ seq, answers })}
          />
        </Card>
      )}
      <Card
        size="small"
        title={t('paper.sheets', { n: batch.sheets, mismatches: batch.mismatches })}
        extra={
          <Space wrap>
            <Button size="small" onClick={() => downloadTemplate(batch)}>
              {t('paper.template')}
            </Button>
            {entering && (
              <Upload
                accept=".csv,.xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  upload.mutate(file);
                  return false;
                }}
              >
                <Button size="small" loading={upload.isPending} data-testid="sheets-import">
                  {t('paper.import', { pass: t(`paper.pass.${pass}`) })}
                </Button>
              </Upload>
            )}
            {entering && (
              <Popconfirm title={t('paper.countConfirm')} onConfirm={() => count.mutate()}>
                <Button size="small" type="primary" loading={count.isPending} data-testid="batch-count">
                  {t('paper.count')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <CompactTable<Sheet>
          rowKey="seq"
          dataSource={batch.sheetList}
          pagination={{ pageSize: 20 }}
          data-testid="sheet-list"
          columns={[
            { title: t('paper.sheetNo'), dataIndex: 'seq' },
            { title: t('paper.firstBy'), dataIndex: 'firstBy', render: (v) => v ?? '—' },
            ...(batch.doubleEntry
              ? [
                  {
                    title: t('paper.secondBy'),
                    dataIndex: 'secondBy',
                    render: (v: string | null) => v ?? '—',
                  },
                ]
              : []),
            { title: t('paper.state'), render: (_, s) => state(s) },
            {
              title: '',
              render: (_, s) =>
                s.mismatch && entering ? (
                  <Button size="small" onClick={() => setResolving(s)} data-testid={`resolve-${s.seq}`}>
                    {t('paper.resolve')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {resolving && (
        <ResolveModal
          batch={batch}
          sheet={resolving}
          onClose={() => setResolving(null)}
          onResolve={(answers) => resolve.mutate({ seq: resolving.seq, answers })}
        />
      )}
    </Space>
  );
}
