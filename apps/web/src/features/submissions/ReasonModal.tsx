import type { SubmissionSlot } from '@jixiao/contracts';
import { Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonInput } from '../../shared/ReasonInput.js';

/** Rows to save or submit once the user gives the reason for correcting a verified value (G5). */
export interface ReasonAsk {
  slots: SubmissionSlot[];
  submit: boolean;
}

/** Asks why a verified value is corrected; opens empty each time it is asked. */
export function ReasonModal({
  ask,
  onCancel,
  onOk,
}: {
  ask: ReasonAsk | null;
  onCancel: () => void;
  onOk: (ask: ReasonAsk, reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState<ReasonAsk | null>(null);
  if (shown !== ask) {
    setShown(ask);
    if (ask) setReason('');
  }
  return (
    <Modal
      open={ask !== null}
      title={t('submissions.reasonTitle')}
      okText={t('submissions.correct')}
      okButtonProps={{ disabled: !reason.trim(), 'data-testid': 'sub-reason-ok' }}
      onCancel={onCancel}
      onOk={() => ask && onOk(ask, reason.trim())}
    >
      <Typography.Paragraph type="secondary">{t('submissions.reasonHint')}</Typography.Paragraph>
      <ReasonInput testId="sub-reason" max={500} value={reason} onChange={setReason} />
    </Modal>
  );
}
