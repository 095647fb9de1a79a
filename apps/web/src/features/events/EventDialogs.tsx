import { UploadOutlined } from '@ant-design/icons';
import type { CycleEvent } from '@jixiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Modal, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.js';
import { formatError, useFeedback } from '../../shared/feedback.js';
import { ReasonInput } from '../../shared/ReasonInput.js';
import { useEvidenceErrors } from '../submissions/EvidenceUpload.js';
import { MAX_EVIDENCE_BYTES } from '../submissions/model.js';
import { EvidenceList } from '../submissions/SubmissionDrawer.js';
import { decideEvent, eventKeys, uploadEventEvidence, withdrawEvent } from './api.js';
import { eventErrorText } from './errorText.js';

export type Dialog =
  | { kind: 'approve' | 'reject' | 'withdraw'; event: CycleEvent }
  | { kind: 'evidence'; event: CycleEvent; canAttach: boolean };

/** Approve / reject a pending bonus (the office), or withdraw an event, with a note or a reason. */
export function DecisionModal({ dialog, onClose }: { dialog: Dialog | null; onClose: () => void }) {
  if (!dialog || dialog.kind === 'evidence') return null;
  // Keyed: each decision starts with an empty note.
  return <DecisionBody key={`${dialog.kind}-${dialog.event.id}`} d={dialog} onClose={onClose} />;
}

function DecisionBody({
  d,
  onClose,
}: {
  d: Extract<Dialog, { kind: 'approve' | 'reject' | 'withdraw' }>;
  onClose: () => void;
}) {
  const { t, message, queryClient } = useFeedback();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const e = d.event;
  const needsNote = d.kind !== 'approve';
  const blocked = needsNote && !note.trim();

  async function submit() {
    if (blocked) return;
    setSaving(true);
    setError(null);
    try {
      if (d.kind === 'withdraw') {
        await withdrawEvent(e.id, { reason: note.trim(), version: e.version });
        message.success(t('events.withdrawn'));
      } else {
        await decideEvent(e.id, { decision: d.kind, note: note.trim() || null, version: e.version });
        message.success(t(d.kind === 'approve' ? 'events.approved' : 'events.rejected'));
      }
      onClose();
    } catch (err) {
      if (isApiError(err) && err.status === 409) {
        message.error({ content: `${formatError(t, err)} ${t('events.reloaded')}`, duration: 6 });
        onClose();
      } else setError(eventErrorText(err, (x) => formatError(t, x)));
    } finally {
      setSaving(false);
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
    }
  }

  const title =
    d.kind === 'withdraw'
      ? t('events.withdrawTitle', { unit: e.unitName, kind: t(`events.kind.${e.kind}`) })
      : t('events.decisionTitle', {
          action: t(`events.${d.kind}`),
          unit: e.unitName,
          points: e.points ?? '—',
        });
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t(`events.${d.kind}`)}
      okButtonProps={{
        disabled: blocked,
        loading: saving,
        danger: d.kind !== 'approve',
        'data-testid': 'ev-dialog-ok',
      }}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {e.reason}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} />}
        <ReasonInput
          testId="ev-dialog-note"
          max={2000}
          value={note}
          onChange={setNote}
          placeholder={d.kind === 'withdraw' ? t('events.withdrawReason') : t('events.decisionNote')}
        />
        {d.kind === 'reject' && !note.trim() && (
          <Typography.Text type="secondary">{t('events.decisionNoteRequired')}</Typography.Text>
        )}
      </Space>
    </Modal>
  );
}

/** An event's evidence, with an upload for those who may attach. */
export function EvidenceDrawer({ dialog, onClose }: { dialog: Dialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refused = useEvidenceErrors();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const d = dialog?.kind === 'evidence' ? dialog : null;
  // The list refreshes from the server; keep the latest files of the open event.
  const [files, setFiles] = useState(d?.event.evidence ?? []);
  useEffect(() => setFiles(d?.event.evidence ?? []), [d?.event]);
  return (
    <Drawer
      open={!!d}
      onClose={onClose}
      title={d ? `${t('events.evidenceTitle')} · ${d.event.unitName}` : ''}
      size={480}
      data-testid="ev-evidence"
    >
      {d && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {d.canAttach && (
            <Upload
              showUploadList={false}
              beforeUpload={(f) => {
                if (f.size > MAX_EVIDENCE_BYTES) {
                  message.error(t('submissions.evidence.e413', { name: f.name, message: '' }));
                  return Upload.LIST_IGNORE;
                }
                setUploading(true);
                uploadEventEvidence(d.event.id, f)
                  .then((ev) => {
                    setFiles((x) => [...x, ev]);
                    message.success(t('events.attached', { name: f.name }));
                    return queryClient.invalidateQueries({ queryKey: eventKeys.all });
                  })
                  .catch((e) => refused(f, e))
                  .finally(() => setUploading(false));
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading} data-testid="ev-evidence-upload">
                {t('events.attach')}
              </Button>
            </Upload>
          )}
          <EvidenceList files={files} testId="ev-evidence-list" />
        </Space>
      )}
    </Drawer>
  );
}
