import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { EvidenceFile } from '@jixiao/contracts';
import { Button, Descriptions, Drawer, Empty, List, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePicker } from '../../shared/FilePicker.js';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { QueryState } from '../../shared/QueryState.js';
import { correctedFrom, correctionChange } from '../verification/model.js';
import { evidenceUrl, subKeys, uploadEvidence, useSubmissionDetail } from './api.js';
import { useEvidenceErrors } from './EvidenceUpload.js';
import { MAX_EVIDENCE_BYTES, STATUS_COLOR } from './model.js';

export type DrawerTab = 'evidence' | 'history' | 'checks';

const when = formatDateTime;
const size = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;

/** A list of evidence files with download links. */
export function EvidenceList({ files, testId }: { files: EvidenceFile[]; testId?: string }) {
  const { t } = useTranslation();
  if (!files.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('submissions.evidence.none')} />;
  return (
    <List
      data-testid={testId}
      size="small"
      dataSource={files}
      renderItem={(f) => (
        <List.Item
          actions={[
            <a
              key="dl"
              href={evidenceUrl(f.id)}
              download={f.fileName}
              data-testid={`evidence-download-${f.id}`}
            >
              <DownloadOutlined /> {t('submissions.evidence.download')}
            </a>,
          ]}
        >
          <List.Item.Meta
            avatar={<PaperClipOutlined />}
            title={f.fileName}
            description={`${size(f.size)} · ${f.contentType} · ${f.uploadedBy ?? '—'} · ${when(f.uploadedAt)}`}
          />
        </List.Item>
      )}
    />
  );
}

/** Value detail: evidence (upload when allowed), every earlier value, conformity checks. */
export function SubmissionDrawer({
  submissionId,
  tab,
  canUpload,
  onClose,
}: {
  submissionId: number | undefined;
  tab: DrawerTab;
  canUpload: boolean;
  onClose: () => void;
}) {
  const { t, message, queryClient } = useFeedback();
  const detail = useSubmissionDetail(submissionId);
  const [active, setActive] = useState<DrawerTab | null>(null);
  const [uploading, setUploading] = useState(false);
  const refused = useEvidenceErrors();
  const d = detail.data;

  async function upload(file: File) {
    if (!submissionId) return;
    if (file.size > MAX_EVIDENCE_BYTES) {
      message.error(t('submissions.evidence.e413', { name: file.name, message: '' }));
      return;
    }
    setUploading(true);
    try {
      await uploadEvidence(submissionId, file);
      message.success(t('submissions.evidence.uploaded', { name: file.name }));
      await queryClient.invalidateQueries({ queryKey: subKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['verification'] });
    } catch (e) {
      refused(file, e);
    } finally {
      setUploading(false);
    }
  }

  return (
    <Drawer
      open={submissionId !== undefined}
      onClose={() => {
        setActive(null);
        onClose();
      }}
      size={640}
      title={d ? `${d.unitName} · ${d.indicator} ${d.indicatorName} · ${d.period}` : t('submissions.detail')}
      data-testid="sub-drawer"
      destroyOnHidden
    >
      <QueryState query={detail} inline testId="sub-detail" />
      {d && (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('submissions.col.value')}>
              {d.value ?? '—'} {d.measureUnit ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('submissions.col.status')}>
              <Tag color={STATUS_COLOR[d.status]}>{t(`submissions.status.${d.status}`)}</Tag>
              {d.late && <Tag color="orange">{t('submissions.late')}</Tag>}
            </Descriptions.Item>
            {d.returnReason && (
              <Descriptions.Item label={t('submissions.returnReason')} span={2}>
                <Typography.Text type="danger">{d.returnReason}</Typography.Text>
              </Descriptions.Item>
            )}
            {d.note && (
              <Descriptions.Item label={t('submissions.col.note')} span={2}>
                {d.note}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Tabs
            activeKey={active ?? tab}
            onChange={(k) => setActive(k as DrawerTab)}
            items={[
              {
                key: 'evidence',
                label: `${t('submissions.evidence.title')} (${d.evidence.length})`,
                children: (
                  <>
                    {canUpload && (
                      <div style={{ marginBottom: 8 }}>
                        <FilePicker
                          accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
                          multiple
                          onFile={(file) => void upload(file)}
                        >
                          <Button data-testid="evidence-upload" icon={<UploadOutlined />} loading={uploading}>
                            {t('submissions.evidence.upload')}
                          </Button>
                        </FilePicker>
                        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                          {t('submissions.evidence.hint')}
                        </Typography.Text>
                      </div>
                    )}
                    <EvidenceList files={d.evidence} testId="evidence-list" />
                  </>
                ),
              },
              {
                key: 'history',
                label: `${t('submissions.history.title')} (${d.history.length})`,
                children: (
                  <Table
                    data-testid="sub-history"
                    size="small"
                    rowKey={(_, i) => String(i)}
                    pagination={false}
                    dataSource={[...d.history].reverse()}
                    columns={[
                      {
                        title: t('submissions.history.when'),
                        dataIndex: 'changedAt',
                        render: when,
                        width: 170,
                      },
                      {
                        title: t('submissions.history.who'),
                        dataIndex: 'changedBy',
                        render: (v) => v ?? '—',
                      },
                      { title: t('submissions.col.value'), dataIndex: 'value', render: (v) => v ?? '—' },
                      {
                        title: t('submissions.col.status'),
                        dataIndex: 'status',
                        render: (s: string) => t(`submissions.status.${s}`, { defaultValue: s }),
                      },
                      { title: t('submissions.history.why'), dataIndex: 'reason', render: (v) => v ?? '—' },
                    ]}
                  />
                ),
              },
              {
                key: 'checks',
                label: `${t('submissions.checks.title')} (${d.verifications.length})`,
                children: d.verifications.length ? (
                  <List
                    dataSource={d.verifications}
                    renderItem={(v) => (
                      <List.Item>
                        <div style={{ width: '100%' }}>
                          <div>
                            <Tag color={v.result === 'pass' ? 'success' : 'error'}>
                              {t(`verification.result.${v.result}`)}
                            </Tag>
                            {t(`verification.method.${v.method}`)} · {v.verifiedBy ?? '—'} ·{' '}
                            {when(v.verifiedAt)}
                          </div>
                          {v.correctedValue !== null && (
                            <Tag color="gold" data-testid="ver-correction" style={{ marginTop: 4 }}>
                              {t(
                                'verifyCorrection.change',
                                correctionChange(correctedFrom(d, v), v.correctedValue, d.measureUnit)!,
                              )}
                            </Tag>
                          )}
                          {v.note && (
                            <Typography.Paragraph style={{ margin: '4px 0' }}>{v.note}</Typography.Paragraph>
                          )}
                          {v.evidence.length > 0 && <EvidenceList files={v.evidence} />}
                        </div>
                      </List.Item>
                    )}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('submissions.checks.none')} />
                ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
