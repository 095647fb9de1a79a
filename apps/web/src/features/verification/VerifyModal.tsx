import type { VerificationMethod, VerificationQueueItem } from '@jixiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { InputNumber, Modal, Radio, Space, Tag, Typography, type UploadFile } from 'antd';
import { type ReactNode, useState } from 'react';
import { isApiError } from '../../shared/api.js';
import { formatError, useFeedback } from '../../shared/feedback.js';
import { ReasonInput } from '../../shared/ReasonInput.js';
import { subKeys, uploadVerificationEvidence } from '../submissions/api.js';
import { EvidencePicker, useEvidenceErrors } from '../submissions/EvidenceUpload.js';
import { postVerification, verKeys } from './api.js';
import { correctionChange, defaultMethod, METHODS, verdictProblem } from './model.js';

/** A part of the dialog: its label in bold above its control. */
function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Typography.Text strong>{label}</Typography.Text>
      <div>{children}</div>
    </div>
  );
}

/** Record one conformity check: method, pass/fail with reason, attachments. */
export function VerifyModal({ item, onClose }: { item: VerificationQueueItem | null; onClose: () => void }) {
  const { t, message, showError } = useFeedback();
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
          <Labelled label={t('verification.methodLabel')}>
            <Radio.Group
              data-testid="ver-method"
              value={chosen}
              onChange={(e) => setMethod(e.target.value)}
              options={METHODS.map((m) => ({ value: m, label: t(`verification.method.${m}`) }))}
            />
          </Labelled>
          <Labelled label={t('verification.resultLabel')}>
            <Radio.Group data-testid="ver-result" value={result} onChange={(e) => setResult(e.target.value)}>
              <Radio.Button value="pass" data-testid="ver-pass">
                {t('verification.result.pass')}
              </Radio.Button>
              <Radio.Button value="fail" data-testid="ver-fail">
                {t('verification.result.fail')}
              </Radio.Button>
            </Radio.Group>
          </Labelled>
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
          <ReasonInput
            testId="ver-note"
            max={1000}
            value={note}
            onChange={setNote}
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
          <EvidencePicker files={files} onChange={setFiles} testId="ver-files" />
        </Space>
      )}
    </Modal>
  );
}
