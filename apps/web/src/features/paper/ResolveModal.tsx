import type { BallotAnswers, PaperBatchDetail } from '@jixiao/contracts';
import { Descriptions, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entryFields, typedOf } from './entry-model.js';

type Sheet = PaperBatchDetail['sheetList'][number];

/** A double-entry difference side by side: the one who holds the paper sheet picks the right entry. */
export function ResolveModal({
  batch,
  sheet,
  onResolve,
  onClose,
}: {
  batch: PaperBatchDetail;
  sheet: Sheet;
  onResolve: (answers: BallotAnswers) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [pick, setPick] = useState<'first' | 'second'>('first');
  const fields = entryFields(batch.questions);
  const first = typedOf(fields, sheet.first!);
  const second = typedOf(fields, sheet.second!);
  return (
    <Modal
      open
      title={t('paper.resolveTitle', { seq: sheet.seq })}
      onCancel={onClose}
      onOk={() => onResolve((pick === 'first' ? sheet.first : sheet.second)!)}
      okText={t('paper.resolve')}
    >
      <Descriptions size="small" column={1} bordered>
        {fields.map((f) => (
          <Descriptions.Item
            key={f.key}
            label={f.row ? `${f.question.title} · ${f.row.label}` : f.question.title}
            contentStyle={first[f.key] !== second[f.key] ? { background: '#fff1f0' } : undefined}
          >
            {first[f.key] ?? '—'} / {second[f.key] ?? '—'}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Radio.Group value={pick} onChange={(e) => setPick(e.target.value)} style={{ marginTop: 12 }}>
        <Radio value="first" data-testid="resolve-first">
          {t('paper.takeFirst', { who: sheet.firstBy })}
        </Radio>
        <Radio value="second" data-testid="resolve-second">
          {t('paper.takeSecond', { who: sheet.secondBy })}
        </Radio>
      </Radio.Group>
    </Modal>
  );
}
