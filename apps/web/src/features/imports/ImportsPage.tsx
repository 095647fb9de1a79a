import { CheckOutlined, DownloadOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportPreview, ImportProblem } from '@jixiao/contracts';
import { Alert, Button, Card, Empty, Space, Typography, Upload, type UploadFile } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { formatError, useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { PickerPage } from '../../shared/PickerPage.js';
import { QueryState } from '../../shared/QueryState.js';
import { PlanPeriodPickers, usePlanPeriodChoice } from '../plans/PlanPeriodPickers.js';
import { usePeriods } from '../submissions/api.js';
import { startedPeriods } from '../submissions/model.js';
import { confirmImport, importTemplateUrl, previewImport, useBatches } from './api.js';
import { BatchTable, Counts } from './BatchTable.js';
import { ProblemList } from './ProblemList.js';
import { ACCEPT, acceptedFile, canConfirm, kindText, rejectedProblems } from './problems.js';

const _when = formatDateTime;
/** The period a page opens with: the latest started period that is not closed, else the latest started. */
const openPeriod = (ws: Parameters<typeof startedPeriods>[0]) => {
  const started = startedPeriods(ws);
  return (started.find((w) => w.state !== 'closed') ?? started[0])?.period;
};
export default function ImportsPage() {
  const { t, message, queryClient } = useFeedback();
  const [params, setParams] = useSearchParams();
  const choice = usePlanPeriodChoice();
  const { plans, offered, plan, planId } = choice;
  const periods = usePeriods(planId);
  const batches = useBatches(planId);
  const period = choice.period ?? openPeriod(periods.data ?? []) ?? (plan ? `${plan.year}-Y` : undefined);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [busy, setBusy] = useState<'preview' | 'confirm' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const file = files[0]?.originFileObj;
  // A source link names the plan as planId= and the batch to point at as batch=.
  const [linkedBatch] = useState(() => Number(params.get('batch')) || undefined);
  useEffect(() => {
    const linked = params.get('planId');
    if (!linked && !params.has('batch')) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (linked && /^\d+$/.test(linked) && !next.get('plan')) next.set('plan', linked);
        next.delete('planId');
        next.delete('batch');
        return next;
      },
      { replace: true },
    );
  }, [params, setParams]);

  const reset = useCallback(() => {
    setPreview(null);
    setProblems(null);
    setError(null);
  }, []);
  // A preview belongs to its plan, period and file.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when any of them changes
  useEffect(reset, [planId, period, file, reset]);

  async function runPreview() {
    if (!planId || !period || !file) return;
    setBusy('preview');
    reset();
    try {
      const p = await previewImport(planId, period, file);
      setPreview(p);
      setProblems(p.problems);
    } catch (e) {
      const ps = isApiError(e) ? rejectedProblems(e) : null;
      if (ps) setProblems(ps);
      else setError(formatError(t, e));
    } finally {
      setBusy(null);
    }
  }

  async function runConfirm() {
    if (!planId || !period || !file || !preview || !canConfirm(preview)) return;
    setBusy('confirm');
    setError(null);
    try {
      const b = await confirmImport(planId, period, file, preview.sha256);
      message.success(t('imports.imported', { file: b.fileName, rows: b.rows }));
      setFiles([]);
      reset();
      // An import fills submissions, references and events: every view of them reloads.
      await queryClient.invalidateQueries();
    } catch (e) {
      const ps = isApiError(e) ? rejectedProblems(e) : null;
      if (ps) {
        setProblems(ps);
        // The preview no longer holds: the file must be previewed again.
        setPreview(null);
      }
      setError(formatError(t, e));
    } finally {
      setBusy(null);
    }
  }

  if (!plans.data) return <QueryState query={plans} testId="imp-plans" />;
  if (!offered.length || !planId || !period) return <Empty description={t('events.noPlans')} />;

  const shownProblems = problems ?? [];
  return (
    <PickerPage
      pickers={
        <>
          <PlanPeriodPickers choice={choice} value={period} testId="imp" />
          <Button
            icon={<DownloadOutlined />}
            href={importTemplateUrl(planId, period)}
            data-testid="imp-template"
          >
            {t('imports.template')}
          </Button>
        </>
      }
    >
      <Card size="small" title={t('imports.title')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('imports.hint')}
          </Typography.Paragraph>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start' }}>
            <Upload
              accept={ACCEPT}
              maxCount={1}
              fileList={files}
              beforeUpload={(f) => {
                if (!acceptedFile(f.name)) {
                  message.error(t('imports.badType'));
                  return Upload.LIST_IGNORE;
                }
                return false;
              }}
              onChange={({ fileList }) => setFiles(fileList.slice(-1))}
              data-testid="imp-upload"
            >
              <Button icon={<UploadOutlined />} data-testid="imp-pick">
                {t('imports.pickFile')}
              </Button>
            </Upload>
            <Button
              icon={<EyeOutlined />}
              disabled={!file}
              loading={busy === 'preview'}
              onClick={() => void runPreview()}
              data-testid="imp-preview"
            >
              {busy === 'preview' ? t('imports.previewing') : t('imports.preview')}
            </Button>
          </div>
          {error && <Alert type="error" showIcon title={error} data-testid="imp-error" />}
          {preview && (
            <Space orientation="vertical" style={{ width: '100%' }} data-testid="imp-result">
              <Typography.Text strong data-testid="imp-summary">
                {t('imports.summary', { file: preview.fileName, format: preview.format, rows: preview.rows })}
              </Typography.Text>
              <Counts counts={preview.counts} />
              {preview.sample.length > 0 && (
                <CompactTable
                  data-testid="imp-sample"
                  rowKey="line"
                  scroll={{ x: 640 }}
                  title={() => t('imports.sample', { n: preview.sample.length })}
                  dataSource={preview.sample}
                  columns={(['line', 'unit', 'indicator', 'kind', 'value', 'reason'] as const).map((k) => ({
                    title: t(`imports.col.${k}`),
                    dataIndex: k,
                    key: k,
                    ...(k === 'line' ? { width: 60 } : {}),
                    ...(k === 'reason' ? { ellipsis: true } : {}),
                    ...(k === 'kind'
                      ? {
                          render: (v: string) => {
                            const x = kindText(v);
                            return t(x.key, x.params ?? {});
                          },
                        }
                      : {}),
                  }))}
                />
              )}
            </Space>
          )}
          {shownProblems.length > 0 && <ProblemList problems={shownProblems} />}
          {preview && shownProblems.length === 0 && preview.rows === 0 && (
            <Alert type="warning" showIcon title={t('imports.noRows')} />
          )}
          {(preview || problems) && (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
              {canConfirm(preview ?? undefined) && shownProblems.length === 0 ? (
                <>
                  <Button
                    type="primary"
                    icon={<CheckOutlined />}
                    loading={busy === 'confirm'}
                    onClick={() => void runConfirm()}
                    data-testid="imp-confirm"
                  >
                    {t('imports.confirm')}
                  </Button>
                  <Typography.Text type="secondary">
                    {t('imports.confirmHint', { rows: preview!.rows })}
                  </Typography.Text>
                </>
              ) : (
                shownProblems.length > 0 && (
                  <Alert
                    type="error"
                    showIcon
                    data-testid="imp-blocked"
                    title={t('imports.confirmBlocked', { n: shownProblems.length })}
                  />
                )
              )}
            </div>
          )}
        </Space>
      </Card>
      <Card size="small" title={t('imports.batches')}>
        <BatchTable batches={batches} linked={linkedBatch} />
      </Card>
    </PickerPage>
  );
}
