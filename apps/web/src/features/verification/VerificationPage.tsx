import { AimOutlined, PaperClipOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import type { VerificationMethod } from '@jixiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.js';
import { useCan } from '../../shared/auth.js';
import { formatError, useShowError } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { QueryState } from '../../shared/QueryState.js';
import { subKeys, uploadVerificationEvidence, usePeriods } from '../submissions/api.js';
import { MAX_EVIDENCE_BYTES, startedPeriods } from '../submissions/model.js';
import { PlanSelect, usePlanPeriodParams } from '../submissions/PlanSelect.js';
import { SubmissionDrawer, useEvidenceErrors } from '../submissions/SubmissionDrawer.js';
import {
  drawSample,
  type MethodCounts,
  postVerification,
  type QueueItem,
  type Sample,
  useCounts,
  useQueue,
  useSamples,
  verKeys,
} from './api.js';
import {
  correctionChange,
  countTotals,
  defaultMethod,
  METHODS,
  sampleRows,
  verdictProblem,
} from './model.js';

const when = formatDateTime;
const rowId = (q: QueueItem) => `${q.unitCode}-${q.submission.indicator}-${q.submission.period}`;

/** Record one conformity check: method, pass/fail with reason, attachments. */
function VerifyModal({ item, onClose }: { item: QueueItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const refused = useEvidenceErrors();
  const queryClient = useQueryClient();
  const [method, setMethod] = useState<VerificationMethod | undefined>(undefined);
  const [result, setResult] = useState<'pass' | 'fail' | undefined>(undefined);
  const [note, setNote] = useState('');
  const [corrected, setCorrected] = useState<number | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  const chosen = method ?? (item ? defaultMethod(item) : 'comprehensive');
  const correction = result === 'pass' ? corrected : null;
  const problem = verdictProblem(result, note, correction, item?.submission.value ?? null);
  const noteMissing = problem === 'note' || problem === 'correctionNote';

  const close = () => {
    setMethod(undefined);
    setResult(undefined);
    setNote('');
    setCorrected(null);
    setFiles([]);
    onClose();
  };

  async function submit() {
    if (!item || problem || !result) return;
    setSaving(true);
    try {
      const rec = await postVerification({
        submissionId: item.submission.id,
        method: chosen,
        result,
        note: note.trim() || null,
        ...(correction !== null ? { correctedValue: correction } : {}),
        version: item.submission.version,
      });
      let attached = 0;
      for (const f of files) {
        if (!f.originFileObj) continue;
        try {
          await uploadVerificationEvidence(rec.id, f.originFileObj);
          attached++;
        } catch (e) {
          refused(f, e);
        }
      }
      const change = correctionChange(
        item.submission.value,
        rec.correctedValue ?? correction,
        item.submission.measureUnit,
      );
      message.success(
        change
          ? t('verifyCorrection.passedCorrected', {
              indicator: `${item.unitName} ${item.submission.indicator}`,
              ...change,
            })
          : t(result === 'pass' ? 'verification.passed' : 'verification.failed', {
              indicator: `${item.unitName} ${item.submission.indicator}`,
              n: attached,
            }),
      );
      close();
    } catch (e) {
      if (isApiError(e) && e.status === 409)
        message.error({ content: `${formatError(t, e)} ${t('verification.reloaded')}`, duration: 6 });
      else showError(e);
      if (isApiError(e) && e.status === 409) close();
    } finally {
      setSaving(false);
      await queryClient.invalidateQueries({ queryKey: verKeys.all });
      await queryClient.invalidateQueries({ queryKey: subKeys.all });
    }
  }

  return (
    <Modal
      open={item !== null}
      title={
        item
          ? `${t('verification.verify')} · ${item.unitName} · ${item.submission.indicator} ${item.indicatorName}`
          : ''
      }
      onCancel={close}
      onOk={() => void submit()}
      okText={t('verification.record')}
      okButtonProps={{ disabled: !!problem, loading: saving, 'data-testid': 'ver-ok' }}
      destroyOnHidden
    >
      {item && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t('verification.valueIs', {
              value: `${item.submission.value ?? '—'} ${item.submission.measureUnit ?? ''}`,
              period: item.submission.period,
            })}
          </Typography.Text>
          {item.sampleId !== null && (
            <Tag color="magenta">{t('verification.sampled', { id: item.sampleId })}</Tag>
          )}
          <div>
            <Typography.Text strong>{t('verification.methodLabel')}</Typography.Text>
            <div>
              <Radio.Group
                data-testid="ver-method"
                value={chosen}
                onChange={(e) => setMethod(e.target.value)}
                options={METHODS.map((m) => ({ value: m, label: t(`verification.method.${m}`) }))}
              />
            </div>
          </div>
          <div>
            <Typography.Text strong>{t('verification.resultLabel')}</Typography.Text>
            <div>
              <Radio.Group
                data-testid="ver-result"
                value={result}
                onChange={(e) => setResult(e.target.value)}
              >
                <Radio.Button value="pass" data-testid="ver-pass">
                  {t('verification.result.pass')}
                </Radio.Button>
                <Radio.Button value="fail" data-testid="ver-fail">
                  {t('verification.result.fail')}
                </Radio.Button>
              </Radio.Group>
            </div>
          </div>
          {result === 'pass' && (
            <div>
              <Typography.Text strong>{t('verifyCorrection.label')}</Typography.Text>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
                <InputNumber
                  data-testid="ver-corrected"
                  style={{ width: 180 }}
                  value={corrected}
                  onChange={(v) => setCorrected(typeof v === 'number' ? v : null)}
                  placeholder={t('verifyCorrection.placeholder')}
                  suffix={item.submission.measureUnit ?? undefined}
                  status={problem === 'correctionSame' ? 'warning' : undefined}
                />
                {correction !== null && problem !== 'correctionSame' && (
                  <Tag color="gold" data-testid="ver-correction-preview">
                    {t(
                      'verifyCorrection.change',
                      correctionChange(item.submission.value, correction, item.submission.measureUnit)!,
                    )}
                  </Tag>
                )}
              </div>
              <Typography.Text
                type={problem === 'correctionSame' ? 'warning' : 'secondary'}
                style={{ fontSize: 12 }}
              >
                {problem === 'correctionSame' ? t('verifyCorrection.same') : t('verifyCorrection.hint')}
              </Typography.Text>
            </div>
          )}
          <Input.TextArea
            data-testid="ver-note"
            rows={3}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={
              result === 'fail'
                ? t('verification.notePlaceholderFail')
                : correction !== null
                  ? t('verifyCorrection.notePlaceholder')
                  : t('verification.notePlaceholder')
            }
            status={noteMissing ? 'error' : undefined}
          />
          {noteMissing && (
            <Typography.Text type="danger" data-testid="ver-note-required">
              {problem === 'correctionNote'
                ? t('verifyCorrection.noteRequired')
                : t('verification.noteRequired')}
            </Typography.Text>
          )}
          <Upload
            multiple
            fileList={files}
            beforeUpload={(f) => {
              if (f.size > MAX_EVIDENCE_BYTES) {
                message.error(t('submissions.evidence.e413', { name: f.name, message: '' }));
                return Upload.LIST_IGNORE;
              }
              return false;
            }}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />} data-testid="ver-files">
              {t('verification.attach')}
            </Button>
          </Upload>
        </Space>
      )}
    </Modal>
  );
}

function SamplePanel({ planId, period }: { planId: number; period: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const periods = usePeriods(planId);
  const months = useMemo(() => startedPeriods(periods.data ?? []).map((w) => w.period), [periods.data]);
  const samples = useSamples(planId, true);
  const [samplePeriod, setSamplePeriod] = useState<string | undefined>(undefined);
  const [seed, setSeed] = useState('');
  const [size, setSize] = useState<number | null>(6);
  const [shownId, setShownId] = useState<number | undefined>(undefined);
  const [drawing, setDrawing] = useState(false);
  const target = samplePeriod ?? period ?? months[0];
  const list = samples.data ?? [];
  const shown: Sample | undefined = list.find((s) => s.id === shownId) ?? list[list.length - 1];
  const sampleQueue = useQueue(shown ? planId : undefined, shown?.period);
  const rows = shown ? sampleRows(shown.submissionIds, sampleQueue.data ?? []) : [];

  async function draw() {
    if (!target || !seed.trim() || !size) return;
    setDrawing(true);
    try {
      const s = await drawSample({ planId, period: target, size, seed: seed.trim() });
      message.success(t('verification.sample.drawn', { n: s.submissionIds.length }));
      await queryClient.invalidateQueries({ queryKey: verKeys.all });
      setShownId(s.id);
    } catch (e) {
      showError(e);
    } finally {
      setDrawing(false);
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('verification.sample.hint')}
      </Typography.Paragraph>
      <Space wrap>
        <Select
          style={{ width: 140 }}
          value={target}
          onChange={setSamplePeriod}
          options={months.map((p) => ({ value: p, label: p }))}
          data-testid="ver-sample-period"
        />
        <Input
          style={{ width: 200 }}
          placeholder={t('verification.sample.seed')}
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
          maxLength={100}
          data-testid="ver-sample-seed"
        />
        <InputNumber
          min={1}
          max={1000}
          value={size}
          onChange={(v) => setSize(v)}
          addonBefore={t('verification.sample.size')}
          data-testid="ver-sample-size"
        />
        <Button
          type="primary"
          icon={<AimOutlined />}
          disabled={!seed.trim() || !size || !target}
          loading={drawing}
          onClick={() => void draw()}
          data-testid="ver-sample-draw"
        >
          {t('verification.sample.draw')}
        </Button>
      </Space>
      {list.length > 0 && (
        <Select
          style={{ minWidth: 360 }}
          value={shown?.id}
          onChange={setShownId}
          data-testid="ver-sample-pick"
          options={[...list].reverse().map((s) => ({
            value: s.id,
            label: t('verification.sample.label', {
              id: s.id,
              period: s.period,
              seed: s.seed,
              n: s.submissionIds.length,
              at: when(s.drawnAt),
              by: s.drawnBy ?? '—',
            }),
          }))}
        />
      )}
      {shown ? (
        <Table
          data-testid="ver-sample-items"
          size="small"
          rowKey="submissionId"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '#', key: 'i', width: 50, render: (_, __, i) => i + 1 },
            {
              title: t('submissions.col.unit'),
              key: 'unit',
              render: (_, r) => (r.item ? `${r.item.unitCode} ${r.item.unitName}` : `#${r.submissionId}`),
            },
            {
              title: t('submissions.col.indicator'),
              key: 'ind',
              render: (_, r) => (r.item ? `${r.item.submission.indicator} ${r.item.indicatorName}` : '—'),
            },
            {
              title: t('submissions.col.value'),
              key: 'v',
              render: (_, r) =>
                r.item ? `${r.item.submission.value ?? '—'} ${r.item.submission.measureUnit ?? ''}` : '—',
            },
            {
              title: t('submissions.col.status'),
              key: 's',
              render: (_, r) =>
                r.item ? (
                  <Tag color="processing">{t('verification.pending')}</Tag>
                ) : (
                  <Tag>{t('verification.sample.done')}</Tag>
                ),
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('verification.sample.none')} />
      )}
    </Space>
  );
}

function CountsTable({ planId }: { planId: number }) {
  const { t } = useTranslation();
  const counts = useCounts(planId);
  const totals = countTotals(counts.data ?? []);
  if (!counts.data) return <QueryState query={counts} inline testId="ver-counts" />;
  const num = (k: keyof MethodCounts) => ({
    title: k === 'total' ? t('verification.counts.total') : t(`verification.method.${k}`),
    dataIndex: k,
    width: 110,
    align: 'right' as const,
    sorter: (a: MethodCounts, b: MethodCounts) => (a[k] as number) - (b[k] as number),
  });
  return (
    <Table<MethodCounts>
      data-testid="ver-counts"
      size="small"
      rowKey="unitId"
      loading={counts.isFetching}
      dataSource={counts.data}
      pagination={{ pageSize: 25, hideOnSinglePage: true }}
      columns={[
        { title: t('submissions.col.unit'), key: 'u', render: (_, r) => `${r.unitCode} ${r.unitName}` },
        num('on_site'),
        num('work_slip'),
        num('comprehensive'),
        num('total'),
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('verification.counts.sum')}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {totals.on_site}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {totals.work_slip}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            {totals.comprehensive}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            {totals.total}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

export default function VerificationPage() {
  const { t } = useTranslation();
  const { plans, usable, planId, period, setPlan, setPeriod } = usePlanPeriodParams();
  const canSample = useCan('verification.sample');
  const periods = usePeriods(planId);
  const queue = useQueue(planId, period);
  const [checking, setChecking] = useState<QueueItem | null>(null);
  const [detail, setDetail] = useState<number | undefined>(undefined);
  const [tab, setTab] = useState('queue');

  const columns: ColumnsType<QueueItem> = [
    {
      title: t('submissions.col.unit'),
      key: 'unit',
      render: (_, q) => `${q.unitCode} ${q.unitName}`,
      sorter: (a, b) => a.unitCode.localeCompare(b.unitCode),
    },
    {
      title: t('submissions.col.indicator'),
      key: 'ind',
      render: (_, q) => (
        <span>
          <Typography.Text code>{q.submission.indicator}</Typography.Text> {q.indicatorName}
        </span>
      ),
    },
    { title: t('verification.period'), key: 'p', width: 100, render: (_, q) => q.submission.period },
    {
      title: t('submissions.col.value'),
      key: 'v',
      width: 120,
      align: 'right',
      render: (_, q) => `${q.submission.value ?? '—'} ${q.submission.measureUnit ?? ''}`,
    },
    {
      title: t('verification.submittedAt'),
      key: 'at',
      width: 210,
      render: (_, q) => (
        <Space size={2} wrap>
          <span>
            {when(q.submission.submittedAt)} · {q.submission.submittedBy ?? '—'}
          </span>
          {q.submission.late && <Tag color="orange">{t('submissions.late')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('verification.flags'),
      key: 'f',
      width: 130,
      render: (_, q) =>
        q.sampleId !== null ? (
          <Tag color="magenta" data-testid="ver-sampled">
            {t('verification.sampled', { id: q.sampleId })}
          </Tag>
        ) : null,
    },
    {
      title: t('common.actions'),
      key: 'a',
      width: 170,
      render: (_, q) => (
        <Space size={0}>
          <Button
            size="small"
            type="link"
            icon={<PaperClipOutlined />}
            onClick={() => setDetail(q.submission.id)}
            data-testid={`ver-detail-${rowId(q)}`}
          >
            {q.submission.evidenceCount}
          </Button>
          <Button
            size="small"
            type="primary"
            icon={<SafetyCertificateOutlined />}
            onClick={() => setChecking(q)}
            data-testid={`ver-check-${rowId(q)}`}
          >
            {t('verification.verify')}
          </Button>
        </Space>
      ),
    },
  ];

  if (!plans.data) return <QueryState query={plans} testId="ver-plans" />;
  if (!usable.length || !planId) return <Empty description={t('submissions.noPlans')} />;

  const periodOptions = startedPeriods(periods.data ?? [])
    .map((w) => w.period)
    .sort()
    .map((p) => ({ value: p, label: p }));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <PlanSelect plans={usable} value={planId} onChange={setPlan} testId="ver-plan" />
          <Select
            data-testid="ver-period"
            allowClear
            style={{ width: 160 }}
            placeholder={t('verification.allPeriods')}
            value={period}
            onChange={(v: string | undefined) => setPeriod(v)}
            options={periodOptions}
          />
        </Space>
      </Card>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'queue',
              label: `${t('verification.queue')}${queue.data ? ` (${queue.data.length})` : ''}`,
              children: (
                // No "nothing to verify" before the queue has loaded: Spin, or the error with 重试.
                <QueryState query={queue} inline testId="ver-queue">
                  <Table<QueueItem>
                    data-testid="ver-queue"
                    size="small"
                    rowKey={(q) => q.submission.id}
                    loading={queue.isFetching}
                    dataSource={queue.data ?? []}
                    columns={columns}
                    pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                    scroll={{ x: 960 }}
                    locale={{ emptyText: t('verification.empty') }}
                  />
                </QueryState>
              ),
            },
            ...(canSample
              ? [
                  {
                    key: 'sample',
                    label: t('verification.sample.title'),
                    children: <SamplePanel planId={planId} period={period} />,
                  },
                ]
              : []),
            {
              key: 'counts',
              label: t('verification.counts.title'),
              children: <CountsTable planId={planId} />,
            },
          ]}
        />
      </Card>
      <VerifyModal item={checking} onClose={() => setChecking(null)} />
      <SubmissionDrawer
        submissionId={detail}
        tab="evidence"
        canUpload={false}
        onClose={() => setDetail(undefined)}
      />
    </Space>
  );
}
